import type { Problems } from '@/api/analytics-types';
import { BarChart } from 'echarts/charts';
import { type ChartOption, register } from '../echarts';
import { aria } from './common';

register([BarChart]);

/** 问题主题: horizontal bars of how many units (each once) list a problem of each theme, most first. */
export function problemThemesOption(themes: Problems['themes']): ChartOption {
  const sorted = [...themes].sort((a, b) => a.unitCount - b.unitCount || a.statementCount - b.statementCount);
  return {
    aria: aria(`问题主题（涉及单位数）：${[...sorted].reverse().map((t) => `${t.theme} ${t.unitCount} 个单位（${t.statementCount} 条）`).join('，')}。`),
    tooltip: {
      trigger: 'axis', axisPointer: { type: 'shadow' },
      formatter: (p: unknown) => {
        const t = sorted[(p as { dataIndex: number }[])[0]?.dataIndex ?? -1];
        return t ? `${t.theme}<br/>涉及单位：${t.unitCount} 个<br/>问题条数：${t.statementCount} 条` : '';
      },
    },
    grid: { left: 8, right: 40, top: 8, bottom: 24, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, name: '单位数' },
    yAxis: { type: 'category', data: sorted.map((t) => t.theme) },
    series: [{ type: 'bar', name: '单位数', data: sorted.map((t) => t.unitCount), itemStyle: { color: '#c62828' }, label: { show: true, position: 'right' }, barMaxWidth: 22 }],
  };
}
