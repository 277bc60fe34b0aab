import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

@Injectable()
export class SettingsRepository {
  constructor(private readonly db: DataSource) {}

  async get<T>(key: string, m: EntityManager = this.db.manager): Promise<T | undefined> {
    const rows: { value: T }[] = await m.query(`SELECT value FROM setting WHERE key = $1`, [key]);
    return rows[0]?.value;
  }

  async set(m: EntityManager, key: string, value: unknown, actorId: string | null): Promise<void> {
    await m.query(
      `INSERT INTO setting (key, value, updated_by) VALUES ($1, $2::jsonb, $3)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now(), updated_by = EXCLUDED.updated_by`,
      [key, JSON.stringify(value), actorId],
    );
  }
}
