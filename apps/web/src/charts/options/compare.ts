import { METRICS, type MetricKey } from '@hunan-perf/metrics';
import type { CategoryRate, UnitMetricRow } from '@/api/analytics-types';
import { BarChart, RadarChart } from 'echarts/charts';
import { LegendComponent, RadarComponent } from 'echarts/components';
import { type ChartOption, register } from '../echarts';
import { aria, metricLabel, metricValue, PALETTE } from './common';

register([BarChart, RadarChart, LegendComponent, RadarComponent]);

/** The most units a comparison shows; each one is in the legend and the saved picture. */
export const MAX_COMPARED = 12;
const LEGEND_ROW = 24;

/** Legend rows for `names` in a chart `width` pixels wide (a plain legend wraps, never pages). */
export function legendRows(names: string[], width: number): number {
  let rows = 1;
  let x = 0;
  for (const name of names) {
    const w = 25 + 5 + name.length * 12 + 10;
    if (x > 0 && x + w > width - 16) {
      rows += 1;
      x = 0;
    }
    x += w;
  }
  return names.length ? rows : 0;
}

/** A legend that shows every unit: plain (wrapping onto more lines), never scrolled or paged. */
const fullLegend = (position: 'top' | 'bottom') => ({ type: 'plain' as const, [position]: 0, left: 'center', width: '94%', itemGap: 10 });

/**
 * Bars of the chosen metrics, one bar per unit. Scores (分) and rates (%) are on separate axes,
 * side by side, so a 96-point score and a 184 % rate never share a scale.
 */
export function groupedBarsOption(rows: UnitMetricRow[], metrics: MetricKey[], width = 640): ChartOption {
  const text = rows.map((r) => `${r.unitName}：${metrics.map((m) => `${metricLabel(m)} ${metricValue(m, r[m])}`).join('，')}`).join('；');
  const groups = (['分', '%'] as const).map((unit) => ({ unit, metrics: metrics.filter((m) => METRICS[m].unit === unit) })).filter((g) => g.metrics.length);
  const top = 16 + legendRows(rows.map((r) => r.unitName), width) * LEGEND_ROW;
  const share = (g: (typeof groups)[number]) => g.metrics.length / metrics.length;
  let left = 0;
  const grids = groups.map((g) => {
    const grid = { left: `${left * 100 + 8}%`, width: `${share(g) * 100 - 12}%`, top: top + 24, bottom: 32 };
    left += share(g);
    return grid;
  });
  return {
    aria: aria(`单位对比柱状图（得分与比率分轴显示）。${text}。`),
    color: PALETTE,
    legend: fullLegend('top'),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: grids,
    xAxis: groups.map((g, i) => ({ type: 'category' as const, gridIndex: i, data: g.metrics.map(metricLabel) })),
    yAxis: groups.map((g, i) => ({ type: 'value' as const, gridIndex: i, name: g.unit === '分' ? '得分（分）' : '比率（%）' })),
    series: groups.flatMap((g, i) => rows.map((r) => ({
      type: 'bar' as const, name: r.unitName, xAxisIndex: i, yAxisIndex: i, barMaxWidth: 32,
      data: g.metrics.map((m) => r[m]),
      label: { show: rows.length <= 4, position: 'top' as const, formatter: (p: { value: unknown }) => (p.value == null ? '' : String(p.value)) },
    }))),
  };
}

/**
 * Radar of 得分率 per canonical 一级 category (产出, 效益, 满意度 …): one axis per category some
 * chosen unit has, one polygon per unit through the categories it has. A category a unit lacks is
 * left out of its polygon (no point, never 0). Every unit is in the legend, also one without rates.
 */
export function categoryRadarOption(
  rows: Pick<UnitMetricRow, 'reportId' | 'unitName'>[], categories: string[], rates: CategoryRate[],
): ChartOption {
  const rate = (reportId: string, category: string) => rates.find((r) => r.reportId === reportId && r.category === category)?.scoreRate ?? null;
  // Every chosen unit is in the legend; one whose report has no weighted rows has no polygon.
  const units = rows;
  const describe = (u: (typeof units)[number]) => {
    const known = categories.filter((c) => rate(u.reportId, c) !== null);
    return `${u.unitName}：${known.map((c) => `${c} ${metricValue('indicatorCompletion', rate(u.reportId, c))}`).join('，') || '报告没有可计算得分率的一级指标'}`;
  };
  return {
    aria: aria(`一级指标类别得分率雷达图。${units.map(describe).join('；')}。`),
    color: PALETTE,
    legend: fullLegend('bottom'),
    tooltip: { trigger: 'item' },
    // The chart is RADAR_HEIGHT tall above the legend (chartHeight adds the legend's rows).
    radar: { indicator: categories.map((name) => ({ name, max: 100, min: 0 })), radius: 130, center: ['50%', RADAR_HEIGHT / 2 + 4] },
    series: [{
      type: 'radar',
      // A category the unit lacks has no point (null), so its polygon skips it.
      data: units.map((u) => ({ name: u.unitName, value: categories.map((c) => rate(u.reportId, c)) as number[] })),
    }],
  };
}

const RADAR_HEIGHT = 340;

/** Chart height that leaves room for a legend of every unit. */
export const chartHeight = (names: string[], width = 640, base = RADAR_HEIGHT + 16) => `${base + legendRows(names, width) * LEGEND_ROW}px`;

/** Sort rows of the comparison table by a metric; missing values always last. */
export function sortRows<T extends object>(rows: T[], key: keyof T, order: 'ascending' | 'descending'): T[] {
  return [...rows].sort((a, b) => {
    const x = a[key] as number | string | null;
    const y = b[key] as number | string | null;
    if (x == null) return y == null ? 0 : 1;
    if (y == null) return -1;
    const c = x < y ? -1 : x > y ? 1 : 0;
    return order === 'ascending' ? c : -c;
  });
}
