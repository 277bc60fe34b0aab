import request from 'supertest';
import { loadConfig } from '../src/config/app-config.js';
import { connect, connectReadOnly, DatabaseConnectError, migrate } from '../src/database/connect.js';
import { ensureLoginRole, grantAppRole, urlAs } from '../src/database/roles.js';
import { createLogger } from '../src/logging/logger.js';
import { AnalyticsCache } from '../src/modules/analytics/analytics-cache.js';
import { IngestionService } from '../src/modules/documents/ingestion.service.js';
import { UsersService } from '../src/modules/users/users.service.js';
import { type RunningServer, startServer } from '../src/server.js';
import { databaseUrlFor } from './support/database-url.js';
import { startStreamingPair, type StreamingPair } from './support/streaming-replica.js';
import { seed } from './support/uploads.js';

/**
 * DATABASE_READ_URL on a real streaming hot standby (Debian's PostgreSQL 15): writes go to the
 * primary, the dashboard reads the standby, and its cache follows what the standby has replayed.
 */
describe('read replica: the dashboard on a hot standby of the primary', () => {
  let pair: StreamingPair | undefined;
  let server: RunningServer | undefined;
  let viewer: ReturnType<typeof request.agent>;
  let analyst: { agent: ReturnType<typeof request.agent>; csrf: string };
  /** 湘西 (2021), ingested but not yet confirmed. */
  let pendingReport: string;
  const urls = { primaryApp: '', primaryOwner: '', standbyApp: '' };

  beforeAll(async () => {
    pair = await startStreamingPair();
    await pair.sql('primary', `CREATE DATABASE hunan_perf`);
    // The deployment's roles: the superuser owns and migrates, the app role connects (on both servers).
    await ensureLoginRole({ query: (text, params) => pair!.sql('primary', text, params) }, 'hp_app', 'app-password');
    urls.primaryOwner = databaseUrlFor(pair.primaryUrl, 'hunan_perf');
    urls.primaryApp = urlAs(urls.primaryOwner, 'hp_app', 'app-password');
    urls.standbyApp = urlAs(databaseUrlFor(pair.standbyUrl, 'hunan_perf'), 'hp_app', 'app-password');
    const owner = await connect(urls.primaryOwner);
    try {
      await migrate(owner);
      await grantAppRole(owner, 'hp_app');
    } finally {
      await owner.destroy();
    }
    await pair.caughtUp();
    const config = {
      ...loadConfig({ LOG_LEVEL: 'silent' }),
      databaseUrl: urls.primaryApp,
      migrationDatabaseUrl: urls.primaryOwner,
      databaseReadUrl: urls.standbyApp,
      port: 0,
      host: '127.0.0.1',
      adminPassword: 'replica-admin-pw',
      loadSampleData: false,
    };
    server = await startServer(config, createLogger('silent'));
    const ingestion = server.app.get(IngestionService);
    for (const [prefix, confirm] of [['000', true], ['001', true], ['004', false]] as const) {
      const file = seed(prefix);
      const outcome = await ingestion.ingest({ fileName: file.name, bytes: file.bytes }, null, { confirm });
      if ('error' in outcome) throw new Error(outcome.error.message);
      if (!confirm) pendingReport = outcome.reportId;
    }
    const users = server.app.get(UsersService);
    await users.create({ username: 'replica-viewer', password: 'viewer-password-1', role: 'viewer', regionCode: null }, null);
    await users.create({ username: 'replica-analyst', password: 'analyst-password-1', role: 'analyst', regionCode: null }, null);
    viewer = request.agent(server.app.getHttpServer());
    await viewer.post('/api/auth/login').send({ username: 'replica-viewer', password: 'viewer-password-1' }).expect(200);
    const agent = request.agent(server.app.getHttpServer());
    const login = await agent.post('/api/auth/login').send({ username: 'replica-analyst', password: 'analyst-password-1' }).expect(200);
    analyst = { agent, csrf: login.body.csrfToken as string };
    await pair.caughtUp();
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    await pair?.stop();
  });

  const dataVersion = async (where: 'primary' | 'standby') =>
    (await pair!.sql<{ v: string }>(where, `SELECT version::text AS v FROM data_version`, [], 'hunan_perf'))[0]!.v;

  it('reads through a read-only connection to the standby, which /api/health names with its lag', async () => {
    const [{ standby, readOnly, database }] = await server!.readDataSource.query(
      `SELECT pg_is_in_recovery() AS standby, current_setting('default_transaction_read_only') AS "readOnly", current_database() AS database`,
    );
    expect({ standby, readOnly, database }).toEqual({ standby: true, readOnly: 'on', database: 'hunan_perf' });
    // Both connections run their statements without JIT compilation (data-source-options.ts).
    for (const db of [server!.readDataSource, server!.dataSource]) expect((await db.query(`SELECT current_setting('jit') AS jit`))[0].jit).toBe('off');
    const [{ primaryStandby }] = await server!.dataSource.query(`SELECT pg_is_in_recovery() AS "primaryStandby"`);
    expect(primaryStandby).toBe(false);
    const health = await request(server!.app.getHttpServer()).get('/api/health').expect(200);
    expect(health.body).toMatchObject({ status: 'ok', database: 'up', readDatabase: { connection: 'replica', database: 'up', standby: true } });
    expect(health.body.readDatabase.lagBytes).toBeGreaterThanOrEqual(0);
    expect(health.body.readDatabase.lagSeconds).toBeGreaterThanOrEqual(0);
  });

  it('refuses writes through the read DataSource, and its read-only flag holds even on a primary', async () => {
    await expect(server!.readDataSource.query(`UPDATE data_version SET version = version + 1`)).rejects.toThrow(/read-only transaction/);
    // DATABASE_READ_URL pointed at the primary by mistake: the session flag still refuses the write.
    const onPrimary = await connectReadOnly(urls.primaryApp);
    try {
      await expect(onPrimary.query(`UPDATE data_version SET version = version + 1`)).rejects.toThrow(/cannot execute UPDATE in a read-only transaction/);
    } finally {
      await onPrimary.destroy();
    }
  });

  it('a read URL with no dashboard tables, or unreachable, stops start-up with one line naming DATABASE_READ_URL', async () => {
    const empty = await connectReadOnly(urlAs(pair!.standbyUrl, 'hp_app', 'app-password')).catch((e: unknown) => e);
    expect(empty).toBeInstanceOf(DatabaseConnectError);
    expect((empty as Error).message).toMatch(/^The read replica at postgres:\/\/hp_app@127\.0\.0\.1:\d+\/postgres holds no dashboard tables .*Check DATABASE_READ_URL/);
    const unreachable = await connectReadOnly('postgres://nobody@127.0.0.1:1/nothing').catch((e: unknown) => e);
    expect((unreachable as Error).message).toMatch(/^Cannot connect to the read replica at postgres:\/\/nobody@127\.0\.0\.1:1\/nothing: .*Check DATABASE_READ_URL/);
    for (const error of [empty, unreachable]) expect((error as Error).message).not.toContain('\n');
  });

  it('a report confirmed on the primary reaches the dashboard after replay; the cache never serves the older answer under the newer version', async () => {
    const cache = server!.app.get(AnalyticsCache);
    const overview = () => viewer.get('/api/analytics/overview?year=2021').expect(200);
    const first = await overview();
    expect([first.headers['x-cache'], first.body.counts.reports]).toEqual(['miss', 2]);
    expect((await overview()).headers['x-cache']).toBe('hit');

    // Replay paused: the primary moves on, the standby stays where it was.
    await pair!.sql('standby', `SELECT pg_wal_replay_pause()`);
    await waitFor(async () => (await pair!.sql<{ s: string }>('standby', `SELECT pg_get_wal_replay_pause_state() AS s`))[0]!.s === 'paused');
    const before = await dataVersion('standby');
    const confirmed = await analyst.agent.post(`/api/reports/${pendingReport}/confirm`).set('x-csrf-token', analyst.csrf).expect(200);
    expect(confirmed.body.status).toBe('confirmed');
    expect(BigInt(await dataVersion('primary'))).toBeGreaterThan(BigInt(before));
    // The key is the standby's replayed version, the answer the standby's data: consistent, only not yet new.
    expect(await cache.version()).toBe(before);
    const lagging = await overview();
    expect([lagging.headers['x-cache'], lagging.body.counts.reports]).toEqual(['hit', 2]);
    const health = await request(server!.app.getHttpServer()).get('/api/health').expect(200);
    expect(health.body.readDatabase.lagBytes).toBeGreaterThan(0);
    expect(health.body.readDatabase.lagSeconds).toBeGreaterThanOrEqual(0);

    await pair!.sql('standby', `SELECT pg_wal_replay_resume()`);
    await pair!.caughtUp();
    expect(await cache.version()).toBe(await dataVersion('primary'));
    const fresh = await overview();
    expect([fresh.headers['x-cache'], fresh.body.counts.reports]).toEqual(['miss', 3]);
    expect(fresh.body.points.unitName as string[]).toContain('湘西土家族苗族自治州工业和信息化局');
    expect(fresh.headers.etag).not.toBe(first.headers.etag);
    expect((await overview()).headers['x-cache']).toBe('hit');

    const rankings = await viewer.get('/api/analytics/rankings?year=2021&metric=scoreTotal').expect(200);
    const xiangxi = rankings.body.rows.find((r: { unitName: string }) => r.unitName === '湘西土家族苗族自治州工业和信息化局');
    expect(xiangxi?.value).toBe(98.36);
    // Exports read the standby too: the CSV of the same rankings holds the new row.
    const csv = await viewer.get('/api/analytics/rankings?year=2021&metric=scoreTotal&format=csv').expect(200);
    expect(csv.text).toContain('湘西土家族苗族自治州工业和信息化局');
  });
});

/** Polls a condition a bounded number of times. */
async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('condition not met after 200 checks');
}
