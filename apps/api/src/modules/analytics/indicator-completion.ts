import { percent } from '@hunan-perf/metrics';
import type { CategoryCompletionDto, CellCompletionDto, IndicatorRowDto, UnitCompletionDto } from './dto/indicators.dto.js';
import type { ReportInScope, StoredIndicatorRow } from './indicator-rows.repository.js';

export const UNGROUPED = '（未分类）';

/**
 * One row as 指标完成 lists it, from its stored assessment, by the contract: a quantitative row is
 * met or unmet by target and actual and counts towards the completion rate; any other row is met
 * when its score reaches its weight, unmet when below, unknown without a score — and does not count.
 */
export function judgeRow(row: StoredIndicatorRow): IndicatorRowDto {
  const base = {
    reportId: row.reportId, unitId: row.unitId, unitName: row.unitName, level1: row.level1, level2: row.level2,
    group: row.level1 ?? UNGROUPED, name: row.name, target: row.target, actual: row.actual, weight: row.weight, score: row.score,
    comparator: row.comparator,
  };
  if (row.quantitative && (row.status === 'met' || row.status === 'unmet')) {
    return { ...base, quantitative: true, status: row.status, counted: true, judgedBy: 'quantity', reason: null };
  }
  if (row.status === 'met' || row.status === 'unmet') {
    return { ...base, quantitative: false, status: row.status, counted: false, judgedBy: 'score', reason: null };
  }
  const reason = row.status === 'unknown' ? '实际完成值无法与目标值比较' : row.score === null ? '无得分' : '无分值';
  return { ...base, quantitative: false, status: 'unknown', counted: false, judgedBy: null, reason };
}

interface Tally { met: number; unmet: number; qualitativeMet: number; qualitativeUnmet: number; unknown: number; total: number }

function tally(rows: IndicatorRowDto[]): Tally & { completion: number | null; reason: string | null } {
  const t: Tally = { met: 0, unmet: 0, qualitativeMet: 0, qualitativeUnmet: 0, unknown: 0, total: rows.length };
  for (const r of rows) {
    if (r.status === 'unknown') t.unknown += 1;
    else if (r.counted) t[r.status] += 1;
    else if (r.status === 'met') t.qualitativeMet += 1;
    else t.qualitativeUnmet += 1;
  }
  const completion = percent(t.met, t.met + t.unmet);
  return { ...t, completion, reason: completion !== null ? null : whyNoCompletion(t) };
}

/** Why a unit or cell has no completion rate, in words a reader understands. */
function whyNoCompletion(t: Tally): string {
  if (t.total === 0) return '无指标';
  const judged = t.qualitativeMet + t.qualitativeUnmet;
  if (judged === 0) return `无定量指标，定性 ${t.total} 项均无得分`;
  return `无定量指标（定性 ${t.total} 项：按得分达标 ${t.qualitativeMet}、未达标 ${t.qualitativeUnmet}${t.unknown ? `、无法判断 ${t.unknown}` : ''}）`;
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** The rate per unit, per heatmap cell (unit × 一级) and per 一级/二级, and the rows: all from the same judged rows. */
export function indicatorCompletion(reports: ReportInScope[], stored: StoredIndicatorRow[]): {
  units: UnitCompletionDto[]; cells: CellCompletionDto[]; categories: CategoryCompletionDto[]; rows: IndicatorRowDto[];
} {
  const rows = stored.map(judgeRow);
  const byReport = groupBy(rows, (r) => r.reportId);
  const units = reports.map((rep) => {
    const t = tally(byReport.get(rep.reportId) ?? []);
    return { reportId: rep.reportId, unitId: rep.unitId, unitName: rep.unitName, ...t, qualitative: t.total - t.met - t.unmet };
  });
  const cells = [...groupBy(rows, (r) => `${r.reportId}\u0000${r.group}`).values()].map((g) => ({
    reportId: g[0]!.reportId, unitId: g[0]!.unitId, unitName: g[0]!.unitName, level1: g[0]!.group, ...tally(g),
  }));
  const categories = [...groupBy(rows, (r) => `${r.reportId}\u0000${r.group}\u0000${r.level2 ?? ''}`).values()].map((g) => ({
    reportId: g[0]!.reportId, unitId: g[0]!.unitId, unitName: g[0]!.unitName, level1: g[0]!.group, level2: g[0]!.level2, ...tally(g),
  }));
  return { units, cells, categories, rows };
}
