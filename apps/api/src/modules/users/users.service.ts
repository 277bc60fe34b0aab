import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badRequest, conflict } from '../../common/app-error.js';
import { AuditService } from '../audit/audit.service.js';
import { hashPassword } from '../auth/password.js';
import type { AuthUser } from '../auth/auth-user.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import { AppUserEntity } from './app-user.entity.js';
import type { CreateUserDto } from './dto/user.dto.js';
import { UsersRepository } from './users.repository.js';

@Injectable()
export class UsersService {
  constructor(
    private readonly db: DataSource,
    private readonly users: UsersRepository,
    private readonly regions: RegionsRepository,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<AppUserEntity[]> {
    return this.users.list();
  }

  async create(input: CreateUserDto, actor: AuthUser | null): Promise<AppUserEntity> {
    const regionCode = input.regionCode ?? null;
    if (input.role === 'submitter' && !regionCode) {
      throw badRequest('REGION_REQUIRED', '提交人账号必须指定所属地区 regionCode', [{ field: 'regionCode', message: '提交人必填' }]);
    }
    if (regionCode && !(await this.regions.exists(regionCode))) {
      throw badRequest('REGION_NOT_FOUND', `地区代码 ${regionCode} 不存在`, [{ field: 'regionCode', message: '不存在' }]);
    }
    if (await this.users.findByUsername(input.username)) {
      throw conflict('USERNAME_TAKEN', `用户名 ${input.username} 已被使用`);
    }
    const passwordHash = await hashPassword(input.password);
    return this.db.transaction(async (manager) => {
      const user = await manager.getRepository(AppUserEntity).save({
        username: input.username,
        passwordHash,
        role: input.role,
        regionCode: input.role === 'submitter' ? regionCode : null,
        displayName: input.displayName ?? null,
      });
      await this.audit.record(
        { actorId: actor?.id ?? null, action: 'user.create', entityType: 'app_user', entityId: user.id,
          newValue: { username: user.username, role: user.role, regionCode: user.regionCode } },
        manager,
      );
      return user;
    });
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
}
