import { describe, expect, it } from 'vitest';
import { categoryRadarOption, chartHeight, groupedBarsOption, legendRows, sortRows } from './compare';
import type { CategoryRate } from '@/api/analytics-types';
import { row } from './fixtures.spec-helper';

const series = (o: { series?: unknown }) => o.series as { type: string; name?: string; data: unknown[]; xAxisIndex?: number; yAxisIndex?: number }[];
const rate = (reportId: string, category: CategoryRate['category'], scoreRate: number): CategoryRate => ({ unitId: reportId, reportId, category, writtenLevel1: [category], weight: 10, score: scoreRate / 10, scoreRate });

describe('compare builders', () => {
  const rows = [
    row({ reportId: 'a', unitId: 'a', unitName: '甲', scoreTotal: 90, executionRate: 100, adjustmentRatio: 12 }),
    row({ reportId: 'b', unitId: 'b', unitName: '乙', scoreTotal: 80, executionRate: null, adjustmentRatio: 30 }),
  ];

  it('bars: scores (分) and rates (%) on separate axes, one series per unit on each, null kept as a gap', () => {
    const o = groupedBarsOption(rows, ['scoreTotal', 'executionRate', 'adjustmentRatio']);
    expect((o.xAxis as { data: string[] }[]).map((x) => x.data)).toEqual([['自评得分'], ['预算执行率', '预算调整率']]);
    expect((o.yAxis as { name: string }[]).map((y) => y.name)).toEqual(['得分（分）', '比率（%）']);
    expect(series(o).map((s) => [s.name, s.yAxisIndex, s.data])).toEqual([
      ['甲', 0, [90]], ['乙', 0, [80]], ['甲', 1, [100, 12]], ['乙', 1, [null, 30]],
    ]);
    // Only rates chosen: one axis.
    expect((groupedBarsOption(rows, ['executionRate']).yAxis as unknown[]).length).toBe(1);
  });

  it('radar: canonical categories as axes, a category a unit lacks left out (null, never 0), a unit without rates still in the legend', () => {
    const o = categoryRadarOption([...rows, row({ reportId: 'c', unitId: 'c', unitName: '丙' })], ['产出', '效益', '满意度'], [
      rate('a', '产出', 90), rate('a', '效益', 100), rate('b', '产出', 80), rate('b', '满意度', 95),
    ]);
    expect((o.radar as { indicator: { name: string; max: number }[] }).indicator).toEqual([
      { name: '产出', max: 100, min: 0 }, { name: '效益', max: 100, min: 0 }, { name: '满意度', max: 100, min: 0 },
    ]);
    expect(series(o)[0]!.data).toEqual([{ name: '甲', value: [90, 100, null] }, { name: '乙', value: [80, null, 95] }, { name: '丙', value: [null, null, null] }]);
    const description = (o.aria as { label: { description: string } }).label.description;
    expect(description).toContain('甲：产出 90.00%，效益 100.00%');
    expect(description).not.toContain('满意度 0');
    expect(description).toContain('丙：报告没有可计算得分率的一级指标');
  });

  it('every one of 12 units is in a plain legend (never paged), with room for its rows', () => {
    const many = Array.from({ length: 12 }, (_, i) => row({ reportId: `r${i}`, unitId: `u${i}`, unitName: `第${i + 1}个单位工业和信息化局` }));
    const rates = many.map((r) => rate(r.reportId, '产出', 90));
    for (const o of [categoryRadarOption(many, ['产出'], rates), groupedBarsOption(many, ['scoreTotal'], 600)]) {
      expect((o.legend as { type: string }).type).toBe('plain');
      expect(series(o).flatMap((s) => (s.type === 'radar' ? (s.data as { name: string }[]).map((d) => d.name) : [s.name]))).toHaveLength(12);
    }
    const names = many.map((r) => r.unitName);
    expect(legendRows(names, 600)).toBeGreaterThan(3);
    expect(parseInt(chartHeight(names, 600))).toBeGreaterThan(parseInt(chartHeight(names.slice(0, 2), 600)));
    // The bars start below the legend.
    expect((groupedBarsOption(many, ['scoreTotal'], 600).grid as { top: number }[])[0]!.top).toBeGreaterThan(legendRows(names, 600) * 20);
  });

  it('sorts rows both ways with missing values last', () => {
    expect(sortRows(rows, 'executionRate', 'ascending').map((r) => r.unitName)).toEqual(['甲', '乙']);
    expect(sortRows(rows, 'scoreTotal', 'ascending').map((r) => r.unitName)).toEqual(['乙', '甲']);
    expect(sortRows(rows, 'scoreTotal', 'descending').map((r) => r.unitName)).toEqual(['甲', '乙']);
  });
});
