import type { IndicatorRow, ScoreBreakdownRow } from '@hunan-perf/contracts';
import { addDecimal, type Decimal, numberOf } from './decimal.js';
import { percentOf, stored } from './round.js';
import { categoryOf } from './indicator-category.js';
import type { IndicatorCategory } from '@hunan-perf/contracts';

export interface ScoreRate {
  level1: string;
  weight: number;
  score: number;
  /** Σ score ÷ Σ weight × 100; null when there are no weights. */
  scoreRate: number | null;
}

type Weighted = Pick<ScoreBreakdownRow, 'level1' | 'weight' | 'score'>;

/**
 * 得分率 per 一级指标, from the score breakdown where it has that 一级, otherwise from the
 * indicator rows. Rows without a weight do not count.
 */
export function scoreRatesByLevel1(indicators: IndicatorRow[], breakdown: ScoreBreakdownRow[]): ScoreRate[] {
  return rated(groupRows(indicators, breakdown, (row) => row.level1!)).map(({ key, ...r }) => ({ level1: key, ...r }));
}

export interface CategoryScoreRate {
  category: IndicatorCategory;
  weight: number;
  score: number;
  scoreRate: number | null;
}

/**
 * 得分率 per canonical 一级 category (产出, 效益, 满意度, 投入 …), for comparisons across frameworks:
 * the same rows as scoreRatesByLevel1, each counted under its stored category or the one
 * categoryOf gives its written names ('其他' when none).
 */
export function scoreRatesByCategory(indicators: IndicatorRow[], breakdown: ScoreBreakdownRow[]): CategoryScoreRate[] {
  const key = (row: Weighted & { level2?: string | null; category?: IndicatorCategory | null }): string =>
    row.category ?? categoryOf(row.level1, row.level2 ?? null) ?? '其他';
  return rated(groupRows(indicators, breakdown, key)).map(({ key: category, ...r }) => ({ category: category as IndicatorCategory, ...r }));
}

type Keyed = Weighted & { level2?: string | null; category?: IndicatorCategory | null };

/** Breakdown rows at 一级 level (no 二级) win; else 二级 rows; else indicator rows. Rows without a weight do not count. */
function groupRows(indicators: IndicatorRow[], breakdown: ScoreBreakdownRow[], keyOf: (row: Keyed) => string): Map<string, Weighted[]> {
  const groups = new Map<string, Weighted[]>();
  const add = (rows: Keyed[]) => {
    for (const row of rows) {
      if (!row.level1 || row.weight == null) continue;
      const k = keyOf(row);
      groups.set(k, [...(groups.get(k) ?? []), row]);
    }
  };
  const level1Rows = breakdown.filter((r) => !r.level2);
  const level2Rows = breakdown.filter((r) => r.level2);
  add(level1Rows);
  add(level2Rows.filter((r) => !level1Rows.some((l) => l.level1 === r.level1)));
  add(indicators.filter((r) => !breakdown.some((b) => b.level1 === r.level1)));
  return groups;
}

function rated(groups: Map<string, Weighted[]>): { key: string; weight: number; score: number; scoreRate: number | null }[] {
  const zero: Decimal = { units: 0n, scale: 2 };
  return [...groups.entries()].map(([key, rows]) => {
    // Summed in decimal on the stored (two-decimal) values, as SQL sums numeric columns.
    const weight = rows.reduce((s, r) => addDecimal(s, stored(r.weight ?? 0)), zero);
    const score = rows.reduce((s, r) => addDecimal(s, stored(r.score ?? 0)), zero);
    return { key, weight: numberOf(weight), score: numberOf(score), scoreRate: weight.units > 0n ? percentOf(score, weight) : null };
  });
}
