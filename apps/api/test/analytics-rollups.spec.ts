import type { DataSource } from 'typeorm';
import { IngestionService } from '../src/modules/documents/ingestion.service.js';
import type { Scope } from '../src/modules/analytics/analytics-scope.js';
import { MetricRowsRepository } from '../src/modules/analytics/metric-rows.repository.js';
import { PROBLEMS_FROM_COUNTS, PROBLEMS_PER_REPORT } from '../src/modules/analytics/problems.sql.js';
import { backfillProblemClassification } from '../src/modules/analytics/problem-classification.js';
import { recomputeStoredMetrics } from '../src/modules/reports/metric-recompute.js';
import { generateProvinceDataset } from '../src/modules/synthetic/province-dataset.js';
import { sessionAs, type Session, startTestApp, type TestApp } from './support/test-app.js';
import { seed } from './support/uploads.js';

/**
 * The rows analytics read before report_rollup existed: every current confirmed report joined to
 * its unit, region and stored metrics and ranked per request. The rollup must give the same rows.
 */
const OLD_ROWS = `
  WITH ranked AS (
    SELECT r.id, r.unit_id, r.fiscal_year, r.kind, r.is_synthetic, r.score_total, r.grade, u.name AS unit_name,
           g.code AS region_code, g.name AS region_name, g.level AS region_level, g.parent_code,
           CASE WHEN r.score_total IS NOT NULL THEN
             rank() OVER (PARTITION BY r.fiscal_year, g.level ORDER BY r.score_total DESC NULLS LAST) END AS rank_in_level,
           CASE WHEN r.score_total IS NOT NULL THEN
             rank() OVER (PARTITION BY r.fiscal_year, g.parent_code ORDER BY r.score_total DESC NULLS LAST) END AS rank_in_parent
      FROM report r JOIN unit u ON u.id = r.unit_id JOIN region g ON g.code = u.region_code
     WHERE r.status = 'confirmed' AND r.kind = $1 AND ($2::boolean OR NOT r.is_synthetic)
  )
  SELECT k.id AS "reportId", k.unit_id AS "unitId", k.unit_name AS "unitName", k.region_code AS "regionCode",
         k.region_name AS "regionName", k.region_level AS "regionLevel", k.parent_code AS "parentRegionCode",
         p.name AS "parentRegionName", k.fiscal_year AS "fiscalYear", k.kind, k.is_synthetic AS "isSynthetic",
         k.score_total::float8 AS "scoreTotal", k.grade,
         m.execution_rate::float8 AS "executionRate", m.adjustment_ratio::float8 AS "adjustmentRatio",
         m.three_public_control_rate::float8 AS "threePublicControlRate", m.project_share::float8 AS "projectShare",
         m.indicator_completion::float8 AS "indicatorCompletion",
         m.budget_initial::float8 AS "budgetInitial", m.budget_adjusted::float8 AS "budgetAdjusted", m.budget_actual::float8 AS "budgetActual",
         k.rank_in_level::int AS "rankInLevel", k.rank_in_parent::int AS "rankInParent", m.warning_count AS "warningCount"
    FROM ranked k JOIN report_metric m ON m.report_id = k.id LEFT JOIN region p ON p.code = k.parent_code`;

type Row = Record<string, unknown> & { reportId: string };
const byId = (rows: Row[]) => [...rows].sort((a, b) => a.reportId.localeCompare(b.reportId));

/**
 * report_rollup is kept by triggers in the transaction of every write: after each step below it
 * equals its from-scratch view (v_report_rollup), and the analytics rows read from it equal the
 * rows the old per-request query computed, for both the all-reports and the non-synthetic scope.
 */
