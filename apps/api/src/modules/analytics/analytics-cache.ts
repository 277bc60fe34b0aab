import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { answerBytes, type EncodedAnswer, encodeAnswer } from './encoded-answer.js';
import { InjectReadDatabase } from '../../database/read-database.js';

export const MAX_CACHE_BYTES = 64 * 1024 * 1024;
export const MAX_ENTRY_BYTES = 16 * 1024 * 1024;


/**
 * Serialised analytics answers, kept until the data changes. Analytics read only confirmed
 * versions, which are never changed in place (a correction is a new version); triggers move
 * data_version whenever a report becomes or stops being confirmed, a unit or setting changes, or
 * a metric definition is recomputed. It is read on every request, so an answer is never served
 * after a confirm — in any process.
 *
 * Each entry is kept encoded (JSON, gzip and brotli bytes, ETag: encoded-answer.ts), made once.
 * Sizes are the bytes held (the JSON's UTF-8 plus its compressed copies), least recently used first out. One key is computed once at a
 * time: concurrent misses for it wait for the first computation (single flight).
 */
@Injectable()
export class AnalyticsCache {
  private readonly entries = new Map<string, { answer: EncodedAnswer; size: number }>();
  private readonly inFlight = new Map<string, Promise<EncodedAnswer>>();
  private bytes = 0;

  constructor(@InjectReadDatabase() private readonly db: DataSource) {}

  async version(): Promise<string> {
    const [{ version }] = await this.db.query(`SELECT version::text FROM data_version`);
    return version as string;
  }

  /** Bytes held now (the sum of the entries' sizes). */
  get size(): number {
    return this.bytes;
  }

  /** The kept JSON of a key, as text. */
  get(key: string): string | undefined {
    return this.entry(key)?.json.toString('utf8');
  }

  /** The kept answer of a key, most recently used from now on. */
  entry(key: string): EncodedAnswer | undefined {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit?.answer;
  }

  set(key: string, answer: EncodedAnswer): void {
    this.delete(key);
    const size = answerBytes(answer);
    if (size > MAX_ENTRY_BYTES) return;
    this.entries.set(key, { answer, size });
    this.bytes += size;
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= MAX_CACHE_BYTES) break;
      this.delete(oldest);
    }
  }

  /**
   * The cached answer, or the one `compute` makes (cached for the next caller). While a key is
   * being computed, other callers of the same key wait for that computation instead of starting
   * their own; a failed computation is not cached and the next caller tries again.
   */
  async getOrCompute(key: string, compute: () => Promise<string>): Promise<{ answer: EncodedAnswer; hit: boolean }> {
    const cached = this.entry(key);
    if (cached !== undefined) return { answer: cached, hit: true };
    const running = this.inFlight.get(key);
    if (running) return { answer: await running, hit: true };
    const computation = compute().then(encodeAnswer).then((answer) => {
      this.set(key, answer);
      return answer;
    });
    this.inFlight.set(key, computation);
    try {
      return { answer: await computation, hit: false };
    } finally {
      this.inFlight.delete(key);
    }
  }

  private delete(key: string): void {
    const old = this.entries.get(key);
    if (old === undefined) return;
    this.entries.delete(key);
    this.bytes -= old.size;
  }
}
