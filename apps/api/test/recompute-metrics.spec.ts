import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { migrations } from '@hunan-perf/migrations';
import { connect } from '../src/database/connect.js';
import { IngestionService } from '../src/modules/documents/ingestion.service.js';
import { recomputeStoredMetrics } from '../src/modules/reports/metric-recompute.js';
import { sessionAs, startTestApp, type TestApp } from './support/test-app.js';
import { databaseUrlFor } from './support/database-url.js';
import { seed } from './support/uploads.js';

const cli = fileURLToPath(new URL('../dist/cli/recompute-metrics.js', import.meta.url));

/**
 * A metric definition changed: stored values written under the old one (report_metric, the
 * indicator assessments) are recomputed in one transaction, and data_version moves so the analytics
 * cache answers with the new values at once. The stale values are planted as an older definition
 * would have left them (湘西 2021 调整率 340.77: 结转结余 counted as an adjustment).
 */
describe('npm run recompute-metrics', () => {
  let t: TestApp;
  let reportId: string;
  const version = async () => Number((await t.dataSource.query(`SELECT version FROM data_version`))[0].version);
  const stale = async () =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM (SELECT * FROM v_report_metric EXCEPT SELECT * FROM report_metric) d`))[0].n as number;

  beforeAll(async () => {
    t = await startTestApp();
    const outcome = await t.app.get(IngestionService).ingest({ fileName: seed('004').name, bytes: seed('004').bytes }, null, { confirm: true });
    if ('error' in outcome) throw new Error(outcome.error.message);
    reportId = outcome.reportId;
  });
  afterAll(() => t.close());

  const plantOldDefinition = async () => {
    await t.dataSource.query(`UPDATE report_metric SET adjustment_ratio = 340.77 WHERE report_id = $1`, [reportId]);
    const [, indicators] = await t.dataSource.query(
      `UPDATE report_indicator SET status = 'unknown', quantitative = false, comparator = NULL
        WHERE id = (SELECT id FROM report_indicator WHERE report_id = $1 AND quantitative ORDER BY position LIMIT 1)`, [reportId],
    );
    expect(indicators).toBe(1);
  };

  it('湘西 2021 is stored at 226.81 % (追加 3,612.68 ÷ 年初 1,592.83) with its carryover and stated adjustment', async () => {
    const [b] = await t.dataSource.query(
      `SELECT carryover_amount::float8 AS carryover, adjustment_stated_amount::float8 AS stated, m.adjustment_ratio::float8 AS ratio
         FROM report_budget b JOIN report_metric m ON m.report_id = b.report_id WHERE b.report_id = $1 AND b.line = 'total'`, [reportId],
    );
    expect(b).toEqual({ carryover: 1802.42, stated: 3612.68, ratio: 226.81 });
    expect(await stale()).toBe(0);
  });

  it('recomputes stale stored values in one transaction, moves data_version once, and the cached answer follows', async () => {
    const viewer = await sessionAs(t, 'viewer');
    await plantOldDefinition();
    const before = await viewer.agent.get('/api/analytics/compare?year=2021').expect(200);
    expect(before.body.rows[0].adjustmentRatio).toBe(340.77);
    const cached = await viewer.agent.get('/api/analytics/compare?year=2021').expect(200);
    expect(cached.headers['x-cache']).toBe('hit');
    expect(await stale()).toBe(1);
    const v0 = await version();

    const summary = await recomputeStoredMetrics(t.dataSource);
    expect(summary).toEqual({ indicators: 1, metrics: 1, dataVersion: String(v0 + 1) });
    expect(await version()).toBe(v0 + 1);
    expect(await stale()).toBe(0);
    const after = await viewer.agent.get('/api/analytics/compare?year=2021').expect(200);
    expect(after.headers['x-cache']).toBe('miss');
    expect(after.body.rows[0].adjustmentRatio).toBe(226.81);

    // Nothing stale: nothing changes, and the version still moves (a definition change always invalidates).
    expect(await recomputeStoredMetrics(t.dataSource)).toEqual({ indicators: 0, metrics: 0, dataVersion: String(v0 + 2) });
  });

  it('the built command does the same against DATABASE_URL and says what changed in Chinese', async () => {
    await plantOldDefinition();
    const url = (t.dataSource.options as { url: string }).url;
    const run = spawnSync(process.execPath, [cli], { env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' }, encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^指标已重算：1 条指标的达标判断、1 份报告的指标值有变化；数据版本 \d+（[\d.]+ 秒）\n$/);
    expect(await stale()).toBe(0);
    const [{ ratio }] = await t.dataSource.query(`SELECT adjustment_ratio::float8 AS ratio FROM report_metric WHERE report_id = $1`, [reportId]);
    expect(ratio).toBe(226.81);
  });

  it('the migration: down restores the old definition (340.77), up backfills from the stored document and recomputes (226.81), each moving data_version', async () => {
    const ratio = async () =>
      (await t.dataSource.query(`SELECT adjustment_ratio::float8 AS r FROM report_metric WHERE report_id = $1`, [reportId]))[0].r as number;
    const Migration = migrations.find((m) => m.name === 'AdjustmentRatio1764600000000')!;
    const migration = new Migration();
    // DDL needs more than the app role: the server's own account on this test database.
    const appUrl = (t.dataSource.options as { url: string }).url;
    const admin = await connect(databaseUrlFor(process.env.HP_TEST_SERVER_URL!, new URL(appUrl).pathname.slice(1)));
    const runner = admin.createQueryRunner();
    const inTransaction = async (step: 'up' | 'down') => {
      await runner.startTransaction();
      await migration[step](runner);
      await runner.commitTransaction();
    };
    const vBefore = await version();
    await inTransaction('down');
    const v0 = await version();
    expect(await ratio()).toBe(340.77);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'report_budget' AND column_name IN ('carryover_amount', 'adjustment_stated_amount')`,
    );
    expect(n).toBe(0);
    expect(v0).toBeGreaterThan(vBefore);
    await inTransaction('up');
    await runner.release();
    await admin.destroy();
    expect(await ratio()).toBe(226.81);
    expect(await version()).toBeGreaterThan(v0);
    const [b] = await t.dataSource.query(
      `SELECT carryover_amount::float8 AS carryover, adjustment_stated_amount::float8 AS stated FROM report_budget WHERE report_id = $1 AND line = 'total'`, [reportId],
    );
    expect(b).toEqual({ carryover: 1802.42, stated: 3612.68 });
    expect(await stale()).toBe(0);
  });
});
