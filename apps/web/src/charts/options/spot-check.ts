import { BarChart } from 'echarts/charts';
import { LegendComponent, MarkLineComponent } from 'echarts/components';
import { type ChartOption, register } from '../echarts';
import { aria, esc } from './common';

register([BarChart, LegendComponent, MarkLineComponent]);

/** What the charts need of a sampled unit (SpotCheckItemDto). */
export interface GapItem {
  unitName: string;
  selfTotal: number | null;
  reviewTotal: number | null;
  gap: number | null;
  flagged: boolean;
}

/** What the charts need of a region's gaps (RegionGapDto). */
export interface RegionGap {
  regionName: string;
  reviewed: number;
  flagged: number;
  meanGap: number | null;
  maxGap: number | null;
}

const score = (v: number | null) => (v === null ? '无' : `${v} 分`);

/**
 * 自评 vs 复核 per sampled unit: two bars each; a missing score stays a gap in the chart (never 0).
 * Units above the margin are named 超出容差 in the description and drawn red.
 */
export function selfVsReviewOption(items: GapItem[], margin: number): ChartOption {
  const describe = items.map((i) => `${i.unitName}：自评 ${score(i.selfTotal)}，复核 ${score(i.reviewTotal)}${i.flagged ? '，超出容差' : ''}`).join('；');
  return {
    // Redrawn after every assignment and save: no growing bars (and the screenshots show the values).
    animation: false,
    aria: aria(`各抽查单位自评总分与复核总分（差距阈值 ${margin} 分）：${describe || '无抽中单位'}。`),
    tooltip: {
      trigger: 'axis', axisPointer: { type: 'shadow' },
      formatter: (p: unknown) => {
        const i = items[(p as { dataIndex: number }[])[0]?.dataIndex ?? -1];
        return i ? `${esc(i.unitName)}<br/>自评总分：${score(i.selfTotal)}<br/>复核总分：${score(i.reviewTotal)}${i.gap === null ? '' : `<br/>差距：${i.gap} 分`}${i.flagged ? '<br/><b>超出容差</b>' : ''}` : '';
      },
    },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: items.map((i) => i.unitName), axisLabel: { interval: 0, rotate: items.length > 4 ? 30 : 0, width: 120, overflow: 'truncate' } },
    // Whole tens around the scores, so the difference is visible and the ticks are round.
    yAxis: { type: 'value', name: '总分（分）', min: (v: { min: number }) => Math.max(0, Math.floor(v.min / 10) * 10 - 10), max: (v: { max: number }) => Math.ceil(v.max / 10) * 10 },
    series: [
      { type: 'bar', name: '自评总分', data: items.map((i) => i.selfTotal ?? '-'), itemStyle: { color: '#1565c0' }, barMaxWidth: 32 },
      {
        type: 'bar', name: '复核总分', barMaxWidth: 32, itemStyle: { color: '#2e7d32' },
        data: items.map((i) => (i.reviewTotal === null ? '-' : { value: i.reviewTotal, itemStyle: { color: i.flagged ? '#c62828' : '#2e7d32' } })),
      },
    ],
  };
}

/** The distribution of gaps by region: mean and largest gap (自评 − 复核) of each region with reviewed units. */
export function gapsByRegionOption(regions: RegionGap[], margin: number): ChartOption {
  const shown = regions.filter((r) => r.reviewed > 0);
  const describe = shown.map((r) => `${r.regionName}（已复核 ${r.reviewed} 个，超出容差 ${r.flagged} 个）：平均差距 ${r.meanGap} 分，最大差距 ${r.maxGap} 分`).join('；');
  return {
    animation: false,
    aria: aria(`各地区自评与复核总分差距（差距阈值 ${margin} 分）：${describe || '尚无复核总分'}。`),
    tooltip: {
      trigger: 'axis', axisPointer: { type: 'shadow' },
      formatter: (p: unknown) => {
        const r = shown[(p as { dataIndex: number }[])[0]?.dataIndex ?? -1];
        return r ? `${esc(r.regionName)}<br/>已复核：${r.reviewed} 个单位<br/>超出容差：${r.flagged} 个<br/>平均差距：${r.meanGap} 分<br/>最大差距：${r.maxGap} 分` : '';
      },
    },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: shown.map((r) => r.regionName) },
    // The margin's line stays on the chart when every gap is below it.
    yAxis: { type: 'value', name: '差距（分）', min: (v: { min: number }) => Math.min(0, v.min), max: (v: { max: number }) => Math.max(margin, v.max) },
    series: [
      { type: 'bar', name: '平均差距', data: shown.map((r) => r.meanGap ?? '-'), itemStyle: { color: '#1565c0' }, barMaxWidth: 40 },
      {
        type: 'bar', name: '最大差距', data: shown.map((r) => r.maxGap ?? '-'), itemStyle: { color: '#ef6c00' }, barMaxWidth: 40,
        markLine: { symbol: 'none', silent: true, lineStyle: { color: '#c62828', type: 'dashed' }, label: { position: 'insideEndTop', formatter: `差距阈值 ${margin} 分` }, data: [{ yAxis: margin }] },
      },
    ],
  };
}
