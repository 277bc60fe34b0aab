import { SEEDS, codes, department, expectValid, extractSeed } from './helpers.js';

// 湘西自治州工业和信息化局 2021: several tables, and totals that contradict each other.
test('湘西 2021: formal table values, every contradiction reported', async () => {
  const d = department(await extractSeed(SEEDS.xiangxi));
  expectValid(d);
  expect(d.unit).toEqual({ name: '湘西土家族苗族自治州工业和信息化局', regionName: '湘西土家族苗族自治州', level: 'city' });
  expect(d.fiscalYear).toBe(2021);
  expect(d.reportDate).toBe('2022-06-10'); // 填报日期；the signature only says 二0二二年六月
  // 综合得分 98.36 is stated twice (the text and the 一级 table); 附件2's 总分 99 goes into AMBIGUOUS_VALUE.
  expect(d.score).toEqual({ total: 98.36, grade: '优', gradeText: '优' });
  expect(d.budget).toEqual({
    // 结转结余 1,802.42 (line 470) and 追加 3,612.68 (line 842) as the report states them.
    total: { initial: 1592.83, adjusted: 7020.73, actual: 6568.25, executionRateStated: 93.55, carryover: 1802.42, adjustmentStated: 3612.68 },
    basic: { initial: 1455.98, adjusted: 2490.1, actual: 2490.1 },
    project: { initial: 136.85, adjusted: 4530.63, actual: 4078.15 },
  });
  expect(d.threePublic).toEqual({ budget: 70.6, actual: 14.02, priorYearActual: 16.94, reception: 2.52, vehiclePurchase: 0, vehicleOperation: 11.5, overseas: 0 });
  expect(d.staff).toEqual({ quota: 91, actual: 87 });
  expect(d.indicators).toHaveLength(20);
  expect(d.indicators[1]).toEqual({ level1: '产出指标', category: '产出', level2: '数量指标', name: '新增入规企业', target: '达35家', actual: '45家以上', weight: 5, score: 5, note: null });
  expect(d.indicators[16]).toMatchObject({ level1: '效益指标', level2: '可持续影响指标', name: '重大项目建设推进有力', weight: 8, score: 8 });
  expect(d.indicators[19]).toEqual({ level1: '满意度指标', category: '满意度', level2: '服务对象满意度指标', name: '社会公众满意度', target: '95%', actual: '95%', weight: 4, score: 4, note: null });
  expect(d.scoreBreakdown).toEqual([
    { level1: '预算执行率', level2: null, weight: 10, score: 9.36 },
    { level1: '产出指标', level2: null, weight: 50, score: 50 },
    { level1: '效益指标', level2: null, weight: 30, score: 29 },
    { level1: '满意度效益指标', level2: null, weight: 10, score: 10 },
  ]);
  expect(d.findings.problems).toHaveLength(5);
  expect(d.findings.measures).toHaveLength(6);

  const byCode = (code: string) => d.warnings.filter((w) => w.code === code).map((w) => w.message);
  // 综合得分 98.36 in the text and the 一级 table, 总分 99 in 附件2.
  const ambiguous = (path: string) => d.warnings.filter((w) => w.code === 'AMBIGUOUS_VALUE' && w.path === path).map((w) => w.message);
  expect(ambiguous('score.total').some((m) => m.startsWith('自评得分：') && m.includes('98.36') && m.includes('99'))).toBe(true);
  expect(byCode('TOTAL_MISMATCH').some((m) => m.includes('6568.25') && m.includes('6568.82'))).toBe(true); // 附件 vs the 支出 table
  expect(ambiguous('budget.total.executionRateStated').some((m) => m.includes('93.55') && m.includes('93.56'))).toBe(true);
  expect(ambiguous('staff.quota').some((m) => m.startsWith('编制数：') && m.includes('87'))).toBe(true);
  expect(byCode('SCORE_SUM_MISMATCH').length).toBeGreaterThanOrEqual(1);
  // 产出 weights add to 45 under a 50-point header; 效益 to 24 under 30.
  expect(byCode('WEIGHT_SUM_MISMATCH')).toEqual(expect.arrayContaining([expect.stringMatching(/产出指标.*50.*45/), expect.stringMatching(/效益指标.*30.*24/)]));
  expect(codes(d)).not.toContain('RATE_MISMATCH'); // 6568.25 ÷ 7020.73 = 93.555…, stated 93.55
});
