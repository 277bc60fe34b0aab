import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { AppError } from '../../common/app-error.js';
import { AuditService } from '../audit/audit.service.js';
import { UsersRepository } from '../users/users.repository.js';
import type { AuthUser } from './auth-user.js';
import { LoginRateLimiter, PER_ACCOUNT, PER_ADDRESS } from './login-rate-limiter.js';
import { hashPassword, verifyPassword } from './password.js';
import { SessionRepository } from './session.repository.js';
import { csrfTokenFor, hashToken, newSessionToken } from './session-token.js';

export interface IssuedSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: AuthUser;
}

/** Where a request came from, for the audit trail and the session list. */
export interface RequestOrigin {
  address: string;
  userAgent: string | null;
  requestId: string | null;
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
    private readonly audit: AuditService,
  ) {}

  /**
   * Signs in. Every outcome is audited: auth.login, auth.login_failed (the username as typed, the
   * address, why), and auth.lockout when a failure locks the account or the address. Refusals of
   * an already locked account or address are not written again (one row per lock, not per try).
   */
  async login(username: string, password: string, origin: RequestOrigin = { address: 'unknown', userAgent: null, requestId: null }): Promise<IssuedSession> {
    const { address, requestId } = origin;
    await this.limiter.check(address, username);
    const user = await this.users.findByUsername(username);
    const valid = await verifyPassword(user?.passwordHash ?? (await this.dummyHash), password);
    if (!user || !valid) {
      const outcome = await this.limiter.fail(address, username);
      await this.audit.record({
        actorId: null, action: 'auth.login_failed', entityType: 'app_user', entityId: user?.id ?? null,
        newValue: { username, address, reason: user ? 'wrong_password' : 'unknown_user' }, requestId,
      });
      if (outcome.accountLocked) {
        await this.audit.record({
          actorId: null, action: 'auth.lockout', entityType: 'app_user', entityId: user?.id ?? null,
          newValue: { username, address, scope: 'account', failures: PER_ACCOUNT, until: outcome.until.toISOString() }, requestId,
        });
      }
      if (outcome.addressLocked) {
        await this.audit.record({
          actorId: null, action: 'auth.lockout', entityType: 'address', entityId: address,
          newValue: { username, address, scope: 'address', failures: PER_ADDRESS, until: outcome.until.toISOString() }, requestId,
        });
      }
      throw new AppError(401, 'INVALID_CREDENTIALS', '用户名或密码错误');
    }
    if (user.disabledAt) {
      await this.audit.record({
        actorId: null, action: 'auth.login_failed', entityType: 'app_user', entityId: user.id,
        newValue: { username, address, reason: 'disabled' }, requestId,
      });
      throw new AppError(403, 'ACCOUNT_DISABLED', '该账号已停用，请联系管理员');
    }
    await this.limiter.succeed(username);
    const token = newSessionToken();
    const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3_600_000);
    const sessionId = await this.sessions.create(user.id, hashToken(token), expiresAt, address, origin.userAgent);
    await this.audit.record({
      actorId: user.id, action: 'auth.login', entityType: 'app_user', entityId: user.id,
      newValue: { username: user.username, address, sessionId }, requestId,
    });
    return {
      token,
      csrfToken: csrfTokenFor(token),
      expiresAt,
      user: {
        id: user.id, username: user.username, displayName: user.displayName, role: user.role,
        regionCode: user.regionCode, mustChangePassword: user.mustChangePassword, sessionId,
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
      regionCode: row.regionCode, mustChangePassword: row.mustChangePassword, sessionId: row.sessionId,
    };
  }

  /**
   * Changes the signed-in user's password after checking the current one (after a reset: the
   * one-time password); every other session of the user is revoked (a stolen session does not
   * survive the change). Audited as user.change_password, in the same transaction.
   */
  async changePassword(user: AuthUser, currentPassword: string, newPassword: string, requestId: string | null = null): Promise<void> {
    const account = await this.users.findByUsername(user.username);
    if (!account || !(await verifyPassword(account.passwordHash, currentPassword))) {
      throw new AppError(400, 'WRONG_PASSWORD', '当前密码不正确', [{ field: 'currentPassword', message: '当前密码不正确' }]);
    }
    if (currentPassword === newPassword) {
      throw new AppError(400, 'SAME_PASSWORD', '新密码不能与当前密码相同', [{ field: 'newPassword', message: '与当前密码相同' }]);
    }
    const passwordHash = await hashPassword(newPassword);
    await this.users.transaction(async (m) => {
      await this.users.setPassword(account.id, passwordHash, false, m);
      await this.sessions.revokeOthers(account.id, user.sessionId, m);
      await this.audit.record({
        actorId: user.id, action: 'user.change_password', entityType: 'app_user', entityId: user.id,
        newValue: account.mustChangePassword ? { afterReset: true } : undefined, requestId,
      }, m);
    });
  }

  async logout(user: AuthUser, requestId: string | null = null): Promise<void> {
    await this.sessions.revoke(user.sessionId);
    await this.audit.record({
      actorId: user.id, action: 'auth.logout', entityType: 'app_user', entityId: user.id, newValue: { sessionId: user.sessionId }, requestId,
    });
  }
}
