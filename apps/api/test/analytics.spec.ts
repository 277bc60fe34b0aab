import ExcelJS from 'exceljs';
import { pointRows } from '../src/modules/analytics/overview.service.js';
import { startSeededApp } from './support/seeded-app.js';
import { binary } from './support/uploads.js';
import { sessionAs, type Session, type TestApp } from './support/test-app.js';


describe('analytics on the five seed reports', () => {
  let t: TestApp;
  let viewer: Session;
  let units: Record<string, string>;
  beforeAll(async () => {
    ({ t, units } = await startSeededApp());
    viewer = await sessionAs(t, 'viewer');
  });
  afterAll(() => t.close());

  const row = (rows: { unitId: string }[], seed: string) => rows.find((r) => r.unitId === units[seed]) as Record<string, unknown>;

  it('湘西 2021: 预算调整率 226.81 % (追加 3,612.68 against 年初 1,592.83; 结转结余 1,802.42 is not an adjustment), 执行率 93.56 %, 三公控制率 19.86 %', async () => {
    const res = await viewer.agent.get(`/api/analytics/compare?year=2021&unitIds=${units['004']}`).expect(200);
    expect(res.body.rows).toHaveLength(1);
    expect(res.body.rows[0]).toMatchObject({
      unitName: '湘西土家族苗族自治州工业和信息化局', regionName: '湘西土家族苗族自治州', regionLevel: 'city', fiscalYear: 2021,
      budgetInitial: 1592.83, budgetAdjusted: 7020.73, budgetActual: 6568.25,
      adjustmentRatio: 226.81, executionRate: 93.56, threePublicControlRate: 19.86,
    });
    const rates = res.body.categoryRates.filter((r: { unitId: string }) => r.unitId === units['004']);
    expect(rates).toContainEqual(expect.objectContaining({ category: '产出', writtenLevel1: ['产出指标'], weight: 50, score: 50, scoreRate: 100 }));
    expect(rates).toContainEqual(expect.objectContaining({ category: '过程', writtenLevel1: ['预算执行率'], weight: 10, score: 9.36, scoreRate: 93.6 }));
  });

  it('益阳 2024: 预算调整率 31.29 %, 执行率 100 %, 指标完成率 100 % (6 of 6 quantitative rows met)', async () => {
    const res = await viewer.agent.get('/api/analytics/compare?year=2024').expect(200);
    expect(row(res.body.rows, '003')).toMatchObject({ adjustmentRatio: 31.29, executionRate: 100, indicatorCompletion: 100, threePublicControlRate: 100 });
    const ind = await viewer.agent.get('/api/analytics/indicators?year=2024').expect(200);
    expect(ind.body.units).toEqual([expect.objectContaining({ unitName: '益阳市工业和信息化局', completion: 100, met: 6, unmet: 0 })]);
    const costRow = ind.body.rows.find((r: { name: string }) => r.name === '三公经费支出');
    expect(costRow).toMatchObject({ target: '≤44万元', actual: '43.41万元', comparator: 'atMost', quantitative: true, status: 'met' });
    const qualitative = ind.body.rows.find((r: { name: string }) => r.name === '工业投资增长');
    expect(qualitative).toMatchObject({ quantitative: false, status: 'met' });
  });

  it('三公经费控制率: 浏阳 6.8 of 8 → 85 %; 浏阳 has no adjusted budget, so no 调整率', async () => {
    const res = await viewer.agent.get('/api/analytics/compare?year=2021').expect(200);
    expect(row(res.body.rows, '000')).toMatchObject({ threePublicControlRate: 85, adjustmentRatio: null, executionRate: 184.65 });
    // 望城 states no score: it has no rank.
    expect(row(res.body.rows, '001')).toMatchObject({ scoreTotal: null, rankInLevel: null });
  });

  it('overview: counts, grades, top units, and every year with data', async () => {
    const res = await viewer.agent.get('/api/analytics/overview?year=2021').expect(200);
    expect(res.body.availableYears).toEqual([2024, 2023, 2021]);
    expect(res.body.counts).toMatchObject({ reports: 3, units: 3 });
    expect(res.body.score).toMatchObject({ mean: 97.18, median: 97.18, min: 96, max: 98.36 });
    // 浏阳 96 “优秀” and 湘西 98.36 “优”; 望城 states neither score nor grade.
    expect(res.body.grades).toContainEqual({ grade: '优', count: 2, derived: 0 });
    expect(res.body.grades).toContainEqual({ grade: '未评级', count: 1, derived: 0 });
    expect(res.body.top[0].unitName).toBe('湘西土家族苗族自治州工业和信息化局');
    expect(res.body.points.reportId).toHaveLength(3);
    const empty = await viewer.agent.get('/api/analytics/overview?year=2030').expect(200);
    expect(empty.body.counts.reports).toBe(0);
    expect(empty.body.score.mean).toBeNull();
  });

  it('trends: one series per unit with year-over-year change and gaps as null', async () => {
    const res = await viewer.agent.get(`/api/analytics/trends?metric=scoreTotal&unitIds=${units['004']},${units['003']}`).expect(200);
    // Every year from the chosen units' first to their last: the years between are gaps (null), not missing ticks.
    expect(res.body.years).toEqual([2021, 2022, 2023, 2024]);
    const gap = (year: number) => ({ year, value: null, change: null });
    const yiyang = res.body.series.find((s: { key: string }) => s.key === units['003']);
    expect(yiyang.points).toEqual([gap(2021), gap(2022), gap(2023), { year: 2024, value: 100, change: null }]);
    const xiangxi = res.body.series.find((s: { key: string }) => s.key === units['004']);
    expect(xiangxi.points).toEqual([{ year: 2021, value: 98.36, change: null }, gap(2022), gap(2023), gap(2024)]);
    const byRegion = await viewer.agent.get('/api/analytics/trends?metric=executionRate&regionCodes=433100,430000').expect(200);
    expect(byRegion.body.series.map((s: { name: string }) => s.name)).toEqual(['湘西土家族苗族自治州', '湖南省']);
    expect(byRegion.body.series[0].points.find((p: { year: number }) => p.year === 2021).value).toBe(93.56);
  });

  it('rankings: lower is better for 预算调整率', async () => {
    const res = await viewer.agent.get('/api/analytics/rankings?year=2021&metric=adjustmentRatio').expect(200);
    expect(res.body.rows[0]).toMatchObject({ rank: 1, value: 226.81, unitName: '湘西土家族苗族自治州工业和信息化局' });
    expect(res.body.rows.at(-1).value).toBeNull();
  });

  it('自评复核: 湘西 预算执行率 — 10 × 93.56 ÷ 100 = 9.36, self-reported 9.36, not flagged on that rule', async () => {
    const res = await viewer.agent.get('/api/analytics/recheck?year=2021').expect(200);
    const xiangxi = res.body.rows.find((r: { unitId: string }) => r.unitId === units['004']);
    const exec = xiangxi.items.find((i: { rule: string }) => i.rule === 'executionRate');
    expect(exec).toEqual({ rule: 'executionRate', label: '预算执行率', basis: 93.56, weight: 10, selfPoints: 9.36, recomputedPoints: 9.36, difference: 0 });
    const threePublic = xiangxi.items.find((i: { rule: string }) => i.rule === 'threePublicControlRate');
    expect(threePublic).toMatchObject({ basis: 19.86, weight: 2, selfPoints: 2, recomputedPoints: 2 });
    // Indicator rows: Σ得分 78 of Σ分值 79 = 98.73 %, more than 5 points above the 93.56 % execution rate.
    expect(xiangxi).toMatchObject({ indicatorScoreRatio: 98.73, executionRate: 93.56, warning: 'red' });
    expect(res.body.rulesVersion).toBe('default-2026.1');
  });

  it('问题分析: recurring themes with the units behind them', async () => {
    const res = await viewer.agent.get('/api/analytics/problems?year=2021').expect(200);
    const budget = res.body.themes.find((t: { theme: string }) => t.theme === '预算编制');
    expect(budget.units.map((u: { unitName: string }) => u.unitName)).toContain('浏阳市工业和信息化局');
    expect(res.body.themes.reduce((n: number, t: { statementCount: number }) => Math.max(n, t.statementCount), 0)).toBeGreaterThan(1);
    expect(res.body.keywords.length).toBeGreaterThan(5);
  });

  it('exports a CSV with a BOM and one row per unit; a formula-looking unit name comes out defused in CSV and XLSX', async () => {
    await t.dataSource.query(`UPDATE unit SET name = '=HYPERLINK("http://x","点我")' WHERE id = $1`, [units['000']]);
    const csv = await viewer.agent.get('/api/analytics/compare?year=2021&format=csv').buffer(true).parse(binary).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect([...csv.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.body.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toMatch(/^年度,单位,地区,上级地区,等级,自评得分（分）,预算执行率（%）/);
    expect(lines).toHaveLength(4);
    expect(lines.find((l: string) => l.includes("HYPERLINK"))).toContain(`"'=HYPERLINK(""http://x"",""点我"")"`);

    const xlsx = await viewer.agent.get('/api/analytics/compare?year=2021&format=xlsx').buffer(true).parse(binary).expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body);
    const sheet = book.getWorksheet('数据')!;
    const names = sheet.getColumn(2).values.filter(Boolean);
    expect(names).toContain(`'=HYPERLINK("http://x","点我")`);
    expect(sheet.getCell('H1').value).toBe('预算调整率（%）');
    expect(book.getWorksheet('说明')!.getCell('A1').value).toBe('内容');
  });

  it('a manifest export is a zip with the CSV and manifest.json', async () => {
    const res = await viewer.agent.get('/api/analytics/rankings?year=2021&metric=scoreTotal&format=csv&manifest=1').buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.body.subarray(0, 2).toString()).toBe('PK');
    expect(res.body.includes(Buffer.from('manifest.json'))).toBe(true);
  });

  it('rejects bad filters naming them', async () => {
    const res = await viewer.agent.get('/api/analytics/compare?year=abc&metrics=foo&unitIds=1,2&format=pdf').expect(400);
    expect([...new Set(res.body.details.map((d: { field: string }) => d.field))].sort()).toEqual(['format', 'metrics', 'unitIds', 'year']);
  });

  it('a submitter sees only its own region', async () => {
    const s = await sessionAs(t, 'submitter', '430100');
    const res = await s.agent.get('/api/analytics/compare?year=2021').expect(200);
    expect(res.body.rows.map((r: { regionName: string }) => r.regionName).sort()).toEqual(['望城区', '浏阳市']);
    await s.agent.get('/api/analytics/overview?regionCode=433100').expect(403);
  });

  it('indicators: one page of units by name at a time, only their rows; total counts the units in scope; the export holds every row', async () => {
    const whole = await viewer.agent.get('/api/analytics/indicators?year=2021').expect(200);
    expect(whole.body).toMatchObject({ page: 1, pageSize: 50, total: 3 });
    const names = whole.body.units.map((u: { unitName: string }) => u.unitName);
    expect(names).toHaveLength(3);
    for (const n of [1, 2, 3]) {
      const one = await viewer.agent.get(`/api/analytics/indicators?year=2021&page=${n}&pageSize=1`).expect(200);
      expect(one.body).toMatchObject({ page: n, pageSize: 1, total: 3 });
      expect(one.body.units.map((u: { unitName: string }) => u.unitName)).toEqual([names[n - 1]]);
      const reportId = one.body.units[0].reportId;
      expect(one.body.units[0]).toEqual(whole.body.units[n - 1]);
      expect(one.body.rows).toEqual(whole.body.rows.filter((r: { reportId: string }) => r.reportId === reportId));
      expect(one.body.cells).toEqual(whole.body.cells.filter((c: { reportId: string }) => c.reportId === reportId));
    }
    const past = await viewer.agent.get('/api/analytics/indicators?year=2021&page=4&pageSize=1').expect(200);
    expect(past.body).toMatchObject({ page: 4, total: 3, units: [], rows: [] });
    const csv = await viewer.agent.get('/api/analytics/indicators?year=2021&pageSize=1&format=csv').expect(200);
    expect(csv.text.trim().split('\n').length - 1).toBe(whole.body.rows.length);
  });

  it('years: the years with a confirmed report in scope, newest first, as the overview lists them', async () => {
    const all = await viewer.agent.get('/api/analytics/years').expect(200);
    expect(all.body).toEqual({ years: [2024, 2023, 2021] });
    // 湘西 has only its 2021 report; a 长沙 submitter's scope holds 浏阳 and 望城, both 2021.
    expect((await viewer.agent.get('/api/analytics/years?regionCode=433100').expect(200)).body).toEqual({ years: [2021] });
    const s = await sessionAs(t, 'submitter', '430100');
    expect((await s.agent.get('/api/analytics/years').expect(200)).body).toEqual({ years: [2021] });
    await s.agent.get('/api/analytics/years?regionCode=433100').expect(403);
    const overview = await viewer.agent.get('/api/analytics/overview?level=county').expect(200);
    expect((await viewer.agent.get('/api/analytics/years?level=county').expect(200)).body.years).toEqual(overview.body.availableYears);
  });
});

