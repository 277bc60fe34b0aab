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
