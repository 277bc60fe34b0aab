import { Injectable } from '@nestjs/common';
import { DataSource, type Repository } from 'typeorm';
import { AppUserEntity, type Role } from './app-user.entity.js';

export interface NewUser {
  username: string;
  passwordHash: string;
  role: Role;
  regionCode: string | null;
  displayName: string | null;
}

@Injectable()
export class UsersRepository {
  private readonly repo: Repository<AppUserEntity>;

  constructor(db: DataSource) {
    this.repo = db.getRepository(AppUserEntity);
  }

  findByUsername(username: string): Promise<AppUserEntity | null> {
    return this.repo.createQueryBuilder('u').where('lower(u.username) = lower(:username)', { username }).getOne();
  }

  count(): Promise<number> {
    return this.repo.count();
  }

  list(): Promise<AppUserEntity[]> {
    return this.repo.find({ order: { username: 'ASC' } });
  }

  async setPassword(id: string, passwordHash: string): Promise<void> {
    await this.repo.update({ id }, { passwordHash });
  }

  async create(user: NewUser): Promise<AppUserEntity> {
    return this.repo.save(this.repo.create(user));
  }
}
