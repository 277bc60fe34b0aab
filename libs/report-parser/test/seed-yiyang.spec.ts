import { SEEDS, codes, department, expectValid, extractSeed } from './helpers.js';

// 益阳市工业和信息化局 2024: .docx export, one cell per line.
test('益阳 2024: cell-per-line tables', async () => {
  const result = await extractSeed(SEEDS.yiyang);
  const d = department(result);
  expectValid(d);
  expect(d.unit).toEqual({ name: '益阳市工业和信息化局', regionName: '益阳市', level: 'city' });
  expect(d.fiscalYear).toBe(2024);
  expect(d.reportDate).toBe('2025-04-28');
  expect(d.score).toEqual({ total: 100, grade: '优', gradeText: '优' });
  expect(d.budget).toEqual({
    total: { initial: 1184.37, adjusted: 1554.97, actual: 1554.97, executionRateStated: 100, carryover: null, adjustmentStated: null },
    basic: { initial: 1135.07, adjusted: null, actual: 1253.47 },
    project: { initial: 49.3, adjusted: null, actual: 301.5 },
  });
  // 附件1 gives 43.41 as the 2024 预算数, the text says 年初预算数 49: the table wins, the conflict is reported.
  expect(d.threePublic).toEqual({ budget: 43.41, actual: 43.41, priorYearActual: 33.21, reception: 1.12, vehiclePurchase: 24.99, vehicleOperation: 11.37, overseas: 5.93 });
  expect(d.warnings.find((w) => w.code === 'AMBIGUOUS_VALUE')?.message).toContain('49');
  expect(d.staff).toEqual({ quota: 57, actual: 57 });
  expect(d.indicators).toHaveLength(19);
  expect(d.indicators[1]).toEqual({ level1: '产出指标', category: '产出', level2: '数量指标', name: '新增规模工业企业家数', target: '100家', actual: '114家', weight: 5, score: 5, note: null });
  expect(d.indicators[2]).toMatchObject({ name: '工业投资增长', target: '高于全省平均增速', actual: '15.7%（排名全省第5位）' });
  expect(d.indicators[18]).toEqual({ level1: '成本指标', category: '产出', level2: '经济成本指标', name: '项目经费支出', target: '≤302万元', actual: '301.5万元', weight: 10, score: 10, note: null });
  expect(d.scoreBreakdown).toEqual([
    { level1: '年度资金总额', level2: null, weight: 10, score: 10 },
    { level1: '产出指标', level2: null, weight: 40, score: 40 },
    { level1: '效益指标', level2: null, weight: 20, score: 20 },
    { level1: '满意度指标', level2: null, weight: 10, score: 10 },
    { level1: '成本指标', level2: null, weight: 20, score: 20 },
  ]);
  expect(d.findings.problems).toHaveLength(2);
  expect(d.findings.measures).toEqual(['提高绩效编报能力', '规范资金使用制度', '严格执行资金安排']);
  expect(codes(d).sort()).toEqual(['AMBIGUOUS_VALUE', 'AMBIGUOUS_VALUE', 'AMBIGUOUS_VALUE', 'OVER_EXECUTION', 'OVER_EXECUTION']);
  // The conclusion's 产出 50 / 效益 30 against the table's 40 / 20: said, the table's figures kept.
  const prose = d.warnings.filter((w) => w.path === 'scoreBreakdown').map((w) => w.message);
  expect(prose).toEqual([expect.stringMatching(/^产出指标.*50.*40/), expect.stringMatching(/^效益指标.*30.*20/)]);
  expect(d.provenance['budget.total.initial']?.line).toBe(230);
});
