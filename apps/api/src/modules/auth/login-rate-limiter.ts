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
    const wait = Math.max(await this.wait(addressKey(address), PER_ADDRESS, now), await this.wait(accountKey(username), PER_ACCOUNT, now));
    if (wait > 0) {
      const minutes = Math.ceil(wait / 60_000);
      throw Object.assign(new AppError(429, 'TOO_MANY_ATTEMPTS', `登录失败次数过多，请 ${minutes} 分钟后再试`), { retryAfterSeconds: Math.ceil(wait / 1000) });
    }
  }

  /** Counts a failure on both keys; the counts and the waits come from the same statement. */
  async fail(address: string, username: string, now = Date.now()): Promise<FailureOutcome> {
    const keys = [accountKey(username), addressKey(address)];
    return this.db.transaction(async (m) => {
      await m.query(`DELETE FROM login_failure WHERE key = ANY($1) AND failed_at <= $2`, [keys, new Date(now - WINDOW_MS)]);
      await m.query(`INSERT INTO login_failure (key, failed_at) SELECT k, $2 FROM unnest($1::text[]) AS k`, [keys, new Date(now)]);
      const account = await this.recent(keys[0]!, now, m);
      const addr = await this.recent(keys[1]!, now, m);
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
    const rows: { key: string; times: Date[] }[] = await this.db.query(
      `SELECT key, array_agg(failed_at ORDER BY failed_at) AS times FROM login_failure
        WHERE key = ANY($1) AND failed_at > $2 AND failed_at <= $3 GROUP BY key`,
      [usernames.map(accountKey), new Date(now - WINDOW_MS), new Date(now)],
    );
    const byKey = new Map(rows.map((r) => [r.key, r.times.map((t) => t.getTime())]));
    const locked = new Map<string, Date>();
    for (const username of usernames) {
      const wait = waitOf(byKey.get(accountKey(username)) ?? [], PER_ACCOUNT, now);
      if (wait > 0) locked.set(username, new Date(now + wait));
    }
    return locked;
  }

  /** An admin's unlock: the account's failures are forgotten (the address counters stay). */
  async unlock(username: string, m: EntityManager = this.db.manager): Promise<boolean> {
    const [, deleted]: [unknown, number] = await m.query(`DELETE FROM login_failure WHERE key = $1`, [accountKey(username)]);
    return deleted > 0;
  }

  private async wait(key: string, limit: number, now: number): Promise<number> {
    return waitOf(await this.recent(key, now), limit, now);
  }

  /** The key's failures inside the window, oldest first (epoch ms). */
  private async recent(key: string, now: number, m: EntityManager = this.db.manager): Promise<number[]> {
    const rows: { t: Date }[] = await m.query(
      `SELECT failed_at AS t FROM login_failure WHERE key = $1 AND failed_at > $2 AND failed_at <= $3 ORDER BY failed_at`,
      [key, new Date(now - WINDOW_MS), new Date(now)],
    );
    return rows.map((r) => r.t.getTime());
  }
}

/** How long until fewer than `limit` failures remain in the window (0 when not locked). */
function waitOf(times: number[], limit: number, now: number): number {
  return times.length >= limit ? times[times.length - limit]! + WINDOW_MS - now : 0;
}