describe('analytics rollups follow every write', () => {
  let t: TestApp;
  let db: DataSource;
  let analyst: Session;
  let viewer: Session;
  const reports: string[] = [];

  const scope = (includeSynthetic: boolean): Scope => ({ regionCodes: null, level: null, unitIds: null, kind: 'department_overall', includeSynthetic });

  /** Asserts the rollup equals the from-scratch computation; returns how many rows it holds. */
  const assertInStep = async (): Promise<number> => {
    const [{ missing, extra }] = await db.query(`
      SELECT (SELECT count(*) FROM (SELECT * FROM v_report_rollup EXCEPT ALL SELECT * FROM report_rollup) d)::int AS missing,
             (SELECT count(*) FROM (SELECT * FROM report_rollup EXCEPT ALL SELECT * FROM v_report_rollup) d)::int AS extra`);
    expect({ missing, extra }).toEqual({ missing: 0, extra: 0 });
    for (const synthetic of [true, false]) {
      const fromRollup = await t.app.get(MetricRowsRepository).rows(scope(synthetic), null);
      const old: Row[] = await db.query(OLD_ROWS, ['department_overall', synthetic]);
      expect(byId(fromRollup as unknown as Row[])).toEqual(byId(old));
    }
    await assertProblemCountsInStep();
    return (await db.query(`SELECT count(*)::int AS n FROM report_rollup`))[0].n as number;
  };

  /**
   * The problem counts (per region, per level) and theme units the report_rollup triggers keep
   * equal their from-scratch views (no slice keeps a term no report names), and the 问题分析 answer
   * read from them equals the one computed from every report's row, for the province, a level, a
   * region, two regions at one level, the non-synthetic scope, a later page and an export.
   */
  const assertProblemCountsInStep = async (): Promise<void> => {
    const [diff] = await db.query(`
      SELECT (SELECT count(*) FROM (SELECT * FROM v_problem_count EXCEPT ALL SELECT * FROM problem_count) d)::int AS "countsMissing",
             (SELECT count(*) FROM (SELECT * FROM problem_count EXCEPT ALL SELECT * FROM v_problem_count) d)::int AS "countsExtra",
             (SELECT count(*) FROM (SELECT * FROM v_problem_count_by_level EXCEPT ALL SELECT * FROM problem_count_by_level) d)::int AS "levelMissing",
             (SELECT count(*) FROM (SELECT * FROM problem_count_by_level EXCEPT ALL SELECT * FROM v_problem_count_by_level) d)::int AS "levelExtra",
             (SELECT count(*) FROM (SELECT * FROM v_problem_theme_unit EXCEPT ALL SELECT * FROM problem_theme_unit) d)::int AS "unitsMissing",
             (SELECT count(*) FROM (SELECT * FROM problem_theme_unit EXCEPT ALL SELECT * FROM v_problem_theme_unit) d)::int AS "unitsExtra"`);
    expect(diff).toEqual({ countsMissing: 0, countsExtra: 0, levelMissing: 0, levelExtra: 0, unitsMissing: 0, unitsExtra: 0 });
    const regions: { code: string }[] = await db.query(`SELECT DISTINCT region_code AS code FROM report_rollup ORDER BY code LIMIT 2`);
    const codes = regions.map((r) => r.code);
    const years: { y: number }[] = await db.query(`SELECT DISTINCT fiscal_year AS y FROM report_rollup ORDER BY y`);
    const sorted = (a: { themes: { theme: string }[]; keywords: { word: string }[] }) => ({
      themes: [...a.themes].sort((x, y) => x.theme.localeCompare(y.theme)),
      keywords: [...a.keywords].sort((x, y) => x.word.localeCompare(y.word)),
    });
    const cases: [boolean, string[] | null, string | null, number | null, number][] = [
      [true, null, null, 50, 0], [false, null, null, 50, 0], [true, null, 'county', 3, 2], [true, codes.slice(0, 1), null, 50, 0],
      [true, codes, 'county', 2, 1], [true, null, null, null, 0],
    ];
    for (const { y } of years) {
      for (const [synthetic, regions, level, limit, offset] of cases) {
        const [perReport] = await db.query(PROBLEMS_PER_REPORT, ['department_overall', synthetic, [y], regions, level, null, limit, offset]);
        const [fromCounts] = await db.query(PROBLEMS_FROM_COUNTS, ['department_overall', synthetic, y, regions, level, limit, offset]);
        expect(sorted(fromCounts)).toEqual(sorted(perReport));
      }
    }
  };

  const rollupOf = async (id: string) => (await db.query(`SELECT * FROM report_rollup WHERE report_id = $1`, [id]))[0] as Record<string, unknown> | undefined;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.dataSource;
    analyst = await sessionAs(t, 'analyst');
    viewer = await sessionAs(t, 'viewer');
  });
  afterAll(() => t.close());

  it('confirmed ingests and a synthetic province are in the rollup with the old ranks', async () => {
    expect(await assertInStep()).toBe(0);
    const ingestion = t.app.get(IngestionService);
    for (const prefix of ['003', '004', '001']) {
      const outcome = await ingestion.ingest({ fileName: seed(prefix).name, bytes: seed(prefix).bytes }, null, { confirm: true });
      if ('error' in outcome) throw new Error(outcome.error.message);
      reports.push(outcome.reportId);
    }
    expect(await assertInStep()).toBe(3);
    const years: { y: number }[] = await db.query(`SELECT DISTINCT fiscal_year AS y FROM report_rollup`);
    await generateProvinceDataset(db, { unitsPerRegion: 1, years: years.map((r) => r.y), seed: 3 });
    const n = await assertInStep();
    expect(n).toBeGreaterThan(100);
    // A synthetic report scored above a real one of its (year, level): the real report ranks
    // differently among every report than among the real ones only, as it always did.
    const [real] = await db.query(`
      SELECT r.report_id FROM report_rollup s JOIN report_rollup r ON r.kind = s.kind AND r.fiscal_year = s.fiscal_year
         AND r.region_level = s.region_level AND NOT r.is_synthetic AND r.score_total < 100
       WHERE s.is_synthetic ORDER BY s.report_id LIMIT 1`);
    await db.query(`UPDATE report SET score_total = 100 WHERE id = (
      SELECT s.report_id FROM report_rollup s JOIN report_rollup r ON r.kind = s.kind AND r.fiscal_year = s.fiscal_year
         AND r.region_level = s.region_level WHERE s.is_synthetic AND r.report_id = $1 ORDER BY s.report_id LIMIT 1)`, [real.report_id]);
    await assertInStep();
    const rankOf = async (includeSynthetic: boolean) =>
      (await t.app.get(MetricRowsRepository).rows(scope(includeSynthetic), null)).find((r) => r.reportId === real.report_id)!.rankInLevel!;
    expect(await rankOf(true)).toBeGreaterThan(await rankOf(false));
  });

  it('a draft ingest is not in it; confirming it through the API puts it there', async () => {
    const outcome = await t.app.get(IngestionService).ingest({ fileName: seed('000').name, bytes: seed('000').bytes }, null, { confirm: false });
    if ('error' in outcome) throw new Error(outcome.error.message);
    expect(await rollupOf(outcome.reportId)).toBeUndefined();
    await analyst.agent.post(`/api/reports/${outcome.reportId}/confirm`).set('x-csrf-token', analyst.csrf).expect(200);
    expect((await rollupOf(outcome.reportId))?.report_id).toBe(outcome.reportId);
    reports.push(outcome.reportId);
    await assertInStep();
  });

  it('a correction of a confirmed report waits as a draft, then supersedes it when confirmed', async () => {
    const id = reports[0]!;
    const correction = await analyst.agent.patch(`/api/reports/${id}`).set('x-csrf-token', analyst.csrf)
      .send({ reason: '按复核意见调整得分', edits: [{ path: 'score.total', value: 99.5 }] }).expect(200);
    expect(correction.body.status).toBe('draft');
    expect(await rollupOf(correction.body.id)).toBeUndefined();
    expect(await rollupOf(id)).toBeDefined();
    await assertInStep();
    await analyst.agent.post(`/api/reports/${correction.body.id}/confirm`).set('x-csrf-token', analyst.csrf).expect(200);
    expect(await rollupOf(id)).toBeUndefined();
    const row = await rollupOf(correction.body.id);
    expect(row?.score_total).toBe('99.50');
    reports[0] = correction.body.id;
    await assertInStep();
    // The answers read the rollup: the rankings put the corrected report first in its level.
    const rankings = await viewer.agent.get(`/api/analytics/rankings?year=${row!.fiscal_year}&includeSynthetic=true`).expect(200);
    const entry = JSON.stringify(rankings.body);
    expect(entry).toContain(correction.body.id);
  });

  it('a unit renamed and moved, and a region renamed, re-parented and re-levelled, are followed', async () => {
    const [unit] = await db.query(`SELECT unit_id, region_code FROM report_rollup WHERE report_id = $1`, [reports[1]]);
    const [other] = await db.query(`SELECT code FROM region WHERE level = 'county' AND code <> $1 ORDER BY code LIMIT 1`, [unit.region_code]);
    await db.query(`UPDATE unit SET name = name || '（更名）', region_code = $2 WHERE id = $1`, [unit.unit_id, other.code]);
    const row = await rollupOf(reports[1]!);
    expect(row?.region_code).toBe(other.code);
    expect(String(row?.unit_name)).toMatch(/（更名）$/);
    await assertInStep();
    await db.query(`UPDATE region SET name = name || '新区' WHERE code = $1`, [other.code]);
    expect(String((await rollupOf(reports[1]!))?.region_name)).toMatch(/新区$/);
    await assertInStep();
    const [city] = await db.query(`SELECT code FROM region WHERE level = 'city' AND code <> (SELECT parent_code FROM region WHERE code = $1) ORDER BY code LIMIT 1`, [other.code]);
    await db.query(`UPDATE region SET parent_code = $2 WHERE code = $1`, [other.code, city.code]);
    expect((await rollupOf(reports[1]!))?.parent_code).toBe(city.code);
    await assertInStep();
  });

  it('recompute-metrics rewrites stale stored metrics and the rollup follows in the same transaction', async () => {
    const id = reports[2]!;
    await db.query(`UPDATE report_metric SET execution_rate = 12.34 WHERE report_id = $1`, [id]);
    expect((await rollupOf(id))?.execution_rate).toBe('12.34');
    await assertInStep();
    const summary = await recomputeStoredMetrics(db);
    expect(summary.metrics).toBe(1);
    expect((await rollupOf(id))?.execution_rate).not.toBe('12.34');
    await assertInStep();
  });

  it('a report\'s 存在的问题 themes and words are on its row, and follow a reclassification', async () => {
    const [stored] = await db.query(`
      SELECT k.report_id, k.problem_themes, k.problem_words, k.problem_word_statements
        FROM report_rollup k WHERE cardinality(k.problem_words) > 0 AND NOT k.is_synthetic ORDER BY k.report_id LIMIT 1`);
    const words: { word: string; statements: number }[] = await db.query(
      `SELECT word, statements FROM report_problem_word WHERE report_id = $1 ORDER BY word`, [stored.report_id]);
    expect(stored.problem_words).toEqual(words.map((w) => w.word));
    expect(stored.problem_word_statements).toEqual(words.map((w) => w.statements));
    await db.query(`DELETE FROM report_problem_word WHERE report_id = $1 AND word = $2`, [stored.report_id, words[0]!.word]);
    expect((await rollupOf(stored.report_id))?.problem_words).toEqual(words.slice(1).map((w) => w.word));
    await assertInStep();
    // The theme knowledge changed: every report is classified again, and every row follows.
    await db.query(`UPDATE problem_classification SET fingerprint = 'old'`);
    expect(await backfillProblemClassification(db)).toBeGreaterThan(0);
    expect((await rollupOf(stored.report_id))?.problem_words).toEqual(words.map((w) => w.word));
    expect((await rollupOf(stored.report_id))?.problem_themes).toEqual(stored.problem_themes);
    await assertInStep();
  });

  it('a report leaving confirmed, and a score change in place, re-rank the rest', async () => {
    const id = reports[3]!;
    const before = await assertInStep();
    await db.query(`UPDATE report SET status = 'draft' WHERE id = $1`, [id]);
    expect(await rollupOf(id)).toBeUndefined();
    expect(await assertInStep()).toBe(before - 1);
    await db.query(`UPDATE report SET status = 'confirmed' WHERE id = $1`, [id]);
    expect(await assertInStep()).toBe(before);
    // A synthetic report jumps to the top of its slice: every other rank in it moves.
    await db.query(`UPDATE report SET score_total = 100 WHERE id = (SELECT report_id FROM report_rollup WHERE is_synthetic ORDER BY score_total LIMIT 1)`);
    await assertInStep();
    await db.query(`UPDATE report SET status = 'superseded' WHERE id = (SELECT report_id FROM report_rollup WHERE is_synthetic ORDER BY report_id LIMIT 1)`);
    expect(await assertInStep()).toBe(before - 1);
  });

  it('a confirmed report deleted leaves the rollup and its problem counts', async () => {
    const before = await assertInStep();
    const [gone] = await db.query(`SELECT report_id FROM report_rollup WHERE cardinality(problem_themes) > 0 ORDER BY report_id LIMIT 1`);
    await db.query(`DELETE FROM report WHERE id = $1`, [gone.report_id]);
    expect(await rollupOf(gone.report_id)).toBeUndefined();
    expect(await db.query(`SELECT 1 FROM problem_theme_unit WHERE report_id = $1`, [gone.report_id])).toEqual([]);
    expect(await assertInStep()).toBe(before - 1);
  });
});
