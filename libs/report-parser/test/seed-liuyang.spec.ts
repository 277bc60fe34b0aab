import { SEEDS, codes, department, expectValid, extractSeed } from './helpers.js';
import type { ExtractionResult } from '../src/index.js';

// 浏阳市工业和信息化局 2021: tab-separated 附件1/2/3; values read from the document by hand.
let result: ExtractionResult;
beforeAll(async () => {
  result = await extractSeed(SEEDS.liuyang);
});

describe('浏阳 2021 department report', () => {
  test('identity', () => {
    const d = department(result);
    expectValid(d);
    expect(d.unit).toEqual({ name: '浏阳市工业和信息化局', regionName: '浏阳市', level: 'county' });
    expect(d.fiscalYear).toBe(2021);
    expect(d.reportDate).toBe('2022-04-14'); // 二〇二二年四月十四日
    expect(d.score).toEqual({ total: 96, grade: '优', gradeText: '优秀' });
  });

  test('budget from 附件2, with the text\'s 848.55 reported as ambiguous', () => {
    const d = department(result);
    expect(d.budget).toEqual({
      total: { initial: 1052.59, adjusted: null, actual: 1943.63, executionRateStated: 184.65, carryover: null, adjustmentStated: null },
      basic: { initial: 848.56, adjusted: null, actual: 1053.98 },
      project: { initial: 204.03, adjusted: null, actual: 889.65 },
    });
    const ambiguous = d.warnings.filter((w) => w.code === 'AMBIGUOUS_VALUE');
    expect(ambiguous).toHaveLength(1);
    expect(ambiguous[0]!.path).toBe('budget.basic.initial');
    expect(ambiguous[0]!.message).toContain('848.55');
  });

  test('三公 and staff from 附件1', () => {
    const d = department(result);
    expect(d.threePublic).toEqual({ budget: 8, actual: 6.8, priorYearActual: 8.13, reception: 6.8, vehiclePurchase: null, vehicleOperation: null, overseas: null });
    expect(d.staff).toEqual({ quota: 34, actual: 40 });
  });

  test('indicators of 附件2', () => {
    const d = department(result);
    expect(d.indicators).toHaveLength(19);
    expect(d.indicators[0]).toEqual({ level1: '投入管理指标', category: '投入', level2: '预算编审管理', name: '根据财政管理工作绩效考核相关办法规定填报', target: null, actual: '100%', weight: 3, score: 1, note: '预算编制科学性有待加强' });
    expect(d.indicators[9]).toEqual({ level1: '产出指标', category: '产出', level2: '数量指标', name: '预算执行率', target: '100%', actual: '135.65%', weight: null, score: null, note: null });
    expect(d.indicators[15]).toEqual({ level1: '效益指标', category: '效益', level2: '经济效益指标', name: '企业技改率、社会就业率、税收增量率', target: '100%', actual: '100%', weight: null, score: 7, note: null });
    expect(d.indicators.map((i) => i.score).reduce((a, b) => (a ?? 0) + (b ?? 0), 0)).toBe(96);
    expect(d.scoreBreakdown).toContainEqual({ level1: '产出指标', level2: '数量指标', weight: 15, score: 14 });
    expect(d.scoreBreakdown).toContainEqual({ level1: '投入管理指标', level2: null, weight: 30, score: 27 });
  });

  test('findings', () => {
    const d = department(result);
    expect(d.findings.problems).toEqual(['预算编制需更加科学合理', '规范账务处理，提高财务信息质量', '绩效管理意识有待加强']);
    expect(d.findings.measures).toHaveLength(3);
    expect(d.findings.measures[0]).toBe('合理编制年度预算');
  });

  test('warnings: spending above budget, nothing invented', () => {
    const d = department(result);
    expect(codes(d).sort()).toEqual(['AMBIGUOUS_VALUE', 'OVER_EXECUTION', 'OVER_EXECUTION', 'OVER_EXECUTION']);
    expect(d.warnings.find((w) => w.path === 'budget.total')?.message).toContain('1943.63');
  });

  test('provenance points at the source lines', () => {
    const d = department(result);
    expect(d.provenance['score.total']?.line).toBe(228);
    expect(d.provenance['budget.total.initial']).toEqual({ line: 201, excerpt: expect.stringContaining('1052.59') });
    expect(d.provenance['staff.quota']?.line).toBe(173);
    expect(result.lines[d.provenance['unit.name']!.line - 1]).toContain('浏阳市工业和信息化局');
  });
});

describe('浏阳 2021 project self-evaluation (附件3)', () => {
  test('is returned as a second report of kind project', () => {
    expect(result.reports).toHaveLength(2);
    const p = result.reports[1]!;
    expectValid(p);
    expect(p.reportKind).toBe('project');
    expect(p.unit.name).toBe('浏阳市工业和信息化局');
    expect(p.fiscalYear).toBe(2021);
    expect(p.score.total).toBe(97);
    expect(p.budget.total).toEqual({ initial: 204.03, adjusted: 889.65, actual: 889.65, executionRateStated: 436.04, carryover: null, adjustmentStated: null });
    expect(p.indicators).toHaveLength(6);
    expect(p.indicators[3]).toEqual({ level1: '产出指标', category: '产出', level2: '成本指标', name: '年终决算 ≤ 预算批复', target: '204.03 万', actual: '889.65 万', weight: 15, score: 13, note: '疫情防疫物资储备资金未纳入预算' });
    // The misaligned last row: 服务对象满意度指标 is a 二级 under 效益指标 (20 + 20 = 40).
    expect(p.indicators[5]).toEqual({ level1: '效益指标', category: '效益', level2: '服务对象满意度指标', name: '所服务单位满意度', target: '≥95%', actual: '98%', weight: 20, score: 20, note: null });
    expect(codes(p)).not.toContain('WEIGHT_SUM_MISMATCH');
    expect(codes(p)).not.toContain('SCORE_SUM_MISMATCH');
  });
});
