import type { MetricKey } from '@hunan-perf/metrics';
import type { UnitRow } from '@/api/analytics-types';

export type SortOrder = 'ascending' | 'descending';
/** What the map's unit table sorts by: a column of the row, the level label, or the chosen metric. */
export type SortKey = 'unitName' | 'regionName' | 'level' | 'fiscalYear' | MetricKey;

export const levelLabel = (r: Pick<UnitRow, 'regionLevel'>): string => (r.regionLevel === 'city' ? '州/市本级' : r.regionLevel === 'county' ? '县市区' : '省级');

const text = (a: string, b: string) => a.localeCompare(b, 'zh-CN');

/**
 * The rows in a column's order (a missing value last, whichever the direction; ties by unit name),
 * so a page of the table is a page of the whole sorted list, not a sorted page.
 */
export function sortUnitRows(rows: UnitRow[], key: SortKey, order: SortOrder): UnitRow[] {
  const sign = order === 'ascending' ? 1 : -1;
  const compare = (a: UnitRow, b: UnitRow): number => {
    if (key === 'unitName' || key === 'regionName') return sign * text(a[key], b[key]);
    if (key === 'level') return sign * text(levelLabel(a), levelLabel(b));
    const x = a[key];
    const y = b[key];
    if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1;
    return sign * (x - y);
  };
  return [...rows].sort((a, b) => compare(a, b) || text(a.unitName, b.unitName));
}
