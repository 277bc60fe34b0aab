import { SEEDS, codes, department, expectValid, extractSeed } from './helpers.js';

// 望城区工业和信息化局 2021: narrative only, figures in prose, no score table.
test('望城 2021: what the prose states, and honest warnings for what it does not', async () => {
  const result = await extractSeed(SEEDS.wangcheng);
  expect(result.reports).toHaveLength(1);
  const d = department(result);
  expectValid(d);
  expect(d.unit).toEqual({ name: '长沙市望城区工业和信息化局', regionName: '望城区', level: 'county' });
  expect(d.fiscalYear).toBe(2021);
  expect(d.reportDate).toBeNull();
  expect(d.score).toEqual({ total: null, grade: null, gradeText: null });
  // 一般公共预算拨款收入 2284.43 = 基本 1193.43 + 项目 1091 (年初预算数).
  expect(d.budget.total).toEqual({ initial: 2284.43, adjusted: null, actual: null, executionRateStated: null, carryover: null, adjustmentStated: null });
  expect(d.budget.basic).toEqual({ initial: 1193.43, adjusted: null, actual: null });
  expect(d.budget.project).toEqual({ initial: 1091, adjusted: null, actual: null });
  expect(Object.values(d.threePublic).every((v) => v === null)).toBe(true);
  expect(d.staff).toEqual({ quota: 17, actual: 18 });
  expect(d.indicators).toEqual([]);
  expect(d.findings.problems).toEqual(['预算编制工作有待细化', '项目申报流程不够科学，可操作性不强']);
  expect(d.findings.measures).toEqual(['强化预算管理', '完善工作机制', '加大督查力度', '加大督查力度']);
  expect(codes(d)).toEqual(['MISSING_SCORE', 'MISSING_INDICATORS']);
  expect(d.provenance['budget.basic.initial']?.line).toBe(37);
});
