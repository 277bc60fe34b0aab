import { extractReports, revalidateReport } from '../src/index.js';
import { SEEDS, seedBytes } from './helpers.js';

const codes = (ws: { code: string; path: string | null }[]) => ws.map((w) => `${w.code}@${w.path}`).sort();

describe('revalidateReport after a reviewer’s corrections', () => {
  it('keeps the warnings when nothing relevant changed', async () => {
    const doc = (await extractReports(seedBytes(SEEDS.xiangxi), 'x.txt')).reports[0]!;
    expect(codes(revalidateReport(doc, ['reportDate']))).toEqual(codes(doc.warnings));
  });

  it('drops the score ambiguity once the score is set, and the missing score once there is one', async () => {
    const xiangxi = (await extractReports(seedBytes(SEEDS.xiangxi), 'x.txt')).reports[0]!;
    const edited = { ...xiangxi, score: { ...xiangxi.score, total: 98.36 } };
    const after = revalidateReport(edited, ['score.total']);
    expect(after.some((w) => w.code === 'AMBIGUOUS_VALUE' && w.path === 'score.total')).toBe(false);
    expect(after.some((w) => w.code === 'AMBIGUOUS_VALUE' && w.path === 'staff.quota')).toBe(true);

    const wangcheng = (await extractReports(seedBytes(SEEDS.wangcheng), 'w.txt')).reports[0]!;
    expect(wangcheng.warnings.map((w) => w.code)).toContain('MISSING_SCORE');
    const scored = { ...wangcheng, score: { total: 91, grade: '优' as const, gradeText: '优秀' } };
    expect(revalidateReport(scored, ['score.total']).map((w) => w.code)).not.toContain('MISSING_SCORE');
  });

  it('adds what an edit breaks: spending above the corrected budget', async () => {
    const yiyang = (await extractReports(seedBytes(SEEDS.yiyang), 'y.txt')).reports[0]!;
    expect(yiyang.warnings).not.toContainEqual(expect.objectContaining({ code: 'OVER_EXECUTION', path: 'budget.total' }));
    const edited = { ...yiyang, budget: { ...yiyang.budget, total: { ...yiyang.budget.total, adjusted: 1500 } } };
    const after = revalidateReport(edited, ['budget.total.adjusted']);
    expect(after).toContainEqual(expect.objectContaining({ code: 'OVER_EXECUTION', path: 'budget.total' }));
  });

  it('keeps a stated-weight mismatch through edits of other columns, drops it when a weight or a row changes', async () => {
    const doc = (await extractReports(seedBytes(SEEDS.liuyang), 'l.txt')).reports[0]!;
    expect(doc.indicators.length).toBeGreaterThan(1);
    // The 一级 header's stated 分值 lives in the source only, so the warning cannot be recomputed after an edit.
    const stated = { code: 'WEIGHT_SUM_MISMATCH' as const, path: 'indicators', message: '产出指标标明分值 50（第 40 行），其下各行分值合计 45' };
    const withWarning = { ...doc, warnings: [...doc.warnings, stated] };
    const has = (ws: { code: string; message: string }[]) => ws.some((w) => w.code === stated.code && w.message === stated.message);
    expect(has(revalidateReport(structuredClone(withWarning), ['indicators.1.actual']))).toBe(true);
    expect(has(revalidateReport(structuredClone(withWarning), ['indicators.1.weight']))).toBe(false);
    expect(has(revalidateReport(structuredClone(withWarning), ['indicators.1']))).toBe(false);
    expect(has(revalidateReport(structuredClone(withWarning), ['indicators']))).toBe(false);
  });
});
