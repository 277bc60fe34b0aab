import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { loadConfig } from '../src/config/app-config.js';
import { createApp } from '../src/create-app.js';
import { connect } from '../src/database/connect.js';
import { createLogger } from '../src/logging/logger.js';
import { startSeededApp } from './support/seeded-app.js';
import { newUser, signIn, type TestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

const cli = fileURLToPath(new URL('../dist/cli/backup.js', import.meta.url));
const VIEWS = [
  '/api/analytics/overview?year=2021', '/api/analytics/compare?year=2024', '/api/analytics/indicators?year=2021',
  '/api/analytics/recheck?year=2021', '/api/analytics/trends?metric=executionRate', '/api/reports?limit=500',
];

async function answers(server: import('node:http').Server, username: string, password: string): Promise<unknown[]> {
  const s = await signIn({ server } as TestApp, username, password);
  const out = [];
  for (const view of VIEWS) out.push((await s.agent.get(view).expect(200)).body);
  return out;
}

describe('backup and restore (pg_dump / pg_restore, the documented procedure)', () => {
  let t: TestApp;
  let target: TestDatabase;
  beforeAll(async () => {
    ({ t } = await startSeededApp());
    target = await createTestDatabase({ fromTemplate: false });
  });
  afterAll(async () => {
    await t.close();
    await target.drop();
  });

  it('a dump restored into a fresh database gives identical analytics, users and an append-only audit trail', async () => {
    const user = await newUser(t, 'viewer');
    const before = await answers(t.server, user.username, user.password);
    const sourceUrl = (t.dataSource.options as { url: string }).url;
    const dumpDir = mkdtempSync(path.join(os.tmpdir(), 'hp-dump-'));
    const file = path.join(dumpDir, 'backup.dump');
    const env = { ...process.env, DATABASE_URL: sourceUrl };

    const dump = spawnSync(process.execPath, [cli, 'backup', file], { env, encoding: 'utf8' });
    expect(dump.stderr).toBe('');
    expect(dump.status).toBe(0);
    const restore = spawnSync(process.execPath, [cli, 'restore', file, target.url], { env, encoding: 'utf8' });
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);

    const restored = await connect(target.url);
    const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), databaseUrl: target.url };
    const app = await createApp(restored, config, createLogger('silent'));
    await app.init();
    try {
      const after = await answers(app.getHttpServer(), user.username, user.password);
      expect(after).toEqual(before);
      await expect(restored.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
      const counts = async (ds: typeof restored) => (await ds.query(
        `SELECT (SELECT count(*) FROM source_document)::int AS docs, (SELECT sum(size_bytes) FROM source_document)::int AS bytes,
                (SELECT count(*) FROM report_indicator)::int AS indicators, (SELECT count(*) FROM audit_event)::int AS audit`,
      ))[0];
      // The restored copy holds every row of the source, plus the one sign-in made on it after the restore.
      const source = await counts(t.dataSource);
      expect(await counts(restored)).toEqual({ ...source, audit: source.audit + 1 });
      const [{ logins }] = await restored.query(`SELECT count(*)::int AS logins FROM audit_event WHERE action = 'auth.login'`);
      const [{ sourceLogins }] = await t.dataSource.query(`SELECT count(*)::int AS "sourceLogins" FROM audit_event WHERE action = 'auth.login'`);
      expect(logins).toBe(sourceLogins + 1);
      await request(app.getHttpServer()).get('/api/health').expect(200);
    } finally {
      await app.close();
      await restored.destroy();
      rmSync(dumpDir, { recursive: true, force: true });
    }
  });

  it('without a target the restore refuses with the usage line', () => {
    const run = spawnSync(process.execPath, [cli, 'restore', '/tmp/x.dump'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('usage: npm run backup');
  });
});
