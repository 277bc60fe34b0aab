import type { Overview, OverviewPoint, OverviewPoints, UnitMetricRow } from '@/api/analytics-types';
import { BarChart, ScatterChart } from 'echarts/charts';
import { MarkLineComponent } from 'echarts/components';
import { type ChartOption, register } from '../echarts';
import { aria, esc, GRADE_COLORS, PALETTE } from './common';
import { formatRate, formatScore } from '@/format';

register([BarChart, ScatterChart, MarkLineComponent]);

/** 等级分布: one bar per grade, in the order 优 良 中 差 未评级. */
export function gradeDistributionOption(grades: Overview['grades']): ChartOption {
  const order = ['优', '良', '中', '差', '未评级'];
  const rows = order.map((g) => {
    const found = grades.find((x) => x.grade === g);
    return { grade: g, count: found?.count ?? 0, derived: found?.derived ?? 0 };
  });
  const text = rows.map((r) => `${r.grade} ${r.count} 个${r.derived ? `（其中 ${r.derived} 个按得分推定）` : ''}`).join('，');
  return {
    aria: aria(`等级分布：${text}。`),
    tooltip: {
      trigger: 'axis',
      formatter: (p: unknown) => {
        const r = rows[(p as { dataIndex: number }[])[0]!.dataIndex]!;
        return `${r.grade}：${r.count} 个单位${r.derived ? `<br/>其中 ${r.derived} 个报告未写等级，按得分推定` : ''}`;
      },
    },
    grid: { left: 40, right: 16, top: 16, bottom: 28 },
    xAxis: { type: 'category', data: rows.map((r) => r.grade) },
    yAxis: { type: 'value', minInterval: 1, name: '单位数' },
    series: [{
      type: 'bar', name: '单位数', barMaxWidth: 48,
      data: rows.map((r) => ({ value: r.count, itemStyle: { color: GRADE_COLORS[r.grade] } })),
      label: { show: true, position: 'top', formatter: (p: unknown) => { const r = rows[(p as { dataIndex: number }).dataIndex]!; return r.derived ? `${r.count}（推定 ${r.derived}）` : String(r.count); } },
    }],
  };
}

/** Why the grade chart is empty, or null when it has bars to show. */
export function gradeEmptyReason(data: Pick<Overview, 'year' | 'counts'>): string | null {
  return data.counts.reports === 0 ? `${data.year ?? '所选'} 年没有已确认的报告` : null;
}

/** A grade as shown: "优", or "优（按得分推定）" when the report writes none; "未评级" without grade and score. */
export function gradeLabel(p: Pick<OverviewPoint, 'grade' | 'gradeDerived'>): string {
  if (!p.grade) return '未评级';
  return p.gradeDerived ? `${p.grade}（按得分推定）` : p.grade;
}

/** More scored units than this and the ranking shows the first and last RANKING_ENDS only. */
export const RANKING_ALL_UP_TO = 30;
export const RANKING_ENDS = 15;

/**
 * The scored units the ranking draws, best first, and how many it leaves out: every one up to
 * RANKING_ALL_UP_TO, else the best and the last RANKING_ENDS (a province's 5,920 bars would be a
 * chart 166,000 px tall that nobody reads).
 */
export function rankingShown<T extends Pick<UnitMetricRow, 'scoreTotal'>>(rows: T[]): { best: T[]; last: T[]; scored: number } {
  const scored = rows.filter((r) => r.scoreTotal != null).sort((a, b) => (b.scoreTotal ?? 0) - (a.scoreTotal ?? 0));
  if (scored.length <= RANKING_ALL_UP_TO) return { best: scored, last: [], scored: scored.length };
  return { best: scored.slice(0, RANKING_ENDS), last: scored.slice(-RANKING_ENDS), scored: scored.length };
}

/** 得分排名: horizontal bars, best at the top; past RANKING_ALL_UP_TO units the best and the last, a gap between. Rows without a score are left out. */
export function scoreRankingOption(rows: Pick<UnitMetricRow, 'unitName' | 'scoreTotal' | 'grade'>[]): ChartOption {
  const { best, last, scored } = rankingShown(rows);
  const top3 = best.slice(0, 3).map((r) => `${r.unitName} ${formatScore(r.scoreTotal)}`).join('，');
  const left = scored - best.length - last.length;
  const gap = left > 0 ? [{ unitName: `…（中间 ${left} 个单位）`, scoreTotal: null, grade: null }] : [];
  // Bottom to top on a category axis: the last first, the best at the top.
  const drawn = [...best, ...gap, ...last].reverse();
  const shownText = left > 0 ? `，显示前 ${best.length} 名和后 ${last.length} 名` : '';
  return {
    aria: aria(`自评得分排名，共 ${scored} 个单位${shownText}${top3 ? `，前列：${top3}` : ''}。`),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 48, top: 8, bottom: 24, containLabel: true },
    xAxis: { type: 'value', min: (v: { min: number }) => Math.max(0, Math.floor(v.min / 10) * 10 - 10), max: 100, name: '分' },
    yAxis: { type: 'category', data: drawn.map((r) => r.unitName), axisLabel: { width: 180, overflow: 'truncate' } },
    series: [{
      type: 'bar', name: '自评得分', barMaxWidth: 22,
      data: drawn.map((r) => ({ value: r.scoreTotal, itemStyle: { color: GRADE_COLORS[r.grade ?? '未评级'] } })),
      label: { show: true, position: 'right' },
    }],
  };
}

