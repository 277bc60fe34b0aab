import { stat } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { loadConfig } from '../src/config/app-config.js';
import { assertPortFree, EmbeddedDatabase } from '../src/database/embedded-database.js';
import { openDatabase } from '../src/database/open-database.js';
import { APP_ROLE, checkAppRole, OWNER_ROLE, prepareEmbeddedRoles } from '../src/database/roles.js';
import { createTestDatabase, TEST_APP_ROLE, type TestDatabase } from './support/test-database.js';

async function client(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  return c;
}

describe('least-privilege database roles', () => {
  let db: TestDatabase;
  let app: pg.Client;
  let owner: pg.Client;
  beforeAll(async () => {
    db = await createTestDatabase();
    app = await client(db.appUrl);
    owner = await client(db.url);
    await app.query(`INSERT INTO audit_event (action, entity_type, reason) VALUES ('test.original', 'test', 'as it happened')`);
  });
  afterAll(async () => {
    await app.end();
    await owner.end();
    await db.drop();
  });

  const trail = async () => (await owner.query(`SELECT id, action, reason FROM audit_event ORDER BY id`)).rows;

  it('the app role reads and appends to the audit trail, as the app does', async () => {
    expect((await app.query(`SELECT current_user AS u`)).rows[0].u).toBe(TEST_APP_ROLE);
    expect(await checkAppRole(app)).toEqual({ role: TEST_APP_ROLE, superuser: false, ownedTables: 0 });
    const rows = (await app.query(`SELECT action FROM audit_event WHERE action = 'test.original'`)).rows;
    expect(rows).toHaveLength(1);
  });

  it.each([
    ['UPDATE', `UPDATE audit_event SET reason = 'rewritten'`, /permission denied/],
    ['DELETE', `DELETE FROM audit_event`, /permission denied/],
    ['TRUNCATE', `TRUNCATE audit_event`, /permission denied/],
    ['ALTER TABLE … DISABLE TRIGGER', `ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_change`, /must be owner/],
    ['ALTER TABLE … DISABLE TRIGGER ALL', `ALTER TABLE audit_event DISABLE TRIGGER ALL`, /must be owner/],
    ['SET session_replication_role', `SET session_replication_role = replica`, /permission denied/],
    ['DROP TRIGGER', `DROP TRIGGER audit_event_no_change ON audit_event`, /must be owner/],
    ['DROP TABLE', `DROP TABLE audit_event`, /must be owner/],
    ['ALTER TABLE on another table', `ALTER TABLE report ADD COLUMN tampered text`, /must be owner/],
  ])('the app role cannot rewrite the audit trail with %s', async (_label, sql, refusal) => {
    const before = await trail();
    await expect(app.query(sql)).rejects.toThrow(refusal);
    // Not even inside one transaction that also tries the UPDATE afterwards.
    await app.query('BEGIN');
    await app.query(sql).catch(() => undefined);
    await app.query('ROLLBACK');
    await expect(app.query(`UPDATE audit_event SET reason = 'rewritten'`)).rejects.toThrow(/permission denied/);
    expect(await trail()).toEqual(before);
    expect(before.map((r) => r.reason)).toContain('as it happened');
  });

  it('a table a later migration creates as the owner is usable by the app role (default privileges)', async () => {
    await owner.query(`CREATE TABLE later_table (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text)`);
    await app.query(`INSERT INTO later_table (note) VALUES ('x')`);
    await app.query(`UPDATE later_table SET note = 'y'`);
    expect((await app.query(`SELECT note FROM later_table`)).rows).toEqual([{ note: 'y' }]);
    await app.query(`DELETE FROM later_table`);
    await expect(app.query(`ALTER TABLE later_table ADD COLUMN z int`)).rejects.toThrow(/must be owner/);
  });

  describe('start-up with DATABASE_URL', () => {
    const capture = () => {
      const lines: { level: number; msg: string }[] = [];
      const logger = pino({ level: 'info' }, { write: (s: string) => lines.push(JSON.parse(s)) });
      return { logger, warnings: () => lines.filter((l) => l.level === 40).map((l) => l.msg) };
    };

    it('MIGRATION_DATABASE_URL migrates as the owner; the app role connects without a warning', async () => {
      const { logger, warnings } = capture();
      const config = loadConfig({ DATABASE_URL: db.appUrl, MIGRATION_DATABASE_URL: db.url, LOG_LEVEL: 'silent' });
      const opened = await openDatabase(config, logger);
      try {
        expect((await opened.dataSource.query(`SELECT current_user AS u`))[0].u).toBe(TEST_APP_ROLE);
      } finally {
        await opened.close();
      }
      expect(warnings()).toEqual([]);
    });

    it('warns in one line when the app role owns the tables', async () => {
      const { logger, warnings } = capture();
      const opened = await openDatabase(loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'silent' }), logger);
      await opened.close();
      expect(warnings()).toHaveLength(1);
      expect(warnings()[0]).toMatch(/owns \d+ table\(s\).*MIGRATION_DATABASE_URL/);
      expect(warnings()[0]).not.toContain('\n');
    });

    it('warns in one line when the app role is a superuser', async () => {
      const superuser = await client(process.env.HP_TEST_SERVER_URL!);
      const { rows } = await superuser.query(`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`);
      await superuser.end();
      if (!rows[0].rolsuper) return; // the test server's URL is not a superuser: nothing to show
      const { logger, warnings } = capture();
      const url = new URL(process.env.HP_TEST_SERVER_URL!);
      url.pathname = `/${db.name}`;
      const opened = await openDatabase(loadConfig({ DATABASE_URL: url.toString(), LOG_LEVEL: 'silent' }), logger);
      await opened.close();
      expect(warnings()).toEqual([expect.stringMatching(/a superuser/)]);
    });
  });
});

