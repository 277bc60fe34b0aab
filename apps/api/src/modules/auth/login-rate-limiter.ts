import { Injectable } from '@nestjs/common';
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
 * In memory: one API process per deployment (a cluster would keep these counters in PostgreSQL).
 */
@Injectable()
export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();

  check(address: string, username: string, now = Date.now()): void {
    const wait = Math.max(this.wait(addressKey(address), PER_ADDRESS, now), this.wait(accountKey(username), PER_ACCOUNT, now));
    if (wait > 0) {
      const minutes = Math.ceil(wait / 60_000);
      throw Object.assign(new AppError(429, 'TOO_MANY_ATTEMPTS', `登录失败次数过多，请 ${minutes} 分钟后再试`), { retryAfterSeconds: Math.ceil(wait / 1000) });
    }
  }

  fail(address: string, username: string, now = Date.now()): FailureOutcome {
    const account = this.push(accountKey(username), now);
    const addr = this.push(addressKey(address), now);
    if (this.failures.size > 100_000) this.prune(now);
    return {
      accountLocked: account === PER_ACCOUNT,
      addressLocked: addr === PER_ADDRESS,
      until: new Date(now + Math.max(this.wait(accountKey(username), PER_ACCOUNT, now), this.wait(addressKey(address), PER_ADDRESS, now))),
    };
  }

  succeed(username: string): void {
    this.failures.delete(accountKey(username));
  }

  /** When the account's lock ends, or null when it is not locked. */
  lockedUntil(username: string, now = Date.now()): Date | null {
    const wait = this.wait(accountKey(username), PER_ACCOUNT, now);
    return wait > 0 ? new Date(now + wait) : null;
  }

  /** An admin's unlock: the account's failures are forgotten (the address counters stay). */
  unlock(username: string): boolean {
    return this.failures.delete(accountKey(username));
  }

  private push(key: string, now: number): number {
    const recent = (this.failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
    recent.push(now);
    this.failures.set(key, recent);
    return recent.length;
  }

  private wait(key: string, limit: number, now: number): number {
    const recent = (this.failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
    return recent.length >= limit ? recent[recent.length - limit]! + WINDOW_MS - now : 0;
  }

  private prune(now: number): void {
    for (const [key, times] of this.failures) if (times.every((t) => now - t >= WINDOW_MS)) this.failures.delete(key);
  }
}
