import { migrations } from '@hunan-perf/migrations';
import type { DataSourceOptions } from 'typeorm';
import { AppUserEntity } from '../modules/users/app-user.entity.js';

/** Tables reached through a TypeORM repository; every other table is read and written by SQL in repositories. */
export const entities = [AppUserEntity];

/**
 * Every session's settings: UTC, and no JIT compilation. The planner switches JIT on by cost, and a
 * province-wide statement estimated high (问题分析's was ~900k) then spent up to 2.4 s compiling
 * before it ran for milliseconds; the exports ran no slower without it.
 */
const SESSION = ['timezone=UTC', 'jit=off'];

/**
 * The one DataSource configuration, shared by the app, the migration CLI and the tests;
 * `settings` are further `-c name=value` session settings (the read replica's read-only flag).
 */
export function dataSourceOptions(url: string, settings: string[] = []): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: { max: 10, connectionTimeoutMillis: 5_000, options: [...SESSION, ...settings].map((s) => `-c ${s}`).join(' ') },
  };
}
