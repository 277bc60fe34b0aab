import type { IndicatorCell } from '@/api/analytics-types';
import { HeatmapChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';
import { type ChartOption, register } from '../echarts';
import { aria, esc } from './common';
import { formatRate } from '@/format';

register([HeatmapChart, VisualMapComponent]);

export const NO_SUCH_CATEGORY = '该单位无此类指标';

/**
 * The heatmap grid: units (rows) × 一级 indicator categories (columns). Every cell's rate and
 * reason are the API's (the same computation as the unit's rate and the listed rows); a unit
 * lacking a category gets a cell that says so instead of a silent gap.
 */
export function heatmapCells(apiCells: IndicatorCell[]) {
  const units = [...new Map(apiCells.map((c) => [c.reportId, { id: c.unitId, reportId: c.reportId, name: c.unitName }])).values()];
  const level1s = [...new Set(apiCells.map((c) => c.level1))];
  const byKey = new Map(apiCells.map((c) => [`${c.reportId}|${c.level1}`, c]));
  const cells = units.flatMap((u, y) =>
    level1s.map((level1, x) => {
      const c = byKey.get(`${u.reportId}|${level1}`);
      return {
        x, y, unitId: u.id, reportId: u.reportId, unitName: u.name, level1,
        met: c?.met ?? 0, unmet: c?.unmet ?? 0, qualitativeMet: c?.qualitativeMet ?? 0, qualitativeUnmet: c?.qualitativeUnmet ?? 0,
        unknown: c?.unknown ?? 0, total: c?.total ?? 0, completion: c?.completion ?? null, reason: c ? c.reason : NO_SUCH_CATEGORY,
      };
    }),
  );
  return { units, level1s, cells };
}
export type HeatmapCell = ReturnType<typeof heatmapCells>['cells'][number];

/** What a cell says: its rate, or why it has none (short enough for the cell itself). */
export function cellText(c: Pick<HeatmapCell, 'completion' | 'reason' | 'total'>): string {
  if (c.completion !== null) return formatRate(c.completion);
  if (c.reason === NO_SUCH_CATEGORY) return '无此类';
  return c.total > 0 ? '无定量指标' : '无指标';
}

/** The tooltip of one cell: the counts behind the rate, or the reason there is none. */
export function cellTooltip(c: HeatmapCell): string {
  const head = `${esc(c.unitName)}<br/>${esc(c.level1)}`;
  if (c.reason === NO_SUCH_CATEGORY) return `${head}<br/>${NO_SUCH_CATEGORY}`;
  const quantitative = `定量：达标 ${c.met}，未达标 ${c.unmet}`;
  const qualitative = c.qualitativeMet + c.qualitativeUnmet + c.unknown
    ? `<br/>定性（按得分，不计入完成率）：达标 ${c.qualitativeMet}，未达标 ${c.qualitativeUnmet}${c.unknown ? `，无法判断 ${c.unknown}` : ''}` : '';
  const rate = c.completion !== null ? `完成率：${formatRate(c.completion)}` : `完成率：—（${esc(c.reason ?? '')}）`;
  return `${head}<br/>${rate}<br/>${quantitative}${qualitative}<br/>共 ${c.total} 项`;
}

/** Why the whole heatmap is empty, or null when it has cells. */
export function heatmapEmptyReason(year: number | null, unitCount: number, cellCount: number): string | null {
  if (unitCount === 0) return `${year ?? '所选'} 年没有已确认的报告`;
  if (cellCount === 0) return `${year ?? '所选'} 年的 ${unitCount} 份报告都没有指标表`;
  return null;
}

/** Heatmap of indicator completion; a cell without a rate is grey and says why. */
export function indicatorHeatmapOption(apiCells: IndicatorCell[]): ChartOption {
  const { units, level1s, cells } = heatmapCells(apiCells);
  return {
    aria: aria(`指标完成率热力图，${units.length} 个单位 × ${level1s.length} 类指标。${cells.map((c) => `${c.unitName} ${c.level1} ${c.completion !== null ? formatRate(c.completion) : c.reason}`).join('；')}。`),
    tooltip: { formatter: (p: unknown) => cellTooltip(cells[(p as { dataIndex: number }).dataIndex]!) },
    grid: { left: 8, right: 16, top: 8, bottom: 64, containLabel: true },
    xAxis: { type: 'category', data: level1s, splitArea: { show: true }, axisLabel: { width: 110, overflow: 'truncate' } },
    yAxis: { type: 'category', data: units.map((u) => u.name), splitArea: { show: true }, axisLabel: { width: 200, overflow: 'truncate' } },
    visualMap: {
      min: 0, max: 100, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, text: ['100%', '0%'],
      inRange: { color: ['#c62828', '#fbc02d', '#2e7d32'] }, outOfRange: { color: '#eeeeee' },
    },
    series: [{
      type: 'heatmap', name: '指标完成率',
      data: cells.map((c) => ({ value: [c.x, c.y, c.completion ?? '-'], itemStyle: c.completion === null ? { color: '#eeeeee' } : undefined })),
      label: { show: true, formatter: (p: unknown) => cellText(cells[(p as { dataIndex: number }).dataIndex]!), fontSize: 11 },
      emphasis: { itemStyle: { borderColor: '#000', borderWidth: 1 } },
    }],
  };
}
