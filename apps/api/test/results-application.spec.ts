import type { ReportDocument } from '@hunan-perf/contracts';
import { budgetChange } from '@hunan-perf/metrics';
import { confirm, uploadDoc } from './support/crafted-reports.js';
import { startSeededApp } from './support/seeded-app.js';
import { sessionAs, type Session, type TestApp } from './support/test-app.js';
import { binary } from './support/uploads.js';

interface Row {
  unitName: string; regionName: string; grade: string | null; gradeDerived: boolean; scoreTotal: number | null; budgetInitial: number | null;
  hasNextYear: boolean; nextBudgetInitial: number | null; changeAmount: number | null; changePercent: number | null; direction: string | null;
}

describe('结果应用: grade and score of a year next to the change of 年初预算 in the following year', () => {
  let t: TestApp;
  let analyst: Session;
  let reports: Record<string, string>;
  const documentOf = async (id: string): Promise<ReportDocument> => (await analyst.agent.get(`/api/reports/${id}`).expect(200)).body.document;

  /** The seed's document for another year, with another 年初预算数, ingested through the upload path and confirmed. */
  async function nextYear(seed: string, year: number, initial: number | null): Promise<void> {
    const doc = await documentOf(reports[seed]!);
    doc.fiscalYear = year;
    doc.budget.total.initial = initial;
    doc.source = { ...doc.source, fileName: `${seed}-${year}.json` };
    await confirm(analyst, await uploadDoc(analyst, doc));
  }

  beforeAll(async () => {
    ({ t, reports } = await startSeededApp());
    analyst = await sessionAs(t, 'analyst');
    await nextYear('000', 2022, 1200); // 浏阳 2021 1052.59 → 1200: grew
    await nextYear('004', 2022, 1500.5); // 湘西 2021 1592.83 → 1500.50: shrank
    await nextYear('001', 2022, null); // 望城 2022 without 年初预算数: no change, not 0
    await nextYear('003', 2025, 1184.37); // 益阳 2024 → 2025 the same: unchanged
  }, 180_000);
  afterAll(() => t.close());

  const get = async (query: string, s = analyst) => (await s.agent.get(`/api/analytics/results-application?${query}`).expect(200)).body;

  it('lists the units of the year with their change, computed as libs/metrics defines it (null when a year is missing)', async () => {
    const body = await get('year=2021');
    expect(body).toMatchObject({ year: 2021, nextYear: 2022 });
    const rows: Row[] = body.rows;
    expect(rows.map((r) => [r.unitName, r.grade, r.budgetInitial, r.nextBudgetInitial, r.changeAmount, r.changePercent, r.direction])).toEqual([
      ['长沙市望城区工业和信息化局', null, 2284.43, null, null, null, null],
      ['浏阳市工业和信息化局', '优', 1052.59, 1200, 147.41, 14.0, 'grew'],
      ['湘西土家族苗族自治州工业和信息化局', '优', 1592.83, 1500.5, -92.33, -5.8, 'shrank'],
    ]);
    expect(rows[0]!.hasNextYear).toBe(true);
    // The SQL mirror (v_budget_change) equals the one definition in libs/metrics.
    for (const r of rows) {
      const c = budgetChange(r.budgetInitial, r.nextBudgetInitial);
      expect([r.changeAmount, r.changePercent, r.direction]).toEqual([c.amount, c.percent, c.direction]);
    }
  });

  it('summarises per grade the share of units whose budget grew, shrank or stayed (units with both years only)', async () => {
    const { grades } = await get('year=2021');
    expect(grades.find((g: { grade: string }) => g.grade === '优')).toEqual({
      grade: '优', units: 2, grew: 1, shrank: 1, unchanged: 0, shareGrew: 50, shareShrank: 50, shareUnchanged: 0,
    });
    expect(grades.find((g: { grade: string }) => g.grade === '良')).toEqual({
      grade: '良', units: 0, grew: 0, shrank: 0, unchanged: 0, shareGrew: null, shareShrank: null, shareUnchanged: null,
    });
    const later = await get('year=2024');
    expect(later.rows.map((r: Row) => [r.unitName, r.changeAmount, r.direction])).toEqual([['益阳市工业和信息化局', 0, 'unchanged']]);
    expect(later.grades.find((g: { grade: string }) => g.grade === '优')).toMatchObject({ units: 1, unchanged: 1, shareUnchanged: 100 });
  });

  it('answers one page of the units (by region, then name) while the per-grade shares count every unit in scope', async () => {
    const whole = await get('year=2021');
    expect(whole).toMatchObject({ page: 1, pageSize: 50, total: 3 });
    const second = await get('year=2021&page=2&pageSize=2');
    expect(second).toMatchObject({ page: 2, pageSize: 2, total: 3 });
    expect(second.rows).toEqual(whole.rows.slice(2));
    expect(second.grades).toEqual(whole.grades);
  });

  it('lists a unit without a following year with no change', async () => {
    const rows: Row[] = (await get('year=2023')).rows;
    expect(rows.map((r) => [r.unitName, r.hasNextYear, r.changeAmount])).toEqual([['湘潭县科技和工业信息化局', false, null]]);
  });

  it('picks the newest year that has a following year by default', async () => {
    expect((await get('')).year).toBe(2024);
  });

  it('filters by region (with its subtree) and by level', async () => {
    expect((await get('year=2021&regionCode=430100')).rows.map((r: Row) => r.unitName)).toEqual(['长沙市望城区工业和信息化局', '浏阳市工业和信息化局']);
    expect((await get('year=2021&level=city')).rows.map((r: Row) => r.unitName)).toEqual(['湘西土家族苗族自治州工业和信息化局']);
  });

  it('confines a submitter to its region', async () => {
    const submitter = await sessionAs(t, 'submitter', '430181');
    expect((await get('year=2021', submitter)).rows.map((r: Row) => r.unitName)).toEqual(['浏阳市工业和信息化局']);
  });

  it('exports the same rows for the budget office as CSV and XLSX, empty cells where a year is missing', async () => {
    const csv = (await analyst.agent.get('/api/analytics/results-application?year=2021&format=csv').buffer(true).parse(binary).expect(200)).body as Buffer;
    const text = csv.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trim().split(/\r?\n/);
    expect(lines[0]).toBe('年度,单位,地区,等级,等级按得分推定,自评得分,2021年初预算数（万元）,2022年初预算数（万元）,年初预算变动（万元）,年初预算变动率（%）,变动方向');
    expect(lines.slice(1)).toEqual([
      '2021,长沙市望城区工业和信息化局,望城区,,否,,2284.43,,,,',
      '2021,浏阳市工业和信息化局,浏阳市,优,否,96.00,1052.59,1200.00,147.41,14.00,增加',
      '2021,湘西土家族苗族自治州工业和信息化局,湘西土家族苗族自治州,优,否,98.36,1592.83,1500.50,-92.33,-5.80,减少',
    ]);
    const xlsx = await analyst.agent.get('/api/analytics/results-application?year=2021&format=xlsx').buffer(true).parse(binary).expect(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(xlsx.headers['content-disposition'] as string)).toContain('结果应用-2021.xlsx');
  });
});
