import type { Trends } from '@/api/analytics-types';
import { LineChart } from 'echarts/charts';
import { LegendComponent } from 'echarts/components';
import { type ChartOption, register } from '../echarts';
import { aria, fontSizes, metricAxisName, metricLabel, metricValue, PALETTE } from './common';

register([LineChart, LegendComponent]);

/** Every year from the first to the last asked for: a year with no report is a gap in the line. */
export function everyYear(years: number[]): number[] {
  if (!years.length) return [];
  const first = Math.min(...years);
  return Array.from({ length: Math.max(...years) - first + 1 }, (_, i) => first + i);
}

/**
 * A metric over the years on a numeric year axis: one line per unit or region, a point per year
 * with a value and a break (never a bridge) where a year has none. `large` for the leadership view.
 */
export function trendOption(trends: Trends, large = false): ChartOption {
  const f = fontSizes(large);
  const years = everyYear(trends.years);
  const text = trends.series
    .map((s) => `${s.name}：${years.map((y) => `${y} 年 ${metricValue(trends.metric, s.points.find((p) => p.year === y)?.value)}`).join('，')}`)
    .join('；');
  return {
    aria: aria(`${metricLabel(trends.metric)}趋势图。${text}。`),
    color: PALETTE,
    animation: !large,
    textStyle: { fontSize: f.base },
    legend: { top: 0, type: 'plain', textStyle: { fontSize: f.legend } },
    tooltip: { trigger: 'axis', textStyle: { fontSize: f.base }, valueFormatter: (v) => metricValue(trends.metric, typeof v === 'number' ? v : null) },
    grid: { left: large ? 90 : 56, right: 32, top: large ? 64 : 40, bottom: large ? 48 : 32 },
    xAxis: {
      type: 'value', min: years[0], max: years.at(-1), interval: 1, minInterval: 1,
      axisLabel: { fontSize: f.base, formatter: (v: number) => `${v}` }, splitLine: { show: false },
    },
    yAxis: { type: 'value', name: metricAxisName(trends.metric), scale: true, nameTextStyle: { fontSize: f.base }, axisLabel: { fontSize: f.base } },
    series: trends.series.map((s) => ({
      type: 'line' as const, name: s.name, connectNulls: false, symbolSize: large ? 12 : 8,
      lineStyle: { width: large ? 4 : 2 },
      label: { show: true, fontSize: f.base, formatter: (p: { value: unknown }) => (Array.isArray(p.value) && p.value[1] != null ? String(p.value[1]) : '') },
      data: years.map((y) => [y, s.points.find((p) => p.year === y)?.value ?? null] as [number, number | null]),
    })),
  };
}
