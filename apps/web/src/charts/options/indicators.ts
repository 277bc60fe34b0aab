import type { IndicatorCategory } from '@/api/analytics-types';
import type { ChartOption } from '../echarts';
import { aria, esc } from './common';
import { formatRate } from '@/format';

/** The heatmap cells: units (rows) × 一级 indicator categories (columns), value = completion. */
export function heatmapCells(categories: IndicatorCategory[]) {
  const units = [...new Map(categories.map((c) => [c.unitId, c.unitName])).entries()].map(([id, name]) => ({ id, name }));
  const level1s = [...new Set(categories.map((c) => c.level1))];
  const cells = units.flatMap((u, y) =>
    level1s.map((l, x) => {
      const rows = categories.filter((c) => c.unitId === u.id && c.level1 === l);
      const met = rows.reduce((s, r) => s + r.met, 0);
      const unmet = rows.reduce((s, r) => s + r.unmet, 0);
      const total = rows.reduce((s, r) => s + r.total, 0);
      const completion = met + unmet > 0 ? Math.round((met / (met + unmet)) * 10000) / 100 : null;
      return { x, y, unitId: u.id, unitName: u.name, level1: l, met, unmet, total, completion };
    }),
  ).filter((c) => c.total > 0);
  return { units, level1s, cells };
}
export type HeatmapCell = ReturnType<typeof heatmapCells>['cells'][number];

/** Heatmap of indicator completion; cells without a quantitative indicator are grey. */
export function indicatorHeatmapOption(categories: IndicatorCategory[]): ChartOption {
  const { units, level1s, cells } = heatmapCells(categories);
  return {
    aria: aria(`指标完成率热力图，${units.length} 个单位 × ${level1s.length} 类指标。${cells.map((c) => `${c.unitName} ${c.level1} ${formatRate(c.completion)}`).join('；')}。`),
    tooltip: {
      formatter: (p: unknown) => {
        const c = cells[(p as { dataIndex: number }).dataIndex]!;
        return `${esc(c.unitName)}<br/>${esc(c.level1)}<br/>完成率：${formatRate(c.completion)}<br/>达标 ${c.met}，未达标 ${c.unmet}，共 ${c.total} 项`;
      },
    },
    grid: { left: 8, right: 16, top: 8, bottom: 64, containLabel: true },
    xAxis: { type: 'category', data: level1s, splitArea: { show: true } },
    yAxis: { type: 'category', data: units.map((u) => u.name), splitArea: { show: true }, axisLabel: { width: 200, overflow: 'truncate' } },
    visualMap: {
      min: 0, max: 100, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, text: ['100%', '0%'],
      inRange: { color: ['#c62828', '#fbc02d', '#2e7d32'] },
    },
    series: [{
      type: 'heatmap', name: '指标完成率',
      data: cells.map((c) => ({ value: [c.x, c.y, c.completion ?? '-'] })),
      label: { show: true, formatter: (p: unknown) => formatRate(cells[(p as { dataIndex: number }).dataIndex]!.completion) },
      emphasis: { itemStyle: { borderColor: '#000', borderWidth: 1 } },
    }],
  };
}
