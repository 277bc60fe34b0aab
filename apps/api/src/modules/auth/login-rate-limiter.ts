import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error.js';

const WINDOW_MS = 15 * 60_000;
/** Failed sign-ins allowed per account (from any address) and per address (any account), per window. */
export const PER_ACCOUNT = 5;
export const PER_ADDRESS = 30;

/** What a failed attempt changed: whether it just locked the account or the address. */
export interface FailureOutcome {
  accountLocked: boolean;
  addressLocked: boolean;
  /** When the lock ends (the oldest counted failure leaves the window). */
  until: Date;
}

const accountKey = (username: string) => `u:${username.toLowerCase()}`;
const addressKey = (address: string) => `a:${address}`;

/**
 * Slows password guessing: after too many failed sign-ins in 15 minutes the next attempt is
 * refused with 429 and Retry-After, before the password is even checked. Two counters: one per
 * account whatever the address (rotating addresses does not help), one per address whatever the
 * account (spraying many accounts does not help). An admin can unlock an account early.
 * The failures live in PostgreSQL (table login_failure), so a restart does not lift a lock and
 * every API process of a deployment counts the same attempts.
 */
@Injectable()
export class LoginRateLimiter {
  constructor(private readonly db: DataSource) {}

  async check(address: string, username: string, now = Date.now()): Promise<void> {
    const recent = await this.recent([addressKey(address), accountKey(username)], now);
    const wait = Math.max(waitOf(recent.get(addressKey(address)), PER_ADDRESS, now), waitOf(recent.get(accountKey(username)), PER_ACCOUNT, now));
    if (wait > 0) {
      const minutes = Math.ceil(wait / 60_000);
      throw Object.assign(new AppError(429, 'TOO_MANY_ATTEMPTS', `登录失败次数过多，请 ${minutes} 分钟后再试`), { retryAfterSeconds: Math.ceil(wait / 1000) });
    }
  }

  /**
   * Counts a failure on both keys and says what it locked. Expired failures of every key are
   * deleted on the way, so the table holds at most one window of attempts.
   */
  async fail(address: string, username: string, now = Date.now()): Promise<FailureOutcome> {
    const keys = [accountKey(username), addressKey(address)];
    return this.db.transaction(async (m) => {
      await m.query(`DELETE FROM login_failure WHERE failed_at <= $1`, [new Date(now - WINDOW_MS)]);
      await m.query(`INSERT INTO login_failure (key, failed_at) SELECT k, $2 FROM unnest($1::text[]) AS k`, [keys, new Date(now)]);
      const recent = await this.recent(keys, now, m);
      const account = recent.get(keys[0]!) ?? [];
      const addr = recent.get(keys[1]!) ?? [];
      const wait = Math.max(waitOf(account, PER_ACCOUNT, now), waitOf(addr, PER_ADDRESS, now));
      return { accountLocked: account.length === PER_ACCOUNT, addressLocked: addr.length === PER_ADDRESS, until: new Date(now + wait) };
    });
  }

  async succeed(username: string): Promise<void> {
    await this.db.query(`DELETE FROM login_failure WHERE key = $1`, [accountKey(username)]);
  }

  /** When the account's lock ends, or null when it is not locked. */
  async lockedUntil(username: string, now = Date.now()): Promise<Date | null> {
    return (await this.lockedUntilMany([username], now)).get(username) ?? null;
  }

  /** Lock ends of many accounts in one statement, for the account list (username → until; unlocked ones absent). */
  async lockedUntilMany(usernames: string[], now = Date.now()): Promise<Map<string, Date>> {
    const recent = await this.recent(usernames.map(accountKey), now);
    const locked = new Map<string, Date>();
    for (const username of usernames) {
      const wait = waitOf(recent.get(accountKey(username)), PER_ACCOUNT, now);
      if (wait > 0) locked.set(username, new Date(now + wait));
    }
    return locked;
  }

  /** An admin's unlock: the account's failures are forgotten (the address counters stay). */
  async unlock(username: string, m: EntityManager = this.db.manager): Promise<boolean> {
    const [, deleted]: [unknown, number] = await m.query(`DELETE FROM login_failure WHERE key = $1`, [accountKey(username)]);
    return deleted > 0;
  }

  /** The keys' failures inside the window, oldest first (epoch ms), in one statement; keys without any are absent. */
  private async recent(keys: string[], now: number, m: EntityManager = this.db.manager): Promise<Map<string, number[]>> {
    const rows: { key: string; times: Date[] }[] = await m.query(
      `SELECT key, array_agg(failed_at ORDER BY failed_at) AS times FROM login_failure
        WHERE key = ANY($1) AND failed_at > $2 AND failed_at <= $3 GROUP BY key`,
      [keys, new Date(now - WINDOW_MS), new Date(now)],
    );
    return new Map(rows.map((r) => [r.key, r.times.map((t) => t.getTime())]));
  }
}

/** How long until fewer than `limit` failures remain in the window (0 when not locked). */
function waitOf(times: number[] | undefined, limit: number, now: number): number {
  if (!times || times.length < limit) return 0;
  return times[times.length - limit]! + WINDOW_MS - now;
}
