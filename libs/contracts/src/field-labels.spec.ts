import { fieldLabel, hasFieldLabel } from './field-labels.js';
import { WARNING_CODES } from './report-document.js';
import { WARNING_TITLES, warningTitle } from './warning-titles.js';

describe('fieldLabel', () => {
  it('names scalar fields, budget amounts and table rows in Chinese', () => {
    expect(fieldLabel('score.total')).toBe('自评得分');
    expect(fieldLabel('budget.total.initial')).toBe('部门整体支出年初预算数');
    expect(fieldLabel('budget.project.carryover')).toBe('项目支出上年结转结余');
    expect(fieldLabel('indicators.3.actual')).toBe('绩效指标第 4 行实际完成值');
    expect(fieldLabel('indicators.0')).toBe('绩效指标第 1 行');
    expect(fieldLabel('scoreBreakdown.1.score')).toBe('评分明细第 2 行得分');
    expect(fieldLabel('findings.problems.2')).toBe('存在的问题第 3 条');
  });

  it('returns an unknown path unchanged and says so', () => {
    expect(fieldLabel('budget.total.nonsense')).toBe('budget.total.nonsense');
    expect(fieldLabel('indicators.1.colour')).toBe('indicators.1.colour');
    expect(hasFieldLabel('indicators.1.colour')).toBe(false);
    expect(hasFieldLabel('staff.quota')).toBe(true);
  });
});

describe('warningTitle', () => {
  it('has a Chinese title for every contract code and never shows a code', () => {
    for (const code of WARNING_CODES) expect(WARNING_TITLES[code]).toMatch(/^[\u4e00-\u9fa5（）]+$/);
    expect(warningTitle('SCORE_SUM_MISMATCH')).toBe('得分合计不符');
    expect(warningTitle('SOMETHING_NEW')).toBe('其他提示');
  });
});
