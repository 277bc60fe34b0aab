import { describe, expect, it } from 'vitest';
import { problemThemesOption } from './problems';

describe('problem themes builder', () => {
  it('bars count units (单位数), most units on top; statements only break ties', () => {
    const o = problemThemesOption([
      { theme: '预算编制', unitCount: 3, statementCount: 3, units: [], examples: [] },
      { theme: '绩效目标', unitCount: 1, statementCount: 6, units: [], examples: [] },
    ]);
    expect((o.yAxis as { data: string[] }).data).toEqual(['绩效目标', '预算编制']);
    expect((o.series as { data: number[] }[])[0]!.data).toEqual([1, 3]);
    expect((o.xAxis as { name: string }).name).toBe('单位数');
    expect((o.aria as { label: { description: string } }).label.description).toContain('预算编制 3 个单位（3 条）');
  });
});
