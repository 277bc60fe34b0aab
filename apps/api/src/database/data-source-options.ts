import { migrations } from '@hunan-perf/migrations';
import type { DataSourceOptions } from 'typeorm';
import { AuditEventEntity } from '../modules/audit/audit-event.entity.js';
import { UserSessionEntity } from '../modules/auth/user-session.entity.js';
import { RegionEntity } from '../modules/regions/region.entity.js';
import { UnitAliasEntity } from '../modules/units/unit-alias.entity.js';
import { UnitEntity } from '../modules/units/unit.entity.js';
import { AppUserEntity } from '../modules/users/app-user.entity.js';

export const entities = [RegionEntity, UnitEntity, UnitAliasEntity, AppUserEntity, UserSessionEntity, AuditEventEntity];

/** The one DataSource configuration, shared by the app, the migration CLI and the tests. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: { max: 10, connectionTimeoutMillis: 5_000, options: '-c timezone=UTC' },
  };
}
