import type { IndicatorRow } from '@hunan-perf/contracts';
import { type Comparator, parseQuantity, unitsComparable } from './quantity.js';
import { percent } from './round.js';

export type IndicatorStatus = 'met' | 'unmet' | 'qualitative' | 'unknown';

export interface IndicatorAssessment {
  quantitative: boolean;
  comparator: Comparator | null;
  status: IndicatorStatus;
}

/** Words that make an indicator row cost-type (the contract's 成本指标, 三公, 经费支出): a bare number there means at most. */
export const COST_ROW_WORDS: readonly string[] = ['成本指标', '三公', '经费支出'];

/** A cost-type row: its 一级, 二级 or name mentions one of COST_ROW_WORDS. */
export function isCostRow(row: Pick<IndicatorRow, 'level1' | 'level2' | 'name'>): boolean {
  const text = `${row.level1 ?? ''} ${row.level2 ?? ''} ${row.name ?? ''}`;
  return COST_ROW_WORDS.some((w) => text.includes(w));
}

/**
 * The contract's rule: quantitative when target and actual both parse with comparable units;
 * comparator from the target (bare number: at least, except cost-type rows: at most).
 * Qualitative rows are met when the score equals the weight, unmet when below it, and
 * "qualitative" (no judgement possible) without a score.
 */
export function assessIndicator(row: Pick<IndicatorRow, 'level1' | 'level2' | 'name' | 'target' | 'actual' | 'weight' | 'score'>): IndicatorAssessment {
  const target = parseQuantity(row.target);
  const actual = parseQuantity(row.actual);
  if (target && actual && unitsComparable(target, actual)) {
    const comparator: Comparator = target.comparator ?? (isCostRow(row) ? 'atMost' : 'atLeast');
    const met =
      comparator === 'atLeast' ? actual.value >= target.value - 1e-9
        : comparator === 'atMost' ? actual.value <= target.value + 1e-9
          : Math.abs(actual.value - target.value) < 1e-9;
    return { quantitative: true, comparator, status: met ? 'met' : 'unmet' };
  }
  if (target && !actual) return { quantitative: false, comparator: target.comparator, status: 'unknown' };
  if (row.score != null && row.weight != null) {
    return { quantitative: false, comparator: null, status: row.score >= row.weight - 1e-9 ? 'met' : 'unmet' };
  }
  return { quantitative: false, comparator: null, status: 'qualitative' };
}

/** 指标完成率: met ÷ (met + unmet) × 100 over quantitative indicators; null when there is none. */
export function indicatorCompletion(rows: IndicatorRow[]): number | null {
  let met = 0;
  let unmet = 0;
  for (const row of rows) {
    const a = assessIndicator(row);
    if (!a.quantitative) continue;
    if (a.status === 'met') met += 1;
    else unmet += 1;
  }
  return percent(met, met + unmet);
}

/**
 * 完成程度: actual ÷ target × 100 for a quantitative "at least" row with a positive target (the
 * same parse and comparator as assessIndicator); null for any other row.
 */
export function completionRatio(row: Pick<IndicatorRow, 'level1' | 'level2' | 'name' | 'target' | 'actual' | 'weight' | 'score'>): number | null {
  const assessed = assessIndicator(row);
  if (!assessed.quantitative || assessed.comparator !== 'atLeast') return null;
  const target = parseQuantity(row.target)!;
  const actual = parseQuantity(row.actual)!;
  return target.value > 0 ? percent(actual.value, target.value) : null;
}
