import { describe, expect, it } from 'vitest';
import { everyYear, trendOption } from './trends';

const series = (o: { series?: unknown }) => o.series as { data: unknown[]; connectNulls: boolean }[];

describe('trend builder', () => {
  const trends = {
    metric: 'executionRate' as const, years: [2021, 2023], dataAsOf: null,
    series: [{ key: 'u1', name: '甲', kind: 'unit' as const, points: [{ year: 2021, value: 90, change: null }, { year: 2023, value: 95, change: null }] }],
  };

  it('a numeric year axis: a missing year is a gap, not a bridge', () => {
    const o = trendOption(trends);
    expect(o.xAxis).toMatchObject({ type: 'value', min: 2021, max: 2023, interval: 1 });
    expect(series(o)[0]!.data).toEqual([[2021, 90], [2022, null], [2023, 95]]);
    expect(series(o)[0]!.connectNulls).toBe(false);
    expect((o.yAxis as { name: string }).name).toBe('预算执行率（%）');
    expect((o.aria as { label: { description: string } }).label.description).toContain('甲：2021 年 90.00%，2022 年 —，2023 年 95.00%');
  });

  it('large type in the leadership view', () => {
    expect((trendOption(trends, true).textStyle as { fontSize: number }).fontSize).toBeGreaterThan((trendOption(trends).textStyle as { fontSize: number }).fontSize);
  });

  it('every year from the first to the last', () => {
    expect(everyYear([2024, 2019, 2021])).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
    expect(everyYear([])).toEqual([]);
  });
});