describe('embedded PostgreSQL creates the owner and app roles', () => {
  let dir: string;
  let embedded: EmbeddedDatabase;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hp-roles-pg-'));
    let port = 56000 + (process.pid % 3000);
    for (; ; port++) {
      try {
        await assertPortFree(port);
        break;
      } catch {
        /* next */
      }
    }
    embedded = new EmbeddedDatabase({ dataDir: dir, port, persistent: false });
  });
  afterAll(async () => {
    await embedded.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('with generated passwords kept beside the cluster; the app role owns nothing and is no superuser', async () => {
    const superUrl = await embedded.start();
    // A cluster from before the roles existed: its tables and functions belong to postgres.
    const legacy = await client(superUrl);
    await legacy.query(`CREATE TABLE legacy_table (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY)`);
    await legacy.query(`CREATE FUNCTION legacy_fn() RETURNS int LANGUAGE sql AS 'SELECT 1'`);
    await legacy.end();
    const urls = await prepareEmbeddedRoles(superUrl, dir);
    for (const file of ['pg-owner-password', 'pg-app-password']) expect((await stat(path.join(dir, file))).mode & 0o777).toBe(0o600);
    // Idempotent: a second start keeps the stored passwords.
    expect(await prepareEmbeddedRoles(superUrl, dir)).toEqual(urls);
    const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), databaseUrl: urls.appUrl, migrationDatabaseUrl: urls.ownerUrl };
    const opened = await openDatabase(config, pino({ level: 'silent' }));
    try {
      expect(await checkAppRole(opened.dataSource)).toEqual({ role: APP_ROLE, superuser: false, ownedTables: 0 });
      await expect(opened.dataSource.query(`ALTER TABLE audit_event DISABLE TRIGGER ALL`)).rejects.toThrow(/must be owner/);
      await expect(opened.dataSource.query(`DELETE FROM audit_event`)).rejects.toThrow(/permission denied/);
      const [{ owner }] = await opened.dataSource.query(`SELECT tableowner AS owner FROM pg_tables WHERE tablename = 'audit_event'`);
      expect(owner).toBe(OWNER_ROLE);
      const [legacyOwners] = await opened.dataSource.query(
        `SELECT (SELECT tableowner FROM pg_tables WHERE tablename = 'legacy_table') AS t,
                (SELECT pg_get_userbyid(proowner) FROM pg_proc WHERE proname = 'legacy_fn') AS f`,
      );
      expect(legacyOwners).toEqual({ t: OWNER_ROLE, f: OWNER_ROLE });
      await opened.dataSource.query(`INSERT INTO legacy_table DEFAULT VALUES`);
    } finally {
      await opened.close();
    }
  });
});
