import type { Trends } from '@/api/analytics-types';
import type { ChartOption } from '../echarts';
import { aria, fontSizes, metricAxisName, metricLabel, metricValue, PALETTE } from './common';

/** A metric over the years: one line per unit or region; `large` for the leadership view. */
export function trendOption(trends: Trends, large = false): ChartOption {
  const f = fontSizes(large);
  const years = trends.years.map(String);
  const text = trends.series
    .map((s) => `${s.name}：${s.points.map((p) => `${p.year} 年 ${metricValue(trends.metric, p.value)}`).join('，')}`)
    .join('；');
  return {
    aria: aria(`${metricLabel(trends.metric)}趋势图。${text}。`),
    color: PALETTE,
    textStyle: { fontSize: f.base },
    legend: { top: 0, type: 'scroll', textStyle: { fontSize: f.legend } },
    tooltip: { trigger: 'axis', textStyle: { fontSize: f.base } },
    grid: { left: large ? 90 : 56, right: 32, top: large ? 64 : 40, bottom: large ? 48 : 32 },
    xAxis: { type: 'category', data: years, axisLabel: { fontSize: f.base } },
    yAxis: { type: 'value', name: metricAxisName(trends.metric), scale: true, nameTextStyle: { fontSize: f.base }, axisLabel: { fontSize: f.base } },
    series: trends.series.map((s) => ({
      type: 'line' as const, name: s.name, connectNulls: false, symbolSize: large ? 12 : 8,
      lineStyle: { width: large ? 4 : 2 },
      label: { show: true, fontSize: f.base, formatter: (p: { value: unknown }) => (p.value == null ? '' : String(p.value)) },
      data: trends.years.map((y) => s.points.find((p) => p.year === y)?.value ?? null),
    })),
  };
}

/**
 * Units and regions are asked for in two requests (the API narrows units to the regions when
 * both are given); this joins the answers: every series, the union of years in order.
 */
export function mergeTrends(metric: Trends['metric'], answers: Trends[]): Trends {
  const years = [...new Set(answers.flatMap((a) => a.years))].sort((a, b) => a - b);
  return { metric, years, series: answers.flatMap((a) => a.series) };
}
