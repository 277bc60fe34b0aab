import { anomaliesOf, describeBand, DEFAULT_PLAUSIBILITY_BANDS, type MetricKey, METRICS, PLAUSIBILITY_LABELS, PLAUSIBILITY_METRICS, shownGrade } from '@hunan-perf/metrics';
import type { Grade } from '@hunan-perf/contracts';
import type { Scope } from '../src/modules/analytics/analytics-scope.js';
import { CURRENT_METRIC_ROWS_UNRANKED, metricRowParams, MetricRowsRepository } from '../src/modules/analytics/metric-rows.repository.js';
import { backfillProblemClassification, classificationRows, type Statement } from '../src/modules/analytics/problem-classification.js';
import { segment, themesOf } from '../src/modules/analytics/problem-themes.js';
import { pointRows } from '../src/modules/analytics/overview.service.js';
import { generateProvinceDataset } from '../src/modules/synthetic/province-dataset.js';
import { startSeededApp } from './support/seeded-app.js';
import { sessionAs, type Session, type TestApp } from './support/test-app.js';

/**
 * The compact answers carry exactly what the one-object-per-unit answers carried: the overview's
 * column arrays zip to the points the old service built from the metric rows (written grade or
 * the score's band, 异常 metrics), and its grades, anomalies, top and bottom are the old ones.
 * The five seed reports plus a synthetic province slice (ties, 异常 values, missing scores).
 */
