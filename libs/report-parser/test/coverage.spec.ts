import { emptyReportDocument, type IndicatorRow, type ReportDocument } from '@hunan-perf/contracts';
import { COVERAGE_SCALARS, coverageOf, extractReports, revalidateReport } from '../src/index.js';
import { SEEDS, department, seedBytes } from './helpers.js';

const blank = (): ReportDocument => emptyReportDocument({ fileName: 'a.txt', sha256: '0'.repeat(64), format: 'txt' });
const row = (over: Partial<IndicatorRow> = {}): IndicatorRow => ({
  level1: '产出指标', level2: '数量指标', name: null, target: null, actual: null, weight: null, score: null, note: null, ...over,
});

describe('coverageOf', () => {
  it('counts 20 scalars for a department report and 10 for a project report', () => {
    expect(COVERAGE_SCALARS.department_overall).toHaveLength(20);
    expect(COVERAGE_SCALARS.project).toHaveLength(10);
    expect(coverageOf(blank())).toEqual({
      scalarsFound: 0, scalarsTotal: 20, indicatorRows: 0, indicatorCellsFound: 0, indicatorCellsTotal: 0, percent: 0,
    });
  });

  it('weighs scalars 60 % and indicator cells 40 %, counting 0 as found and blank text as missing', () => {
    const doc = blank();
    doc.unit.name = '某某局';
    doc.unit.regionName = '   '; // blank: not found
    doc.fiscalYear = 2021;
    doc.score.total = 0; // 0 is a value, not "not found"
    doc.score.grade = '差';
    doc.score.gradeText = '差'; // not a counted scalar
    doc.budget.total.initial = 100;
    doc.budget.total.actual = 90;
    doc.budget.basic.initial = 60;
    doc.threePublic.budget = 5;
    doc.threePublic.reception = 1; // not a counted scalar
    doc.staff.actual = 12;
    // 9 of 20 scalars: name, fiscalYear, score.total, grade, total.initial, total.actual, basic.initial, threePublic.budget, staff.actual
    doc.indicators = [
      row({ name: '培训人次', target: '≥100人次', actual: '120人次', weight: 10, score: 10 }), // 5
      row({ name: '满意度', target: '≥90%', actual: '', weight: 5 }), // 3 ('' actual, null score)
      row({ note: '只有备注' }), // 0 (level1/level2/note are not counted)
    ];
    const c = coverageOf(doc);
    expect(c).toEqual({ scalarsFound: 9, scalarsTotal: 20, indicatorRows: 3, indicatorCellsFound: 8, indicatorCellsTotal: 15, percent: 48.33 });
    // 60 × 9/20 + 40 × 8/15 = 27 + 21.333… = 48.33
  });

  it('leaves the indicator part at 0 when there is no indicator table (a gap, not “nothing to find”)', () => {
    const doc = blank();
    for (const path of COVERAGE_SCALARS.department_overall) {
      const keys = path.split('.');
      const parent = keys.slice(0, -1).reduce((o, k) => o[k] as Record<string, unknown>, doc as unknown as Record<string, unknown>);
      parent[keys[keys.length - 1]!] = path === 'score.grade' ? '优' : path.startsWith('unit.') || path === 'reportDate' ? 'x' : 1;
    }
    expect(coverageOf(doc)).toMatchObject({ scalarsFound: 20, scalarsTotal: 20, indicatorCellsTotal: 0, percent: 60 });
    doc.indicators = [row({ name: 'a', target: 'b', actual: 'c', weight: 1, score: 1 })];
    expect(coverageOf(doc).percent).toBe(100);
  });

  it('does not count 基本/项目支出 lines, 三公 or staff against a project report', () => {
    const doc = blank();
    doc.reportKind = 'project';
    doc.unit.name = '某某局';
    doc.fiscalYear = 2022;
    doc.budget.total.adjusted = 50;
    doc.budget.project.actual = 40; // department-only: ignored
    doc.staff.quota = 8; // department-only: ignored
    doc.indicators = [row({ name: '完成率', target: '100%', actual: '98%', weight: 20, score: 18 }), row({ name: '时效' })];
    // 60 × 3/10 + 40 × 6/10 = 18 + 24 = 42
    expect(coverageOf(doc)).toEqual({ scalarsFound: 3, scalarsTotal: 10, indicatorRows: 2, indicatorCellsFound: 6, indicatorCellsTotal: 10, percent: 42 });
  });

  it('reads a document stored under an older, partial shape without throwing', () => {
    const legacy = { schemaVersion: 1, reportKind: 'department_overall', unit: { name: '某某局' } } as unknown as ReportDocument;
    expect(coverageOf(legacy)).toEqual({ scalarsFound: 1, scalarsTotal: 20, indicatorRows: 0, indicatorCellsFound: 0, indicatorCellsTotal: 0, percent: 3 });
  });
});

describe('coverage in the engine', () => {
  it('is set on every extracted report and matches a recount', async () => {
    const result = await extractReports(seedBytes(SEEDS.liuyang), SEEDS.liuyang);
    for (const report of result.reports) {
      expect(report.coverage).toEqual(coverageOf(report));
      expect(report.coverage!.indicatorRows).toBe(report.indicators.length);
    }
  });

  it('is refreshed by revalidateReport after a correction fills a gap', async () => {
    const doc = department(await extractReports(seedBytes(SEEDS.wangcheng), 'w.txt'));
    expect(doc.score.total).toBeNull();
    const before = doc.coverage!;
    const edited: ReportDocument = { ...doc, score: { ...doc.score, total: 91 } };
    revalidateReport(edited, ['score.total']);
    expect(edited.coverage!.scalarsFound).toBe(before.scalarsFound + 1);
    expect(edited.coverage!.percent).toBeCloseTo(before.percent + 60 / 20, 2);
  });
});
