import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { answerBytes, type Coding, type EncodedAnswer, encodeAnswer, type SendableAnswer } from './encoded-answer.js';
import { InjectReadDatabase } from '../../database/read-database.js';
import { NextBatch } from '../../database/next-batch.js';

export const MAX_CACHE_BYTES = 64 * 1024 * 1024;
export const MAX_ENTRY_BYTES = 16 * 1024 * 1024;


/**
 * Serialised analytics answers, kept until the data changes. Analytics read only confirmed
 * versions, which are never changed in place (a correction is a new version); triggers move
 * data_version whenever a report becomes or stops being confirmed, a unit or setting changes, or
 * a metric definition is recomputed. It is read on every request, so an answer is never served
 * after a confirm — in any process.
 *
 * With a replica (DATABASE_READ_URL) the answer is computed on a hot standby that may lag the
 * primary, so data_version is read from that same read connection, never the primary: the key is
 * the version the standby has replayed, and the answer under it is computed from the same replayed
 * data. Reading the primary's version instead would, during lag, file an answer computed from
 * older data under the newer key, and serve it stale until the next change. The compute runs
 * several queries on pooled connections; a standby's replay (like a primary's commits) only moves
 * forward, so if the version read again after computing is still the same, every query in between
 * saw exactly that version — otherwise the answer is returned but not kept. (DATABASE_READ_URL must
 * therefore name one standby, not a balancer over several, whose replay positions differ.)
 *
 * Each entry is kept encoded (JSON, gzip and brotli bytes, ETag: encoded-answer.ts), made once.
 * The request that computed it is answered as soon as the coding it takes is made; the entry is
 * kept (and concurrent callers of the key answered) once every coding is, a few ms later.
 * Sizes are the bytes held (the JSON's UTF-8 plus its compressed copies), least recently used first out. One key is computed once at a
 * time: concurrent misses for it wait for the first computation (single flight).
 */
@Injectable()
export class AnalyticsCache {
  private readonly entries = new Map<string, { answer: EncodedAnswer; size: number }>();
  private readonly inFlight = new Map<string, Promise<EncodedAnswer>>();
  private bytes = 0;
  /** Answers encoded (serialised text turned into JSON, gzip and brotli bytes) since start: one per computation, none per hit. */
  encodings = 0;

  /** Concurrent requests share a read of data_version, each one started after they asked. */
  private readonly versions = new NextBatch<'version', string>(async () => {
    const [{ version }]: { version: string }[] = await this.db.query(`SELECT version::text FROM data_version`);
    return new Map([['version', version]]);
  });

  constructor(@InjectReadDatabase() private readonly db: DataSource) {}

  /** data_version as the read connection sees it (the standby's replayed one with a replica). */
  async version(): Promise<string> {
    return (await this.versions.load('version'))!;
  }

  /**
   * The answer of `key` at the data's current version: cached, or computed and kept when
   * data_version did not move while it was computed. `read` is the version read for this request
   * already (DataVersionPrefetch, before the lookup), else it is read now.
   */
  async versioned(
    key: string,
    compute: () => Promise<string>,
    read?: Promise<string>,
    first?: Coding,
  ): Promise<{ answer: SendableAnswer; hit: boolean }> {
    const version = await (read ?? this.version());
    return this.getOrCompute(`${key}|${version}`, compute, async () => (await this.version()) === version, first);
  }

  /** Resolves once no answer is being computed or encoded (every computed answer is kept or dropped by then). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.inFlight.values()]);
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
   * The cached answer, or the one `compute` makes (cached for the next caller unless `keep` says
   * no). While a key is being computed, other callers of the same key wait for that computation
   * instead of starting their own; a failed computation is not cached and the next caller tries again.
   * The caller that computes gets its answer with the `first` coding (the one it sends) as soon as
   * that is made; the others wait for every coding, as the entry kept.
   */
  async getOrCompute(
    key: string,
    compute: () => Promise<string>,
    keep: () => Promise<boolean> = async () => true,
    first: Coding = 'br',
  ): Promise<{ answer: SendableAnswer; hit: boolean }> {
    const cached = this.entry(key);
    if (cached !== undefined) return { answer: cached, hit: true };
    const running = this.inFlight.get(key);
    if (running) return { answer: await running, hit: true };
    const encoding = compute().then((json) => {
      this.encodings += 1;
      return encodeAnswer(json, first);
    });
    const whole = encoding
      .then(async ({ whole: encoded }) => {
        const [answer, kept] = await Promise.all([encoded, keep()]);
        if (kept) this.set(key, answer);
        return answer;
      })
      // Out of flight before anyone waiting hears of it: the next caller finds the entry, or computes again.
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, whole);
    // A failed computation reaches this caller through `encoding` below and every waiter through `whole`;
    // when only the second coding or the version check fails, the answer sent stands and nothing is kept.
    whole.catch(() => undefined);
    return { answer: await (await encoding).sendable, hit: false };
  }

  private delete(key: string): void {
    const old = this.entries.get(key);
    if (old === undefined) return;
    this.entries.delete(key);
    this.bytes -= old.size;
  }
}
