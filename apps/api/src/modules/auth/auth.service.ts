import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { AppError } from '../../common/app-error.js';
import { UsersRepository } from '../users/users.repository.js';
import type { AuthUser } from './auth-user.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import { hashPassword, verifyPassword } from './password.js';
import { SessionRepository } from './session.repository.js';
import { csrfTokenFor, hashToken, newSessionToken } from './session-token.js';

export interface IssuedSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: AuthUser;
}

/** Refresh last_seen_at at most this often, so reads do not write on every request. */
const TOUCH_INTERVAL_MS = 60_000;

@Injectable()
export class AuthService {
  /** Verified against when the user does not exist, so timing does not reveal valid usernames. */
  private readonly dummyHash = hashPassword('not-a-real-password');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly sessions: SessionRepository,
    private readonly limiter: LoginRateLimiter,
  ) {}

  async login(username: string, password: string, address = 'unknown'): Promise<IssuedSession> {
    this.limiter.check(address, username);
    const user = await this.users.findByUsername(username);
    const valid = await verifyPassword(user?.passwordHash ?? (await this.dummyHash), password);
    if (!user || !valid || user.disabledAt) {
      this.limiter.fail(address, username);
      throw new AppError(401, 'INVALID_CREDENTIALS', '用户名或密码错误');
    }
    this.limiter.succeed(address, username);
    const token = newSessionToken();
    const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3_600_000);
    const sessionId = await this.sessions.create(user.id, hashToken(token), expiresAt);
    return {
      token,
      csrfToken: csrfTokenFor(token),
      expiresAt,
      user: {
        id: user.id, username: user.username, displayName: user.displayName, role: user.role,
        regionCode: user.regionCode, sessionId,
      },
    };
  }

  /** The user behind a session cookie, or null when the session is unknown, expired or revoked. */
  async authenticate(token: string): Promise<AuthUser | null> {
    const row = await this.sessions.findActive(hashToken(token));
    if (!row) return null;
    if (Date.now() - new Date(row.lastSeenAt).getTime() > TOUCH_INTERVAL_MS) await this.sessions.touch(row.sessionId);
    return {
      id: row.userId, username: row.username, displayName: row.displayName, role: row.role,
      regionCode: row.regionCode, sessionId: row.sessionId,
    };
  }

  /**
   * Changes the signed-in user's password after checking the current one; every other session
   * of the user is revoked (a stolen session does not survive the change).
   */
  async changePassword(user: AuthUser, currentPassword: string, newPassword: string): Promise<void> {
    const account = await this.users.findByUsername(user.username);
    if (!account || !(await verifyPassword(account.passwordHash, currentPassword))) {
      throw new AppError(400, 'WRONG_PASSWORD', '当前密码不正确', [{ field: 'currentPassword', message: '当前密码不正确' }]);
    }
    if (currentPassword === newPassword) {
      throw new AppError(400, 'SAME_PASSWORD', '新密码不能与当前密码相同', [{ field: 'newPassword', message: '与当前密码相同' }]);
    }
    await this.users.setPassword(account.id, await hashPassword(newPassword));
    await this.sessions.revokeOthers(account.id, user.sessionId);
  }

  logout(user: AuthUser): Promise<void> {
    return this.sessions.revoke(user.sessionId);
  }
}
