import { describe, expect, it } from 'vitest';
import { ledgerText, parseRowForm, rowForm, rowSummary, scalarFields, warningHeading } from './report-fields';

describe('the corrections ledger in words', () => {
  it('names a scalar field in Chinese: 自评得分：99 → 98.36', () => {
    const line = ledgerText({ path: 'score.total', label: '自评得分', change: 'field', before: 99, after: 98.36, extracted: 98.36 });
    expect(line).toEqual({ text: '自评得分：99 → 98.36', extracted: '98.36' });
  });

  it('falls back to the shared label table when the API gave no label, and shows coded values in words', () => {
    expect(ledgerText({ path: 'budget.total.initial', label: '', change: 'field', before: null, after: 1052.59, extracted: null }).text).toBe('部门整体支出年初预算数：— → 1052.59');
    expect(ledgerText({ path: 'reportKind', label: '报告类型', change: 'field', before: 'project', after: 'department_overall', extracted: 'project' }).text).toBe('报告类型：项目支出 → 部门整体支出');
  });

  it('writes a row change as the row, never as JSON or a dotted path', () => {
    const before = { level1: null, level2: '预算有第一支予', name: null, target: null, actual: null, weight: 5, score: 5, note: null };
    const after = { ...before, level1: '过程', level2: '预算执行', name: '基本支出预算控制率' };
    const updated = ledgerText({ path: 'indicators.1', label: '绩效指标第 2 行', change: 'row_updated', before, after, extracted: before });
    expect(updated).toEqual({ text: '绩效指标第 2 行：一级指标 — → 过程；二级指标 预算有第一支予 → 预算执行；三级指标 — → 基本支出预算控制率', extracted: null });
    expect(updated.text).not.toMatch(/[{}"]|indicators\./);
    expect(ledgerText({ path: 'scoreBreakdown.0', label: '评分明细第 1 行', change: 'row_added', before: null, after: { level1: '决策', level2: null, weight: 20, score: 19 }, extracted: null }))
      .toEqual({ text: '新增评分明细第 1 行：一级指标 决策 · 分值 20 · 得分 19', extracted: null });
    expect(ledgerText({ path: 'indicators.24', label: '绩效指标第 25 行', change: 'row_deleted', before: after, after: null, extracted: null }).text).toMatch(/^删除绩效指标第 25 行：一级指标 过程/);
  });
});

describe('warnings and fields in words', () => {
  it('titles a warning and names its field instead of the code and path', () => {
    expect(warningHeading({ code: 'SCORE_SUM_MISMATCH', path: 'score.total' })).toEqual({ title: '得分合计不符', field: '自评得分' });
    expect(warningHeading({ code: 'OVER_EXECUTION', path: 'budget.project' })).toEqual({ title: '超预算支出', field: '项目支出' });
    expect(warningHeading({ code: 'MISSING_INDICATORS', path: null }).field).toBeNull();
  });

  it('labels every scalar field from the shared table (no path shows as its own label)', () => {
    for (const f of scalarFields({})) expect(f.label).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe('the row form', () => {
  it('fills from a row, parses 分值/得分 as numbers and blanks as unknown', () => {
    const form = rowForm('indicators', { level1: '产出', level2: null, name: '企业数', target: '≥10家', actual: '12家', weight: 5, score: 4.5, note: null });
    expect(form).toMatchObject({ level1: '产出', level2: '', weight: '5', score: '4.5' });
    expect(parseRowForm('indicators', { ...form, score: ' 4 ' })).toMatchObject({ level2: null, target: '≥10家', weight: 5, score: 4 });
    expect(Object.keys(parseRowForm('scoreBreakdown', rowForm('scoreBreakdown', null)))).toEqual(['level1', 'level2', 'weight', 'score']);
  });

  it('names the column of a bad number', () => {
    expect(() => parseRowForm('scoreBreakdown', { level1: '决策', weight: '二十' })).toThrow('分值请输入数字');
    expect(rowSummary('scoreBreakdown', { level1: null, level2: null, weight: null, score: null })).toBe('（空行）');
  });
});
