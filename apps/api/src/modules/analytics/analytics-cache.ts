import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

const MAX_BYTES = 64 * 1024 * 1024;
const MAX_ENTRY_BYTES = 16 * 1024 * 1024;

/**
 * Serialised analytics answers, kept until the data changes. Analytics read only confirmed
 * versions, which are never changed in place (a correction is a new version), so the set of
 * confirmed report ids — with the units and the settings — is the data version. It is read from
 * PostgreSQL on every request: an answer is never served after a confirm, in this process or another.
 */
@Injectable()
export class AnalyticsCache {
  private readonly entries = new Map<string, string>();
  private bytes = 0;

  constructor(private readonly db: DataSource) {}

  async version(): Promise<string> {
    const [{ v }] = await this.db.query(
      `SELECT concat_ws('|',
         (SELECT concat_ws(':', count(*), sum(hashtext(id::text)::bigint)) FROM report WHERE status = 'confirmed'),
         (SELECT concat_ws(':', count(*), max(created_at)) FROM unit),
         (SELECT max(updated_at) FROM setting)) AS v`,
    );
    return v as string;
  }

  get(key: string): string | undefined {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, json: string): void {
    if (json.length > MAX_ENTRY_BYTES) return;
    this.entries.set(key, json);
    this.bytes += json.length;
    for (const [oldest, value] of this.entries) {
      if (this.bytes <= MAX_BYTES) break;
      this.entries.delete(oldest);
      this.bytes -= value.length;
    }
  }
}
