import { CSV_BOM, csvLine } from '@hunan-perf/contracts/csv';
import { METRICS, type MetricKey } from '@hunan-perf/metrics';
import type { Compare, Level1Rate, UnitMetricRow } from '@/api/analytics-types';
import type { ChartOption } from '../echarts';
import { aria, metricLabel, metricValue, PALETTE } from './common';

/** Grouped bars: one group per metric, one bar per unit. */
export function groupedBarsOption(rows: UnitMetricRow[], metrics: MetricKey[]): ChartOption {
  const text = rows.map((r) => `${r.unitName}：${metrics.map((m) => `${metricLabel(m)} ${metricValue(m, r[m])}`).join('，')}`).join('；');
  return {
    aria: aria(`单位对比柱状图。${text}。`),
    color: PALETTE,
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 48, right: 16, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: metrics.map(metricLabel) },
    yAxis: { type: 'value' },
    series: rows.map((r) => ({
      type: 'bar' as const, name: `${r.unitName}`, barMaxWidth: 32,
      data: metrics.map((m) => r[m]),
      label: { show: rows.length <= 4, position: 'top' as const, formatter: (p: { value: unknown }) => (p.value == null ? '' : String(p.value)) },
    })),
  };
}

/** Radar of 一级指标 得分率: one axis per 一级指标 any chosen unit has, one polygon per unit. */
export function level1RadarOption(rows: Pick<UnitMetricRow, 'unitId' | 'unitName'>[], rates: Level1Rate[]): ChartOption {
  const level1s = [...new Set(rates.map((r) => r.level1))];
  const rate = (unitId: string, level1: string) => rates.find((r) => r.unitId === unitId && r.level1 === level1)?.scoreRate ?? null;
  const units = rows.filter((u) => rates.some((r) => r.unitId === u.unitId));
  return {
    aria: aria(`一级指标得分率雷达图。${units.map((u) => `${u.unitName}：${level1s.map((l) => `${l} ${metricValue('indicatorCompletion', rate(u.unitId, l))}`).join('，')}`).join('；')}。`),
    color: PALETTE,
    legend: { bottom: 0, type: 'scroll' },
    tooltip: { trigger: 'item' },
    radar: { indicator: level1s.map((name) => ({ name, max: 100, min: 0 })), radius: '62%' },
    series: [{
      type: 'radar',
      data: units.map((u) => ({ name: u.unitName, value: level1s.map((l) => rate(u.unitId, l) ?? 0) })),
    }],
  };
}

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

/**
 * 各单位最新年度: merges per-year compare answers so that each unit keeps its latest report's
 * row and that year's 一级指标 rates (units report in different years).
 */
export function latestPerUnit(answers: Pick<Compare, 'rows' | 'level1Rates'>[]): Pick<Compare, 'rows' | 'level1Rates'> {
  const best = new Map<string, { row: UnitMetricRow; answer: number }>();
  answers.forEach((a, answer) => {
    for (const row of a.rows) {
      const seen = best.get(row.unitId);
      if (!seen || row.fiscalYear > seen.row.fiscalYear) best.set(row.unitId, { row, answer });
    }
  });
  const chosen = [...best.values()];
  return {
    rows: chosen.map((c) => c.row),
    level1Rates: chosen.flatMap((c) => answers[c.answer]!.level1Rates.filter((r) => r.unitId === c.row.unitId)),
  };
}

/** The comparison table as CSV (UTF-8 BOM, defused formulas): what the page shows, row for row. */
export function compareCsv(rows: UnitMetricRow[], metrics: MetricKey[]): string {
  const head = ['单位', '地区', '年度', '等级', ...metrics.map((m) => `${METRICS[m].label}（${METRICS[m].unit}）`), '年初预算数（万元）', '全年预算数（万元）', '全年执行数（万元）'];
  return CSV_BOM + csvLine(head) + rows.map((r) => csvLine([
    r.unitName, r.regionName, r.fiscalYear, r.grade, ...metrics.map((m) => r[m]), r.budgetInitial, r.budgetAdjusted, r.budgetActual,
  ])).join('');
}
