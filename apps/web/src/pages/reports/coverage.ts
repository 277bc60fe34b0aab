/** Coverage shown in words (pure; unit-tested). Counts come from the API (libs/report-parser coverageOf). */
import type { Coverage } from '@hunan-perf/contracts';

/** 14/20 fields and 12/15 cells → "已识别 14/20 项字段，指标 12/15 格"; no indicator table → "…，未识别指标表". */
export function coverageText(c: Coverage): string {
  const fields = `已识别 ${c.scalarsFound}/${c.scalarsTotal} 项字段`;
  return c.indicatorRows === 0 ? `${fields}，未识别指标表` : `${fields}，指标 ${c.indicatorCellsFound}/${c.indicatorCellsTotal} 格`;
}

/** 73.5 → "73.5%", 60 → "60%"; null (a version stored before coverage existed) → "—". */
export function formatCoverage(percent: number | null | undefined): string {
  if (percent == null) return '—';
  return `${percent.toLocaleString('zh-CN', { maximumFractionDigits: 1 })}%`;
}

/** Element Plus tag type for a coverage percent: below 60 % needs a careful look. */
export function coverageTone(percent: number | null | undefined): 'danger' | 'warning' | 'success' | 'info' {
  if (percent == null) return 'info';
  return percent < 60 ? 'danger' : percent < 85 ? 'warning' : 'success';
}

/** The list's sort from a table header click: ascending/descending 覆盖率, or back to the default queue order. */
export function coverageSort(order: 'ascending' | 'descending' | null): 'coverage_asc' | 'coverage_desc' | 'needs_human' {
  return order === 'ascending' ? 'coverage_asc' : order === 'descending' ? 'coverage_desc' : 'needs_human';
}

const ORDER_HINTS: Record<string, string> = {
  needs_human: '待复核的在前：覆盖率低、警告多的优先', updated: '最近更新的在前',
  coverage_asc: '按覆盖率从低到高', coverage_desc: '按覆盖率从高到低',
};

/** The list's sort as the URL carries it ('' or an unknown value → the default queue order). */
export function listSort(raw: string): 'needs_human' | 'updated' | 'coverage_asc' | 'coverage_desc' {
  return Object.hasOwn(ORDER_HINTS, raw) ? (raw as ReturnType<typeof listSort>) : 'needs_human';
}

/** What the current order of the list is, in words. */
export const orderHint = (raw: string): string => ORDER_HINTS[listSort(raw)]!;
