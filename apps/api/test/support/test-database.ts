import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { connect, migrate } from '../../src/database/connect.js';
import { ensureLoginRole, grantAppRole, urlAs } from '../../src/database/roles.js';
import { seedRegions } from '../../src/modules/regions/region-seeder.js';
import { databaseUrlFor } from './database-url.js';

export interface TestDatabase {
  name: string;
  /** As the owner role: owns every table, runs migrations (what MIGRATION_DATABASE_URL names). */
  url: string;
  /** As the app role: rows only, audit_event read and append (what the API connects as). */
  appUrl: string;
  drop(): Promise<void>;
}

/**
 * The least-privilege roles of a deployment, created once per server (roles are cluster-wide,
 * so every test database shares them): the owner owns each test database and its tables, the
 * app role gets the grants the app gets in production (grantAppRole).
 */
export const TEST_OWNER_ROLE = 'hp_test_owner';
export const TEST_APP_ROLE = 'hp_test_app';
const TEST_ROLE_PASSWORD = 'test';

const asRole = (role: string, database: string) => databaseUrlFor(urlAs(serverUrl(), role, TEST_ROLE_PASSWORD), database);

function serverUrl(): string {
  const url = process.env.HP_TEST_SERVER_URL;
  if (!url) throw new Error('HP_TEST_SERVER_URL is not set: run the tests through jest (global setup)');
  return url;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates the migrated, region-seeded template once per run (an advisory lock serialises workers). */
async function ensureTemplate(): Promise<string> {
  const template = process.env.HP_TEST_TEMPLATE!;
  await admin(async (client) => {
    await client.query(`SELECT pg_advisory_lock(7301)`);
    try {
      await ensureLoginRole(client, TEST_OWNER_ROLE, TEST_ROLE_PASSWORD);
      await ensureLoginRole(client, TEST_APP_ROLE, TEST_ROLE_PASSWORD);
      const exists = await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [template]);
      if (exists.rowCount) return;
      await client.query(`DROP DATABASE IF EXISTS ${template}_building WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${template}_building OWNER ${TEST_OWNER_ROLE} TEMPLATE template0`);
      const ds = await connect(asRole(TEST_OWNER_ROLE, `${template}_building`));
      try {
        await migrate(ds);
        await seedRegions(ds);
        await grantAppRole(ds, TEST_APP_ROLE);
      } finally {
        await ds.destroy();
      }
      await client.query(`ALTER DATABASE ${template}_building RENAME TO ${template}`);
    } finally {
      await client.query(`SELECT pg_advisory_unlock(7301)`);
    }
  });
  return template;
}

/**
 * A database of its own for one test file: a clone of the migrated, region-seeded template,
 * or (fromTemplate: false) an empty database for migration tests.
 */
export async function createTestDatabase(options: { fromTemplate?: boolean } = {}): Promise<TestDatabase> {
  const name = `hp_t_${randomBytes(6).toString('hex')}`;
  const template = options.fromTemplate === false ? 'template0' : await ensureTemplate();
  if (options.fromTemplate === false) {
    await admin(async (c) => {
      await ensureLoginRole(c, TEST_OWNER_ROLE, TEST_ROLE_PASSWORD);
      await ensureLoginRole(c, TEST_APP_ROLE, TEST_ROLE_PASSWORD);
    });
  }
  await admin((c) => c.query(`CREATE DATABASE ${name} OWNER ${TEST_OWNER_ROLE} TEMPLATE ${template}`));
  return {
    name,
    url: asRole(TEST_OWNER_ROLE, name),
    appUrl: asRole(TEST_APP_ROLE, name),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** A migrated database and an open DataSource on it, as the app role (or, as: 'owner', the owner). */
export async function openTestDataSource(
  options: { as?: 'app' | 'owner' } = {},
): Promise<{ db: TestDatabase; dataSource: DataSource; close(): Promise<void> }> {
  const db = await createTestDatabase();
  const dataSource = await connect(options.as === 'owner' ? db.url : db.appUrl);
  return {
    db,
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await db.drop();
    },
  };
}
