import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/app-error.js';

const WINDOW_MS = 15 * 60_000;
/** Failed sign-ins allowed per account (from one address) and per address, per window. */
const PER_ACCOUNT = 5;
const PER_ADDRESS = 30;

/**
 * Slows password guessing: after too many failed sign-ins in 15 minutes the next attempt is
 * refused with 429 and Retry-After, before the password is even checked. In memory: one API
 * process per deployment (a cluster would keep these counters in PostgreSQL or Redis).
 */
@Injectable()
export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();

  check(address: string, username: string, now = Date.now()): void {
    const waits = [this.wait(`a:${address}`, PER_ADDRESS, now), this.wait(`u:${address}:${username.toLowerCase()}`, PER_ACCOUNT, now)];
    const wait = Math.max(...waits);
    if (wait > 0) {
      const minutes = Math.ceil(wait / 60_000);
      throw Object.assign(new AppError(429, 'TOO_MANY_ATTEMPTS', `登录失败次数过多，请 ${minutes} 分钟后再试`), { retryAfterSeconds: Math.ceil(wait / 1000) });
    }
  }

  fail(address: string, username: string, now = Date.now()): void {
    for (const key of [`a:${address}`, `u:${address}:${username.toLowerCase()}`]) {
      const recent = (this.failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
      recent.push(now);
      this.failures.set(key, recent);
    }
    if (this.failures.size > 100_000) this.prune(now);
  }

  succeed(address: string, username: string): void {
    this.failures.delete(`u:${address}:${username.toLowerCase()}`);
  }

  private wait(key: string, limit: number, now: number): number {
    const recent = (this.failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
    return recent.length >= limit ? recent[recent.length - limit]! + WINDOW_MS - now : 0;
  }

  private prune(now: number): void {
    for (const [key, times] of this.failures) if (times.every((t) => now - t >= WINDOW_MS)) this.failures.delete(key);
  }
}
