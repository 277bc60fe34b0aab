import { describe, expect, it } from 'vitest';
import {
  acceptSelfScores, drawProblem, type EditRow, formatGap, levelLabel, newSeed, reviewBody, reviewProblems, reviewRights, rowLabel, scoreDifference, sizeLabel, totalGap,
} from './spot-check-view';

const row = (over: Partial<EditRow> = {}): EditRow => ({
  kind: 'indicator', position: 2, level1: '产出指标', level2: '数量指标', name: '培训人次', selfScore: 10, reviewScore: null, reason: null, ...over,
});

describe('spot-check review form', () => {
  it('names rows by kind, number and title', () => {
    expect(rowLabel(row())).toBe('绩效指标第 3 行（培训人次）');
    expect(rowLabel(row({ kind: 'breakdown', position: 0, name: null }))).toBe('评分明细第 1 行（数量指标）');
    expect(rowLabel(row({ name: null, level2: null, level1: null }))).toBe('绩效指标第 3 行');
  });

  it('keeps a missing score as null, never 0, and rounds the difference to two decimals', () => {
    expect(scoreDifference(10, null)).toBeNull();
    expect(scoreDifference(null, 8)).toBeNull();
    expect(scoreDifference(9.1, 8.2)).toBe(-0.9);
    expect(totalGap(98.36, 88.36)).toBe(10);
    expect(totalGap(90, 95)).toBe(-5);
    expect(totalGap(98.36, null)).toBeNull();
    expect(formatGap(null)).toBe('—');
    expect(formatGap(3.5)).toBe('+3.50');
    expect(formatGap(-2)).toBe('-2.00');
    expect(formatGap(0)).toBe('0.00');
  });

  it('demands a reason for every differing row and for a differing total, as the API does', () => {
    const form = { rows: [row({ reviewScore: 8 }), row({ position: 3, reviewScore: 10 }), row({ position: 4, selfScore: null, reviewScore: 5 })], total: 90, totalReason: ' ', selfTotal: 95 };
    expect(reviewProblems(form)).toEqual([
      '绩效指标第 3 行（培训人次）：复核得分与自评得分不同，须填写理由',
      '绩效指标第 5 行（培训人次）：复核得分与自评得分不同，须填写理由',
      '复核总分：与自评总分不同，须填写理由',
    ]);
    const fixed = { ...form, rows: form.rows.map((r) => ({ ...r, reason: '佐证不足' })), totalReason: '两项无佐证' };
    expect(reviewProblems(fixed)).toEqual([]);
    expect(reviewProblems({ rows: [row({ reviewScore: -1, reason: 'x' })], total: null, totalReason: null, selfTotal: 95 })).toEqual(['绩效指标第 3 行（培训人次）：复核得分须为不小于 0 的数']);
    // no self total: the API does not ask for a total reason
    expect(reviewProblems({ rows: [], total: 80, totalReason: null, selfTotal: null })).toEqual([]);
  });

  it('sends only the rows given a 复核 score, with trimmed reasons', () => {
    const body = reviewBody({ rows: [row({ reviewScore: 8, reason: ' 佐证不足 ' }), row({ position: 3 }), row({ position: 4, reviewScore: 10, reason: '  ' })], total: null, totalReason: '', selfTotal: 95 });
    expect(body).toEqual({ rows: [{ kind: 'indicator', position: 2, score: 8, reason: '佐证不足' }, { kind: 'indicator', position: 4, score: 10, reason: null }], total: null, totalReason: null });
  });

  it('fills empty 复核 scores with the self-scores, leaving entered ones and rows without a self-score', () => {
    const rows = acceptSelfScores([row(), row({ position: 3, reviewScore: 7 }), row({ position: 4, selfScore: null })]);
    expect(rows.map((r) => r.reviewScore)).toEqual([10, 7, null]);
  });
});

describe('spot-check rights', () => {
  const analyst = { id: 'a1', role: 'analyst' as const };
  const admin = { id: 'ad', role: 'admin' as const };
  it('lets only the assigned reviewer edit and submit an assigned item of the current sample', () => {
    expect(reviewRights(analyst, { reviewerId: 'a1', status: 'assigned' }, true)).toEqual({ edit: true, submit: true, reopen: false, why: null });
    expect(reviewRights(admin, { reviewerId: 'a1', status: 'assigned' }, true)).toMatchObject({ edit: false, why: '只有被指派的复核人可以录入复核分' });
    expect(reviewRights(analyst, { reviewerId: 'a1', status: 'assigned' }, false)).toMatchObject({ edit: false, why: '该样本已重新抽样作废，只能查看' });
    expect(reviewRights({ id: 'a1', role: 'submitter' }, { reviewerId: 'a1', status: 'assigned' }, true).edit).toBe(false);
    expect(reviewRights(analyst, { reviewerId: null, status: 'unassigned' }, true).why).toBe('尚未指派复核人');
  });
  it('lets only an admin reopen a submitted item', () => {
    expect(reviewRights(admin, { reviewerId: 'a1', status: 'submitted' }, true)).toMatchObject({ edit: false, reopen: true });
    expect(reviewRights(analyst, { reviewerId: 'a1', status: 'submitted' }, true)).toMatchObject({ edit: false, reopen: false, why: '复核已提交锁定，须由管理员退回后才能修改' });
    expect(reviewRights(admin, { reviewerId: 'a1', status: 'assigned' }, true).reopen).toBe(false);
  });
});

describe('spot-check draw form', () => {
  it('checks the size and the seed in plain Chinese', () => {
    expect(drawProblem('count', 0, 's')).toBe('抽样数量：须为不小于 1 的整数');
    expect(drawProblem('count', 2.5, 's')).toBe('抽样数量：须为不小于 1 的整数');
    expect(drawProblem('percent', 120, 's')).toBe('抽样比例：须大于 0 且不超过 100（%）');
    expect(drawProblem('percent', null, 's')).toBe('抽样比例：请填写');
    expect(drawProblem('count', 3, '  ')).toBe('随机种子：不能为空');
    expect(drawProblem('percent', 20, '2021-e2e')).toBeNull();
  });
  it('words the size and makes a seed from the year', () => {
    expect(sizeLabel({ kind: 'count', value: 3 })).toBe('按数量 3 份');
    expect(sizeLabel({ kind: 'percent', value: 20 })).toBe('按比例 20%');
    expect(newSeed(2021, () => 0.0421)).toBe('2021-抽查-042100');
    expect([levelLabel('city'), levelLabel('county'), levelLabel('province'), levelLabel('其他')]).toEqual(['市级', '县级', '省级', '其他']);
  });
});
