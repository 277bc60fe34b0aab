import type { Problems } from '@/api/analytics-types';
import type { ChartOption } from '../echarts';
import { aria } from './common';

/** 问题主题: horizontal bars of how many problems fall under each theme, most first. */
export function problemThemesOption(themes: Problems['themes']): ChartOption {
  const sorted = [...themes].sort((a, b) => a.count - b.count);
  return {
    aria: aria(`问题主题：${[...sorted].reverse().map((t) => `${t.theme} ${t.count} 条`).join('，')}。`),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 8, bottom: 24, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, name: '条' },
    yAxis: { type: 'category', data: sorted.map((t) => t.theme) },
    series: [{ type: 'bar', name: '问题数', data: sorted.map((t) => t.count), itemStyle: { color: '#c62828' }, label: { show: true, position: 'right' }, barMaxWidth: 22 }],
  };
}
