import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { connect, migrate } from '../../src/database/connect.js';
import { seedRegions } from '../../src/modules/regions/region-seeder.js';
import { databaseUrlFor } from './database-url.js';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

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
      const exists = await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [template]);
      if (exists.rowCount) return;
      await client.query(`CREATE DATABASE ${template}_building TEMPLATE template0`);
      const ds = await connect(databaseUrlFor(serverUrl(), `${template}_building`));
      try {
        await migrate(ds);
        await seedRegions(ds);
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
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return {
    name,
    url: databaseUrlFor(serverUrl(), name),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** A migrated database and an open DataSource on it. */
export async function openTestDataSource(): Promise<{ db: TestDatabase; dataSource: DataSource; close(): Promise<void> }> {
  const db = await createTestDatabase();
  const dataSource = await connect(db.url);
  return {
    db,
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await db.drop();
    },
  };
}
