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
});
