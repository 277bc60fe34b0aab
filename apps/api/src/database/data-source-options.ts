import { migrations } from '@hunan-perf/migrations';
import type { DataSourceOptions } from 'typeorm';
import { AppUserEntity } from '../modules/users/app-user.entity.js';

/** Tables reached through a TypeORM repository; every other table is read and written by SQL in repositories. */
export const entities = [AppUserEntity];

/**
 * Every session's settings: UTC, no JIT compilation, no parallel workers. The planner switches JIT
 * on by cost, and a province-wide statement estimated high (问题分析's was ~900k) then spent up to
 * 2.4 s compiling before it ran for milliseconds; the exports ran no slower without it. Parallel
 * workers help one statement on an idle machine but not fifty at once: with none, the mixed
 * dashboard load went from 484–523 to 602–640 requests a second (p99 229/205 → 180/164 ms). The
 * raw-table exports, one long statement each, ask for workers on their own connection
 * (PARALLEL_EXPORT).
 */
const SESSION = ['timezone=UTC', 'jit=off', 'max_parallel_workers_per_gather=0'];

/** What an export's connection sets for its statement (PostgreSQL's default), and resets after. */
export const PARALLEL_EXPORT = 'max_parallel_workers_per_gather = 2';

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