describe('compact analytics answers hold the old answers’ rows and values', () => {
  let t: TestApp;
  let viewer: Session;
  beforeAll(async () => {
    ({ t } = await startSeededApp());
    await generateProvinceDataset(t.dataSource, { unitsPerRegion: 1, years: [2023, 2024], firstUnit: 1, seed: 7 });
    viewer = await sessionAs(t, 'viewer');
  });
  afterAll(() => t.close());

  const scope = (includeSynthetic: boolean): Scope => ({ regionCodes: null, level: null, unitIds: null, kind: 'department_overall', includeSynthetic });
  const bands = DEFAULT_PLAUSIBILITY_BANDS;

  /** The overview as the old service made it, from the same metric rows. */
  async function oldOverview(year: number, includeSynthetic: boolean) {
    const rows = await t.app.get(MetricRowsRepository).rows(scope(includeSynthetic), [year], 'score', false);
    const points = rows.map((r) => ({ ...r, ...shownGrade(r.grade as Grade | null, r.scoreTotal), anomalies: anomaliesOf(r, bands).map((a) => a.metric) }));
    const scored = points.filter((p) => p.scoreTotal !== null);
    return {
      points,
      grades: (['优', '良', '中', '差', '未评级'] as const).map((grade) => {
        const of = points.filter((p) => (p.grade ?? '未评级') === grade);
        return { grade, count: of.length, derived: of.filter((p) => p.gradeDerived).length };
      }),
      anomalies: PLAUSIBILITY_METRICS.flatMap((key) => points.filter((p) => p.anomalies.includes(key)).map((p) => ({
        metric: key, label: PLAUSIBILITY_LABELS[key].label, value: p[key] as number, band: describeBand(key, bands.bands[key]),
        reportId: p.reportId, unitId: p.unitId, unitName: p.unitName, regionName: p.regionName, fiscalYear: p.fiscalYear,
      })).sort((a, b) => b.value - a.value)),
      top: scored.slice(0, 5),
      bottom: scored.slice(-5).reverse(),
    };
  }

  it('overview: the column arrays zip to the old points, in their order; grades, 异常 list, top and bottom unchanged', async () => {
    let anomalous = 0;
    let derived = 0;
    for (const [year, includeSynthetic] of [[2021, false], [2023, false], [2023, true], [2024, true]] as const) {
      for (const implausible of [false, true]) {
        const res = await viewer.agent.get(`/api/analytics/overview?year=${year}&includeSynthetic=${includeSynthetic}&includeImplausible=${implausible}`).expect(200);
        const old = await oldOverview(year, includeSynthetic);
        expect(old.points.length).toBeGreaterThan(0);
        // Every array is as long as the points are many.
        for (const values of Object.values(res.body.points) as unknown[][]) expect(values).toHaveLength(old.points.length);
        expect(pointRows(res.body.points)).toEqual(old.points.map(({ kind: _kind, ...p }) => p));
        expect(res.body.grades).toEqual(old.grades);
        expect(res.body.anomalies).toEqual(old.anomalies);
        expect(res.body.top).toEqual(old.top);
        expect(res.body.bottom).toEqual(old.bottom);
        anomalous += old.anomalies.length;
        derived += old.points.filter((p) => p.gradeDerived).length;
      }
    }
    // The comparison covered 异常 values and grades taken from the score.
    expect(anomalous).toBeGreaterThan(0);
    expect(derived).toBeGreaterThan(0);
  });

  /** The problems answer as the old service made it: every statement segmented per request. */
  async function oldProblems(year: number, includeSynthetic: boolean) {
    const rows: { unitId: string; unitName: string; text: string }[] = await t.dataSource.query(
      `WITH rows AS (${CURRENT_METRIC_ROWS_UNRANKED})
       SELECT rows."unitId", rows."unitName", f.text FROM rows JOIN report_finding f ON f.report_id = rows."reportId"
        WHERE f.kind = 'problem' ORDER BY rows."unitName", rows."unitId", f.position`,
      metricRowParams(scope(includeSynthetic), [year]),
    );
    const themes = new Map<string, { statements: number; units: Map<string, string>; examples: string[] }>();
    const keywords = new Map<string, { statements: number; units: Set<string> }>();
    for (const row of rows) {
      const words = segment(row.text);
      for (const word of new Set(words)) {
        const k = keywords.get(word) ?? { statements: 0, units: new Set<string>() };
        k.statements += 1;
        k.units.add(row.unitId);
        keywords.set(word, k);
      }
      for (const theme of themesOf(row.text, words)) {
        const entry = themes.get(theme) ?? { statements: 0, units: new Map<string, string>(), examples: [] as string[] };
        entry.statements += 1;
        entry.units.set(row.unitId, row.unitName);
        if (entry.examples.length < 5) entry.examples.push(row.text.length > 120 ? `${row.text.slice(0, 120)}…` : row.text);
        themes.set(theme, entry);
      }
    }
    return {
      themes: [...themes.entries()]
        .map(([theme, x]) => ({ theme, unitCount: x.units.size, statementCount: x.statements, units: [...x.units].map(([unitId, unitName]) => ({ unitId, unitName })), examples: x.examples }))
        .sort((a, b) => b.unitCount - a.unitCount || b.statementCount - a.statementCount || a.theme.localeCompare(b.theme, 'zh-CN')),
      keywords: [...keywords.entries()]
        .map(([word, k]) => ({ word, unitCount: k.units.size, statementCount: k.statements }))
        .sort((a, b) => b.unitCount - a.unitCount || b.statementCount - a.statementCount || a.word.localeCompare(b.word, 'zh-CN'))
        .slice(0, 50),
    };
  }

  it('problems: themes and keywords from the stored classification equal segmenting every statement; theme units page', async () => {
    for (const [year, includeSynthetic] of [[2021, false], [2023, false], [2024, true]] as const) {
      const res = await viewer.agent.get(`/api/analytics/problems?year=${year}&includeSynthetic=${includeSynthetic}&pageSize=500`).expect(200);
      const old = await oldProblems(year, includeSynthetic);
      expect(old.themes.length).toBeGreaterThan(0);
      expect(res.body.themes).toEqual(old.themes);
      expect(res.body.keywords).toEqual(old.keywords);
    }
    // Page 2 of 10: each theme's units from the 11th by name, its unitCount the whole.
    const whole = (await viewer.agent.get('/api/analytics/problems?year=2024&includeSynthetic=true&pageSize=500').expect(200)).body;
    const second = (await viewer.agent.get('/api/analytics/problems?year=2024&includeSynthetic=true&page=2&pageSize=10').expect(200)).body;
    expect(second).toMatchObject({ page: 2, pageSize: 10 });
    const big = whole.themes.find((th: { unitCount: number }) => th.unitCount > 20);
    expect(big).toBeDefined();
    const paged = second.themes.find((th: { theme: string }) => th.theme === big.theme);
    expect(paged.unitCount).toBe(big.unitCount);
    expect(paged.units).toEqual(big.units.slice(10, 20));
  });

  it('years with data (skip scan) are the distinct years of the rows in scope, newest first', async () => {
    const repo = t.app.get(MetricRowsRepository);
    // Synthetic rows in 2023 and 2024 only; the seeds' real ones in their own years.
    const seeds = (await t.dataSource.query(`SELECT count(*)::int AS n FROM report_rollup WHERE NOT is_synthetic`))[0].n;
    expect(seeds).toBeGreaterThan(0);
    const unit = (await t.dataSource.query(`SELECT unit_id FROM report_rollup WHERE is_synthetic ORDER BY unit_name LIMIT 1`))[0].unit_id;
    for (const s of [scope(true), scope(false), { ...scope(true), level: 'county' }, { ...scope(false), regionCodes: ['430100', '433100'] }, { ...scope(true), unitIds: [unit] }, { ...scope(true), kind: 'project' }]) {
      const distinct: { y: number }[] = await t.dataSource.query(
        `SELECT DISTINCT q."fiscalYear" AS y FROM (${CURRENT_METRIC_ROWS_UNRANKED}) q ORDER BY y DESC`,
        metricRowParams(s, null),
      );
      expect(await repo.years(s)).toEqual(distinct.map((r) => r.y));
    }
    expect(await repo.years(scope(true))).toEqual(expect.arrayContaining([2024, 2023]));
  });

  it('rankings: each row is the metric row of the whole year (ranks by score over the province), placed as the old list placed it', async () => {
    const rows = await t.app.get(MetricRowsRepository).rows(scope(true), [2024]);
    const cases: [MetricKey, string, (r: (typeof rows)[number]) => boolean][] = [
      ['adjustmentRatio', '', () => true],
      ['scoreTotal', '&level=county', (r) => r.regionLevel === 'county'],
      ['executionRate', '&regionCode=430100', (r) => r.regionCode === '430100' || r.parentRegionCode === '430100'],
    ];
    for (const [metric, filter, kept] of cases) {
      const lower = METRICS[metric].better === 'lower';
      const value = (r: (typeof rows)[number]) => r[metric] as number | null;
      // rank(): 1 + how many rows come strictly before (nulls last).
      const before = (a: number | null, b: number | null) => a !== null && (b === null || (lower ? a < b : a > b));
      const rankAmong = (r: (typeof rows)[number], among: typeof rows) => 1 + among.filter((o) => before(value(o), value(r))).length;
      const listed = rows.filter(kept);
      const expected = listed
        .map((r) => {
          const level = rows.filter((o) => o.regionLevel === r.regionLevel);
          return { ...r, value: value(r), levelRank: value(r) === null ? null : rankAmong(r, level), levelSize: level.filter((o) => value(o) !== null).length, rank: rankAmong(r, listed) };
        })
        .sort((a, b) => a.rank - b.rank || (a.unitName < b.unitName ? -1 : a.unitName > b.unitName ? 1 : 0));
      const answer = (await viewer.agent.get(`/api/analytics/rankings?year=2024&includeSynthetic=true&metric=${metric}${filter}&pageSize=500`).expect(200)).body;
      expect(answer.total).toBe(expected.length);
      expect(answer.rows).toEqual(expected);
      expect(expected.some((r) => r.rankInParent !== null && r.rankInParent > 1)).toBe(true);
    }
  });

  it('rankings and recheck: pages put together are the whole list, with its total; filters apply before paging', async () => {
    const q = 'year=2024&includeSynthetic=true';
    for (const path of [`rankings?${q}&metric=adjustmentRatio`, `rankings?${q}&metric=scoreTotal&level=county`, `recheck?${q}`, `recheck?${q}&attention=true`, `recheck?${q}&flagged=true`]) {
      const whole = (await viewer.agent.get(`/api/analytics/${path}&pageSize=500`).expect(200)).body;
      expect(whole.total).toBe(whole.rows.length);
      const pages = [];
      for (let page = 1; page <= Math.ceil(whole.total / 40) + 1; page += 1) {
        const res = (await viewer.agent.get(`/api/analytics/${path}&page=${page}&pageSize=40`).expect(200)).body;
        expect(res).toMatchObject({ page, pageSize: 40, total: whole.total });
        expect(res.rows.length).toBe(Math.max(0, Math.min(40, whole.total - (page - 1) * 40)));
        pages.push(...res.rows);
      }
      expect(pages).toEqual(whole.rows);
    }
    const all = (await viewer.agent.get(`/api/analytics/recheck?${q}&pageSize=500`).expect(200)).body.rows;
    const attention = (await viewer.agent.get(`/api/analytics/recheck?${q}&attention=true&pageSize=500`).expect(200)).body.rows;
    expect(attention).toEqual(all.filter((r: { attention: boolean }) => r.attention));
    expect(attention.length).toBeGreaterThan(0);
    // Defaults: 50 a page; over 500 is refused in words.
    expect((await viewer.agent.get(`/api/analytics/rankings?${q}`).expect(200)).body.rows).toHaveLength(50);
    const refused = await viewer.agent.get(`/api/analytics/rankings?${q}&pageSize=501`).expect(400);
    expect(refused.body.details).toEqual([{ field: 'pageSize', message: expect.stringContaining('必须在 1–500 之间') }]);
  });

  it('exports are not paged: the CSV holds every row of the list', async () => {
    const q = 'year=2024&includeSynthetic=true';
    const total = (await viewer.agent.get(`/api/analytics/rankings?${q}&pageSize=1`).expect(200)).body.total;
    expect(total).toBeGreaterThan(50);
    const csv = await viewer.agent.get(`/api/analytics/rankings?${q}&format=csv&page=2&pageSize=5`).expect(200);
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines.length - 1).toBe(total);
  });

  it('the stored classification is every report’s statements’: backfilled when missing, made again when the theme knowledge changes', async () => {
    const stored = async () => ({
      themes: await t.dataSource.query(`SELECT report_id::text AS r, theme, positions FROM report_problem_theme ORDER BY 1, 2`),
      words: await t.dataSource.query(`SELECT report_id::text AS r, word, statements FROM report_problem_word ORDER BY 1, 2`),
    });
    const before = await stored();
    // As written with the findings (ingest, synthetic): what classify() makes of each report's statements.
    const statements: Statement<string>[] = await t.dataSource.query(
      `SELECT report_id::text AS report, position, text FROM report_finding WHERE kind = 'problem'`,
    );
    const expected = classificationRows(statements);
    const rows = <T>(cols: unknown[][]) => cols[0]!.map((_, i) => cols.map((c) => c[i])).sort((a, b) => `${a[0]}|${a[1]}`.localeCompare(`${b[0]}|${b[1]}`)) as T;
    expect(before.themes.map((x: { r: string; theme: string; positions: number[] }) => [x.r, x.theme, `{${x.positions.join(',')}}`])).toEqual(rows(expected.themes));
    expect(before.words.map((x: { r: string; word: string; statements: number }) => [x.r, x.word, x.statements])).toEqual(rows(expected.words));
    const reports = new Set(statements.map((x) => x.report)).size;
    expect(reports).toBeGreaterThan(100);
    // Never backfilled (no fingerprint yet): every report classified again, to the same rows.
    expect(await backfillProblemClassification(t.dataSource)).toBe(reports);
    expect(await stored()).toEqual(before);
    const [{ version }] = await t.dataSource.query(`SELECT version FROM data_version`);
    // 40 reports lost their themes (their words stay): those classified again, in batches, nothing doubled.
    await t.dataSource.query(`DELETE FROM report_problem_theme WHERE report_id IN (SELECT DISTINCT report_id FROM report_problem_theme ORDER BY 1 LIMIT 40)`);
    expect(await backfillProblemClassification(t.dataSource, 7)).toBe(40);
    expect(await stored()).toEqual(before);
    // The knowledge changed (another fingerprint): every report again.
    await t.dataSource.query(`UPDATE problem_classification SET fingerprint = 'old'`);
    await t.dataSource.query(`DELETE FROM report_problem_word`);
    expect(await backfillProblemClassification(t.dataSource)).toBe(reports);
    expect(await stored()).toEqual(before);
    expect(await backfillProblemClassification(t.dataSource)).toBe(0);
    const [{ version: after }] = await t.dataSource.query(`SELECT version FROM data_version`);
    expect(Number(after)).toBe(Number(version) + 2);
  });
});
