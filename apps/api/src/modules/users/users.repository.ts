import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type Repository } from 'typeorm';
import { AppUserEntity, type Role } from './app-user.entity.js';

export interface NewUser {
  username: string;
  passwordHash: string;
  role: Role;
  regionCode: string | null;
  displayName: string | null;
}

/** The fields an admin may change on an account. */
export interface AccountChanges {
  role: Role;
  regionCode: string | null;
  displayName: string | null;
}

@Injectable()
export class UsersRepository {
  private readonly repo: Repository<AppUserEntity>;

  constructor(private readonly db: DataSource) {
    this.repo = db.getRepository(AppUserEntity);
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  findByUsername(username: string): Promise<AppUserEntity | null> {
    return this.repo.createQueryBuilder('u').where('lower(u.username) = lower(:username)', { username }).getOne();
  }

  /** The account, locked FOR UPDATE inside the caller's transaction so two admins' changes queue. */
  findForUpdate(id: string, manager: EntityManager): Promise<AppUserEntity | null> {
    return manager.getRepository(AppUserEntity).createQueryBuilder('u').setLock('pessimistic_write').where('u.id = :id', { id }).getOne();
  }

  findById(id: string): Promise<AppUserEntity | null> {
    return this.repo.findOneBy({ id });
  }

  count(): Promise<number> {
    return this.repo.count();
  }

  /** Enabled admins other than the given account (an account change must leave at least one). */
  async otherActiveAdmins(exceptId: string, manager: EntityManager): Promise<number> {
    const rows: { n: number }[] = await manager.query(
      `SELECT count(*)::int AS n FROM app_user WHERE role = 'admin' AND disabled_at IS NULL AND id <> $1`,
      [exceptId],
    );
    return rows[0]!.n;
  }

  list(): Promise<AppUserEntity[]> {
    return this.repo.find({ order: { username: 'ASC' } });
  }

  /** Live sessions per user id. */
  async activeSessionCounts(): Promise<Map<string, number>> {
    const rows: { userId: string; n: number }[] = await this.db.query(
      `SELECT user_id AS "userId", count(*)::int AS n FROM user_session
        WHERE revoked_at IS NULL AND expires_at > now() GROUP BY user_id`,
    );
    return new Map(rows.map((r) => [r.userId, r.n]));
  }

  async setPassword(id: string, passwordHash: string, mustChange: boolean, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query(`UPDATE app_user SET password_hash = $2, must_change_password = $3 WHERE id = $1`, [id, passwordHash, mustChange]);
  }

  async update(id: string, changes: AccountChanges, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE app_user SET role = $2, region_code = $3, display_name = $4 WHERE id = $1`,
      [id, changes.role, changes.regionCode, changes.displayName],
    );
  }

  async setDisabled(id: string, disabled: boolean, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE app_user SET disabled_at = CASE WHEN $2 THEN now() ELSE NULL END WHERE id = $1`, [id, disabled]);
  }

  async create(user: NewUser): Promise<AppUserEntity> {
    return this.repo.save(this.repo.create(user));
  }
}
