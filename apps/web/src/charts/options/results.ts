import type { ResultsGrade } from '@/api/analytics-types';
import { BarChart } from 'echarts/charts';
import { LegendComponent } from 'echarts/components';
import { type ChartOption, register } from '../echarts';
import { aria, fontSizes } from './common';

register([BarChart, LegendComponent]);

/** The three directions of a unit's next 年初预算数, in stacking order, with their colours. */
export const DIRECTIONS = [
  { key: 'shareGrew', count: 'grew', label: '增加', color: '#2e7d32' },
  { key: 'shareUnchanged', count: 'unchanged', label: '持平', color: '#9e9e9e' },
  { key: 'shareShrank', count: 'shrank', label: '减少', color: '#c62828' },
] as const;

/**
 * 结果应用 for leadership: per grade, the share of units whose next 年初预算数 grew, stayed or shrank,
 * stacked to 100 %; a grade without units with both years is left out (nothing to show, not 0).
 */
export function resultsShareOption(grades: ResultsGrade[], large = false): ChartOption {
  const shown = grades.filter((g) => g.units > 0);
  const size = fontSizes(large);
  const describe = shown.map((g) => `${g.grade}（${g.units} 个单位）：${DIRECTIONS.map((d) => `${d.label} ${g[d.key] ?? 0}%`).join('、')}`).join('；');
  return {
    aria: aria(`各等级单位次年年初预算变动占比：${describe || '无两年都有数据的单位'}。`),
    tooltip: {
      trigger: 'axis', axisPointer: { type: 'shadow' },
      formatter: (p: unknown) => {
        const g = shown[(p as { dataIndex: number }[])[0]?.dataIndex ?? -1];
        return g ? `${g.grade}（${g.units} 个单位）<br/>${DIRECTIONS.map((d) => `${d.label}：${g[d.count]} 个，${g[d.key] ?? 0}%`).join('<br/>')}` : '';
      },
    },
    legend: { top: 0, textStyle: { fontSize: size.legend } },
    grid: { left: 8, right: 24, top: 36, bottom: 24, containLabel: true },
    xAxis: { type: 'category', data: shown.map((g) => g.grade), axisLabel: { fontSize: size.base } },
    yAxis: { type: 'value', max: 100, name: '单位占比（%）', axisLabel: { fontSize: size.base } },
    series: DIRECTIONS.map((d) => ({
      type: 'bar' as const, name: d.label, stack: 'share', data: shown.map((g) => g[d.key] ?? 0), itemStyle: { color: d.color }, barMaxWidth: 64,
      label: { show: true, formatter: (v: { value: unknown }) => (Number(v.value) > 0 ? `${String(v.value)}%` : '') },
    })),
  };
}
