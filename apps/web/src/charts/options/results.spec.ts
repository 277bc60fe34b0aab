import { describe, expect, it } from 'vitest';
import { resultsShareOption } from './results';

const grade = (g: '优' | '良' | '中' | '差', grew: number, unchanged: number, shrank: number) => {
  const units = grew + unchanged + shrank;
  const share = (n: number) => (units ? Math.round((n / units) * 10000) / 100 : null);
  return { grade: g, units, grew, shrank, unchanged, shareGrew: share(grew), shareShrank: share(shrank), shareUnchanged: share(unchanged) };
};

describe('results application share builder', () => {
  it('stacks 增加/持平/减少 shares per grade, leaving out grades without units', () => {
    const o = resultsShareOption([grade('优', 2, 0, 1), grade('良', 0, 0, 0), grade('中', 0, 1, 1), grade('差', 0, 0, 0)]);
    expect((o.xAxis as { data: string[] }).data).toEqual(['优', '中']);
    const series = o.series as { name: string; stack: string; data: number[] }[];
    expect(series.map((s) => s.name)).toEqual(['增加', '持平', '减少']);
    expect(series.map((s) => s.data)).toEqual([[66.67, 0], [0, 50], [33.33, 50]]);
    expect(new Set(series.map((s) => s.stack)).size).toBe(1);
    expect((o.aria as { label: { description: string } }).label.description).toContain('优（3 个单位）：增加 66.67%、持平 0%、减少 33.33%');
  });

  it('says so when no unit has both years', () => {
    const o = resultsShareOption([grade('优', 0, 0, 0)]);
    expect((o.xAxis as { data: string[] }).data).toEqual([]);
    expect((o.aria as { label: { description: string } }).label.description).toContain('无两年都有数据的单位');
  });
});