/** The tooltip text of one scatter point: unit, year and both rates. */
export function scatterTooltip(row: Pick<UnitMetricRow, 'unitName' | 'fiscalYear' | 'executionRate' | 'adjustmentRatio'>): string {
  return `${esc(row.unitName)}<br/>${row.fiscalYear} 年<br/>预算执行率：${formatRate(row.executionRate)}<br/>预算调整率：${formatRate(row.adjustmentRatio)}`;
}

/** The places of the points the scatter draws: both rates present and, unless 异常 values are included, neither 异常. */
export function scatterPoints(points: OverviewPoints, includeImplausible: boolean): number[] {
  return points.reportId.flatMap((_, i) =>
    points.executionRate[i] != null && points.adjustmentRatio[i] != null
      && (includeImplausible || !points.anomalies[i]!.some((a) => a === 'executionRate' || a === 'adjustmentRatio'))
      ? [i] : []);
}

/** Why the scatter has no point, in words: no report, no such metric, or every point 异常 and left out. */
export function scatterEmptyReason(data: Pick<Overview, 'year' | 'points' | 'includeImplausible'>): string | null {
  const year = `${data.year ?? '所选'} 年`;
  const { points } = data;
  const count = points.reportId.length;
  if (!count) return `${year}没有已确认的报告`;
  if (scatterPoints(points, data.includeImplausible).length) return null;
  const noExec = points.executionRate.filter((v) => v == null).length;
  const noAdj = points.adjustmentRatio.filter((v) => v == null).length;
  const both = points.executionRate.filter((v, i) => v != null && points.adjustmentRatio[i] != null).length;
  if (!both) {
    const parts = [noExec ? `${noExec} 个单位无预算执行率` : '', noAdj ? `${noAdj} 个单位无预算调整率` : ''].filter(Boolean).join('，');
    return `${year}没有同时具备预算执行率和预算调整率的单位（共 ${count} 个单位：${parts}）`;
  }
  return `${year}同时具备两项比率的 ${both} 个单位，其数值均超出合理范围（异常），已排除；勾选“含异常值”可显示`;
}

/** 预算执行率 × 预算调整率: one point per unit that has both rates (异常 ones left out unless included). */
/** Up to this many points the scatter names each one beside it. */
export const SCATTER_NAMED_UP_TO = 30;

export function executionScatterOption(points: OverviewPoints, includeImplausible = true): ChartOption {
  const usable = scatterPoints(points, includeImplausible);
  const at = (i: number) => ({ unitName: points.unitName[i]!, fiscalYear: points.fiscalYear[i]!, executionRate: points.executionRate[i]!, adjustmentRatio: points.adjustmentRatio[i]! });
  // Few points are named on the chart and in its description; a province's thousands are dots (names in the tooltip).
  const named = usable.length <= SCATTER_NAMED_UP_TO;
  const each = named ? `：${usable.map((i) => `${points.unitName[i]} 执行率 ${formatRate(points.executionRate[i]!)}、调整率 ${formatRate(points.adjustmentRatio[i]!)}`).join('；')}` : '（单位较多，各单位数值见导出表格）';
  return {
    aria: aria(`预算执行率与预算调整率散点图，共 ${usable.length} 个单位${each}。`),
    color: PALETTE,
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => scatterTooltip(at(usable[(p as { dataIndex: number }).dataIndex]!)),
    },
    grid: { left: 56, right: 24, top: 24, bottom: 48 },
    xAxis: { type: 'value', name: '预算执行率（%）', nameLocation: 'middle', nameGap: 30, scale: true },
    yAxis: { type: 'value', name: '预算调整率（%）', scale: true },
    series: [{
      type: 'scatter', name: '单位', symbolSize: named ? 14 : 6,
      data: usable.map((i) => ({ name: points.unitName[i]!, value: [points.executionRate[i]!, points.adjustmentRatio[i]!], itemStyle: points.anomalies[i]!.length ? { color: '#9e9e9e' } : undefined })),
      label: { show: named, position: 'right', formatter: '{b}', fontSize: 11 },
      markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#999' }, data: [{ xAxis: 100 }] },
    }],
  };
}
