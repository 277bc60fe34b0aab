import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

const MAX_BYTES = 64 * 1024 * 1024;
const MAX_ENTRY_BYTES = 16 * 1024 * 1024;

/**
 * Serialised analytics answers, kept until the data changes. Analytics read only confirmed
 * versions, which are never changed in place (a correction is a new version); triggers move
 * data_version whenever a report becomes or stops being confirmed, or a unit or setting changes.
 * It is read on every request, so an answer is never served after a confirm — in any process.
 */
@Injectable()
export class AnalyticsCache {
  private readonly entries = new Map<string, string>();
  private bytes = 0;

  constructor(private readonly db: DataSource) {}

  async version(): Promise<string> {
    const [{ version }] = await this.db.query(`SELECT version::text FROM data_version`);
    return version as string;
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
