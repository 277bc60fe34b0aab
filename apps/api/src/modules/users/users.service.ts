import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError, badRequest, conflict, notFound } from '../../common/app-error.js';
import { AuditService } from '../audit/audit.service.js';
import { LoginRateLimiter } from '../auth/login-rate-limiter.js';
import { hashPassword } from '../auth/password.js';
import type { AuthUser } from '../auth/auth-user.js';
import { type SessionListRow, SessionRepository } from '../auth/session.repository.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import { AppUserEntity, type Role } from './app-user.entity.js';
import type { CreateUserDto, UpdateUserDto, UserExtras } from './dto/user.dto.js';
import { UsersRepository } from './users.repository.js';

/** Who did it and in which request: every account change is audited with both. */
export interface Actor {
  user: AuthUser | null;
  requestId?: string | null;
}

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** A one-time password: 16 characters of base64url (96 bits), shown to the admin once. */
const oneTimePassword = () => randomBytes(12).toString('base64url');

/**
 * Accounts: creation, and the admin's changes — role and region, disable/enable, password reset
 * to a one-time password, unlock after too many failed sign-ins, sessions listed and revoked.
 * Each change is written with its audit_event row in one transaction. An admin cannot disable,
 * demote or reset themself (the last admin could lock everyone out); their own password is changed
 * through 修改密码.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly regions: RegionsRepository,
    private readonly sessions: SessionRepository,
    private readonly limiter: LoginRateLimiter,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<AppUserEntity[]> {
    return this.users.list();
  }

  /** Lock state and live sessions for the account list. */
  async extras(users: AppUserEntity[]): Promise<Map<string, UserExtras>> {
    const sessions = await this.users.activeSessionCounts();
    const locked = await this.limiter.lockedUntilMany(users.map((u) => u.username));
    return new Map(users.map((u) => [u.id, { lockedUntil: locked.get(u.username) ?? null, activeSessions: sessions.get(u.id) ?? 0 }]));
  }

  async extrasOf(user: AppUserEntity): Promise<UserExtras> {
    return (await this.extras([user])).get(user.id)!;
  }

  async create(input: CreateUserDto, actor: AuthUser | null, requestId: string | null = null): Promise<AppUserEntity> {
    const regionCode = await this.checkRegion(input.role, input.regionCode ?? null);
    if (await this.users.findByUsername(input.username)) {
      throw conflict('USERNAME_TAKEN', `用户名 ${input.username} 已被使用`);
    }
    const passwordHash = await hashPassword(input.password);
    return this.users.transaction(async (manager) => {
      const user = await manager.getRepository(AppUserEntity).save({
        username: input.username,
        passwordHash,
        role: input.role,
        regionCode,
        displayName: input.displayName ?? null,
      });
      await this.audit.record(
        { actorId: actor?.id ?? null, action: 'user.create', entityType: 'app_user', entityId: user.id,
          newValue: { username: user.username, role: user.role, regionCode: user.regionCode }, requestId },
        manager,
      );
      return user;
    });
  }

  /** Role, region and name; only what changed is written and audited (old and new values). */
  async update(id: string, input: UpdateUserDto, actor: Actor): Promise<AppUserEntity> {
    return this.change(id, async (user, m) => {
      const role = input.role ?? user.role;
      if (user.id === actor.user?.id && role !== user.role) throw badRequest('OWN_ROLE', '不能修改自己的角色（请由另一位管理员操作）');
      const regionCode = await this.checkRegion(role, input.regionCode === undefined ? (role === 'admin' ? null : user.regionCode) : input.regionCode);
      const displayName = input.displayName === undefined ? user.displayName : input.displayName;
      const before = { role: user.role, regionCode: user.regionCode, displayName: user.displayName };
      const after = { role, regionCode, displayName };
      const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => after[k] !== before[k]);
      if (!changed.length) return;
      await this.users.update(user.id, after, m);
      await this.audit.record({
        actorId: actor.user?.id ?? null, action: 'user.update', entityType: 'app_user', entityId: user.id,
        oldValue: Object.fromEntries(changed.map((k) => [k, before[k]])), newValue: Object.fromEntries(changed.map((k) => [k, after[k]])),
        requestId: actor.requestId,
      }, m);
    });
  }

  /** Disabling also revokes every session: the account is out at once, not at its next sign-in. */
  async setDisabled(id: string, disabled: boolean, actor: Actor): Promise<AppUserEntity> {
    return this.change(id, async (user, m) => {
      if (disabled && user.id === actor.user?.id) throw badRequest('OWN_ACCOUNT', '不能停用自己的账号');
      if (Boolean(user.disabledAt) === disabled) return;
      await this.users.setDisabled(user.id, disabled, m);
      const revoked = disabled ? await this.sessions.revokeAll(user.id, m) : 0;
      await this.audit.record({
        actorId: actor.user?.id ?? null, action: disabled ? 'user.disable' : 'user.enable', entityType: 'app_user', entityId: user.id,
        newValue: disabled ? { username: user.username, revokedSessions: revoked } : { username: user.username }, requestId: actor.requestId,
      }, m);
    });
  }

  /**
   * A one-time password the user must change at the next sign-in; every session is revoked and a
   * lock from failed sign-ins lifted. The password is returned once and never stored or audited.
   */
  async resetPassword(id: string, actor: Actor): Promise<string> {
    const temporaryPassword = oneTimePassword();
    const passwordHash = await hashPassword(temporaryPassword);
    await this.change(id, async (user, m) => {
      if (user.id === actor.user?.id) throw badRequest('OWN_ACCOUNT', '不能重置自己的密码，请使用“修改密码”');
      await this.users.setPassword(user.id, passwordHash, true, m);
      const revoked = await this.sessions.revokeAll(user.id, m);
      await this.audit.record({
        actorId: actor.user?.id ?? null, action: 'user.reset_password', entityType: 'app_user', entityId: user.id,
        newValue: { username: user.username, revokedSessions: revoked, mustChangePassword: true }, requestId: actor.requestId,
      }, m);
      await this.limiter.unlock(user.username, m);
    });
    return temporaryPassword;
  }

  /** Lifts a lock from failed sign-ins before its 15 minutes are up. */
  async unlock(id: string, actor: Actor): Promise<AppUserEntity> {
    return this.change(id, async (user, m) => {
      const until = await this.limiter.lockedUntil(user.username);
      if (!until) throw new AppError(409, 'NOT_LOCKED', `账号 ${user.username} 当前未被锁定`);
      await this.limiter.unlock(user.username, m);
      await this.audit.record({
        actorId: actor.user?.id ?? null, action: 'user.unlock', entityType: 'app_user', entityId: user.id,
        oldValue: { lockedUntil: until.toISOString() }, newValue: { username: user.username }, requestId: actor.requestId,
      }, m);
    });
  }

  async sessionsOf(id: string): Promise<SessionListRow[]> {
    const user = await this.get(id);
    return this.sessions.listActive(user.id);
  }

  /** Revokes one session (sessionId) or all of them; the number revoked. */
  async revokeSessions(id: string, sessionId: string | null, actor: Actor): Promise<number> {
    if (sessionId !== null && !isUuid(sessionId)) throw badRequest('INVALID_ID', `会话编号 ${sessionId.slice(0, 60)} 格式不正确`);
    let revoked = 0;
    await this.change(id, async (user, m) => {
      if (sessionId !== null) {
        if (!(await this.sessions.revokeOf(user.id, sessionId, m))) throw notFound('SESSION_NOT_FOUND', '该会话不存在或已失效');
        revoked = 1;
      } else {
        revoked = await this.sessions.revokeAll(user.id, m);
      }
      await this.audit.record({
        actorId: actor.user?.id ?? null, action: 'user.revoke_session', entityType: 'app_user', entityId: user.id,
        newValue: { username: user.username, sessionId: sessionId ?? 'all', revoked }, requestId: actor.requestId,
      }, m);
    });
    return revoked;
  }

  async get(id: string): Promise<AppUserEntity> {
    if (!isUuid(id)) throw badRequest('INVALID_ID', `账号编号 ${id.slice(0, 60)} 格式不正确`);
    const user = await this.users.findById(id);
    if (!user) throw notFound('USER_NOT_FOUND', '账号不存在');
    return user;
  }

  /**
   * First start: with no users at all, create `admin` with ADMIN_PASSWORD, or a generated one.
   * Returns the generated password (to be shown once), or null.
   */
  async ensureAdmin(adminPassword: string | null): Promise<{ created: boolean; generatedPassword: string | null }> {
    if ((await this.users.count()) > 0) return { created: false, generatedPassword: null };
    const password = adminPassword ?? randomBytes(12).toString('base64url');
    await this.create({ username: 'admin', password, role: 'admin', displayName: '系统管理员' }, null);
    return { created: true, generatedPassword: adminPassword ? null : password };
  }

  /** Runs a change on the account locked FOR UPDATE, then answers the account as it now is. */
  private async change(id: string, work: (user: AppUserEntity, m: EntityManager) => Promise<void>): Promise<AppUserEntity> {
    if (!isUuid(id)) throw badRequest('INVALID_ID', `账号编号 ${id.slice(0, 60)} 格式不正确`);
    await this.users.transaction(async (m) => {
      const user = await this.users.findForUpdate(id, m);
      if (!user) throw notFound('USER_NOT_FOUND', '账号不存在');
      await work(user, m);
    });
    return this.get(id);
  }

  /**
   * The one rule for an account's region: a submitter must have one; an analyst or viewer may be
   * limited to one (the region and everything under it, RegionsService.scopeFor); an admin manages
   * accounts province-wide and cannot be limited (a limited admin could still create an unlimited account).
   */
  private async checkRegion(role: Role, regionCode: string | null): Promise<string | null> {
    if (role === 'submitter' && !regionCode) {
      throw badRequest('REGION_REQUIRED', '提交人账号必须指定所属地区 regionCode', [{ field: 'regionCode', message: '提交人必填' }]);
    }
    if (role === 'admin' && regionCode) {
      throw badRequest('ADMIN_NOT_REGIONAL', '管理员账号管理全省账号，不能限定地区', [{ field: 'regionCode', message: '管理员不可限定地区' }]);
    }
    if (regionCode && !(await this.regions.exists(regionCode))) {
      throw badRequest('REGION_NOT_FOUND', `地区代码 ${regionCode} 不存在`, [{ field: 'regionCode', message: '不存在' }]);
    }
    return regionCode;
  }
}