describe('analytics answers are cached until the confirmed data changes', () => {
  let t: TestApp;
  let analyst: Session;
  beforeAll(async () => {
    ({ t } = await startSeededApp());
    analyst = await sessionAs(t, 'analyst');
  });
  afterAll(() => t.close());

  it('serves the same answer from the cache, and a fresh one after a confirm', async () => {
    const first = await analyst.agent.get('/api/analytics/overview?year=2024').expect(200);
    const second = await analyst.agent.get('/api/analytics/overview?year=2024').expect(200);
    expect(first.headers['x-cache']).toBe('miss');
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.body).toEqual(first.body);
    // A corrected 益阳 report confirmed as version 2 replaces version 1 in the figures.
    const current = pointRows(first.body.points)[0]!;
    const draft = await analyst.agent.patch(`/api/reports/${current.reportId}`).set('x-csrf-token', analyst.csrf)
      .send({ reason: '按复核意见调整得分', edits: [{ path: 'score.total', value: 88 }] }).expect(200);
    const cached = await analyst.agent.get('/api/analytics/overview?year=2024').expect(200);
    expect(cached.body.points.scoreTotal[0]).toBe(100);
    await analyst.agent.post(`/api/reports/${draft.body.id}/confirm`).set('x-csrf-token', analyst.csrf).expect(200);
    const after = await analyst.agent.get('/api/analytics/overview?year=2024').expect(200);
    expect(after.headers['x-cache']).toBe('miss');
    // The grade stays as the unit wrote it; the corrected score no longer matches it.
    expect(pointRows(after.body.points)[0]).toMatchObject({ reportId: draft.body.id, scoreTotal: 88, grade: '优' });
    expect(draft.body.warnings.map((w: { code: string }) => w.code)).toContain('GRADE_MISMATCH');
  });
});

describe('answers travel compressed', () => {
  let t: TestApp;
  let viewer: Session;
  beforeAll(async () => {
    ({ t } = await startSeededApp());
    viewer = await sessionAs(t, 'viewer');
  });
  afterAll(() => t.close());

  it('gzips JSON and CSV for a client that accepts it, and leaves XLSX alone', async () => {
    const json = await viewer.agent.get('/api/analytics/overview?year=2021').set('Accept-Encoding', 'gzip').expect(200);
    expect(json.headers['content-encoding']).toBe('gzip');
    expect(json.body.counts.reports).toBe(3);
    const csv = await viewer.agent.get('/api/exports/indicators.csv').set('Accept-Encoding', 'gzip').buffer(true).parse(binary).expect(200);
    expect(csv.headers['content-encoding']).toBe('gzip');
    expect([...csv.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const xlsx = await viewer.agent.get('/api/exports/reports.xlsx').set('Accept-Encoding', 'gzip').buffer(true).parse(binary).expect(200);
    expect(xlsx.headers['content-encoding']).toBeUndefined();
    expect(xlsx.body.subarray(0, 2).toString()).toBe('PK');
  });
});
