import type { IndicatorRow, ScoreBreakdownRow } from '@hunan-perf/contracts';
import { percent, round } from './round.js';

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
  return [...groups.entries()].map(([level1, rows]) => {
    const weight = round(rows.reduce((s, r) => s + (r.weight ?? 0), 0));
    const score = round(rows.reduce((s, r) => s + (r.score ?? 0), 0));
    return { level1, weight, score, scoreRate: weight > 0 ? percent(score, weight) : null };
  });
}
