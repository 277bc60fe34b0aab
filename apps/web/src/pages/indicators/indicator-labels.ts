import type { IndicatorRow, IndicatorUnit } from '@/api/analytics-types';
import { formatRate } from '@/format';

/** 达标 / 未达标 / 无法判断, as the API judged the row. */
export function indicatorStatusLabel(row: Pick<IndicatorRow, 'status'>): string {
  return row.status === 'met' ? '达标' : row.status === 'unmet' ? '未达标' : '无法判断';
}

/** How the row was judged and whether it counts towards the completion rate. */
export function indicatorBasis(row: Pick<IndicatorRow, 'counted' | 'judgedBy' | 'reason'>): string {
  if (row.counted) return '定量：目标值对实际值（计入完成率）';
  if (row.judgedBy === 'score') return '定性：按得分与分值（不计入完成率）';
  return `${row.reason ?? '无法判断'}（不计入完成率）`;
}

/** One unit's rate with the counts behind it: "100.00%（定量 11 项：达标 11、未达标 0；定性 8 项…）". */
export function unitSummary(u: IndicatorUnit): string {
  const rate = u.completion !== null ? formatRate(u.completion) : `—（${u.reason ?? '无定量指标'}）`;
  const quantitative = `定量 ${u.met + u.unmet} 项：达标 ${u.met}、未达标 ${u.unmet}`;
  const others = u.qualitative
    ? `；定性 ${u.qualitative} 项（按得分，不计入）：达标 ${u.qualitativeMet}、未达标 ${u.qualitativeUnmet}${u.unknown ? `、无法判断 ${u.unknown}` : ''}`
    : '';
  return `${rate}（${quantitative}${others}）`;
}
