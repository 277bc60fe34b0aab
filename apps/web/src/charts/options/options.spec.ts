import { describe, expect, it } from 'vitest';
import { executionScatterOption, gradeDistributionOption, scatterTooltip, scoreRankingOption } from './overview';
import { columns, row } from './fixtures.spec-helper';

const series = (o: { series?: unknown }) => o.series as { type: string; name?: string; data: unknown[] }[];

describe('overview builders', () => {
  it('grade distribution keeps the band order and fills missing grades with 0', () => {
    const o = gradeDistributionOption([{ grade: '良', count: 2, derived: 0 }, { grade: '优', count: 3, derived: 0 }]);
    expect((o.xAxis as { data: string[] }).data).toEqual(['优', '良', '中', '差', '未评级']);
    expect(series(o)[0]!.data.map((d) => (d as { value: number }).value)).toEqual([3, 2, 0, 0, 0]);
    expect((o.aria as { label: { description: string } }).label.description).toContain('优 3 个');
  });

  it('score ranking sorts ascending for a horizontal bar (best on top) and drops units without a score', () => {
    const o = scoreRankingOption([row({ unitName: '甲', scoreTotal: 80 }), row({ unitName: '乙', scoreTotal: 99 }), row({ unitName: '丙', scoreTotal: null })]);
    expect((o.yAxis as { data: string[] }).data).toEqual(['甲', '乙']);
    expect((o.aria as { label: { description: string } }).label.description).toContain('前列：乙 99 分');
  });

  it('score ranking past 30 units draws the best and the last 15 with a gap naming how many are left out', () => {
    const rows = Array.from({ length: 40 }, (_, i) => row({ unitName: `单位${i + 1}`, scoreTotal: 100 - i }));
    const o = scoreRankingOption(rows);
    const names = (o.yAxis as { data: string[] }).data;
    expect(names).toHaveLength(31);
    // Best at the top (the category axis runs bottom to top).
    expect(names.at(-1)).toBe('单位1');
    expect(names[0]).toBe('单位40');
    expect(names[15]).toBe('…（中间 10 个单位）');
    expect(names.slice(16).reverse()).toEqual(Array.from({ length: 15 }, (_, i) => `单位${i + 1}`));
    expect(series(o)[0]!.data[15]).toMatchObject({ value: null });
    expect((o.aria as { label: { description: string } }).label.description).toContain('共 40 个单位，显示前 15 名和后 15 名');
    expect((scoreRankingOption(rows.slice(0, 30)).yAxis as { data: string[] }).data).toHaveLength(30);
  });

  it('scatter past 30 points draws unnamed dots and describes itself without listing every unit', () => {
    const many = executionScatterOption(columns(Array.from({ length: 31 }, (_, i) => ({ unitName: `单位${i}`, executionRate: 90 + (i % 10), adjustmentRatio: i }))));
    expect((many.series as { label: { show: boolean }; symbolSize: number }[])[0]).toMatchObject({ label: { show: false }, symbolSize: 6 });
    expect((many.aria as { label: { description: string } }).label.description).toBe('预算执行率与预算调整率散点图，共 31 个单位（单位较多，各单位数值见导出表格）。');
    const few = executionScatterOption(columns([{ unitName: '甲', executionRate: 98.5, adjustmentRatio: 12 }]));
    expect((few.series as { label: { show: boolean } }[])[0]!.label.show).toBe(true);
  });

  it('scatter has one point per unit with both rates, and the tooltip names unit, year and values', () => {
    const o = executionScatterOption(columns([{ unitName: '乙', adjustmentRatio: null }, { unitName: '甲', executionRate: 98.5, adjustmentRatio: 12 }]));
    expect(series(o)[0]!.data).toEqual([{ name: '甲', value: [98.5, 12], itemStyle: undefined }]);
    expect(scatterTooltip(row({ unitName: '<甲>', fiscalYear: 2023, executionRate: 98.5, adjustmentRatio: 12 }))).toBe(
      '&#60;甲&#62;<br/>2023 年<br/>预算执行率：98.50%<br/>预算调整率：12.00%',
    );
    const formatter = (o.tooltip as { formatter: (p: unknown) => string }).formatter;
    // The chart's first point is the columns' second entry: the tooltip reads that one.
    expect(formatter({ dataIndex: 0 })).toContain('甲<br/>2021 年');
  });
});
