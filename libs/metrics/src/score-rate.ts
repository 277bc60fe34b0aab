import type { IndicatorRow, ScoreBreakdownRow } from '@hunan-perf/contracts';
import { addDecimal, type Decimal, numberOf } from './decimal.js';
import { percentOf, stored } from './round.js';

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
  const groups = new Map<string, Weighted[]>();
  const add = (rows: Weighted[]) => {
    for (const row of rows) {
      if (!row.level1 || row.weight == null) continue;
      groups.set(row.level1, [...(groups.get(row.level1) ?? []), row]);
    }
  };
  // Breakdown rows at 一级 level (no 二级) override; else 二级 rows; else indicator rows.
  const level1Rows = breakdown.filter((r) => !r.level2);
  const level2Rows = breakdown.filter((r) => r.level2);
  add(level1Rows);
  add(level2Rows.filter((r) => !level1Rows.some((l) => l.level1 === r.level1)));
  add(indicators.filter((r) => !breakdown.some((b) => b.level1 === r.level1)));
  const zero: Decimal = { units: 0n, scale: 2 };
  return [...groups.entries()].map(([level1, rows]) => {
    // Summed in decimal on the stored (two-decimal) values, as SQL sums numeric columns.
    const weight = rows.reduce((s, r) => addDecimal(s, stored(r.weight ?? 0)), zero);
    const score = rows.reduce((s, r) => addDecimal(s, stored(r.score ?? 0)), zero);
    return { level1, weight: numberOf(weight), score: numberOf(score), scoreRate: weight.units > 0n ? percentOf(score, weight) : null };
  });
}
