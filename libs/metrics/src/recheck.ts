import { decimalOf, divideDecimal, multiplyDecimal, numberOf, roundDecimal, subtractDecimal } from './decimal.js';
import { percent, round } from './round.js';

/**
 * 自评复核: the objective parts of a self-score recomputed from the unit's own amounts, under a
 * rule set stored as JSON (editable by an admin). Points of a rule are compared with the points
 * the unit gave itself on the matching indicator or score-breakdown row.
 */
export type RecheckBasis = 'executionRate' | 'adjustmentRatio' | 'basicControlRate' | 'projectControlRate' | 'threePublicControlRate';

export type RecheckRule =
  | { key: string; label: string; basis: RecheckBasis; match: string[]; type: 'proportional' }
  | { key: string; label: string; basis: RecheckBasis; match: string[]; type: 'bands'; bands: { max: number; points: number }[]; otherwise: number; absolute?: boolean }
  | { key: string; label: string; basis: RecheckBasis; match: string[]; type: 'penaltyAbove'; threshold: number; perPoint: number };

export interface RecheckRuleSet {
  version: string;
  rules: RecheckRule[];
}

/** Defaults from published evaluation standards (issue #5). */
export const DEFAULT_RECHECK_RULES: RecheckRuleSet = {
  version: 'default-2026.1',
  rules: [
    { key: 'executionRate', label: '预算执行率', basis: 'executionRate', match: ['预算执行率', '执行率'], type: 'proportional' },
    {
      key: 'adjustmentRatio', label: '预算调整率', basis: 'adjustmentRatio', match: ['预算调整率', '调整率'], type: 'bands', absolute: true,
      bands: [{ max: 0, points: 5 }, { max: 10, points: 4 }, { max: 20, points: 3 }, { max: 30, points: 2 }], otherwise: 0,
    },
    {
      key: 'basicControlRate', label: '基本支出预算控制率', basis: 'basicControlRate', match: ['基本支出预算控制率', '基本支出控制率'], type: 'bands',
      bands: [{ max: 100, points: 5 }, { max: 110, points: 4 }, { max: 120, points: 3 }, { max: 130, points: 2 }], otherwise: 0,
    },
    {
      key: 'projectControlRate', label: '项目支出预算控制率', basis: 'projectControlRate', match: ['项目支出预算控制率', '项目支出控制率'], type: 'bands',
      bands: [{ max: 100, points: 5 }, { max: 110, points: 4 }, { max: 120, points: 3 }, { max: 130, points: 2 }], otherwise: 0,
    },
    { key: 'threePublicControlRate', label: '三公经费控制率', basis: 'threePublicControlRate', match: ['三公经费控制率', '三公'], type: 'penaltyAbove', threshold: 100, perPoint: 1 },
  ],
};

export interface RecheckInput {
  bases: Record<RecheckBasis, number | null>;
  /** Indicator and score-breakdown rows: name/level labels with their weight and score. */
  rows: { labels: (string | null)[]; weight: number | null; score: number | null }[];
}

export interface RecheckItem {
  rule: string;
  label: string;
  basis: number | null;
  weight: number | null;
  selfPoints: number | null;
  recomputedPoints: number | null;
  /** selfPoints − recomputedPoints. */
  difference: number | null;
}

const normalise = (text: string) => text.replace(/[\s“”"'‘’（）()]/g, '');

/** The first row whose labels mention the rule (the most specific match word first). */
function selfRow(rule: RecheckRule, rows: RecheckInput['rows']) {
  for (const word of rule.match) {
    const row = rows.find((r) => r.labels.some((l) => l && normalise(l).includes(word)));
    if (row) return row;
  }
  return undefined;
}

function points(rule: RecheckRule, basis: number, weight: number | null): number | null {
  switch (rule.type) {
    case 'proportional':
      // weight × min(basis, 100) ÷ 100, in decimal (5 × 93.55 ÷ 100 = 4.6775 → 4.68).
      return weight === null ? null : numberOf(divideDecimal(multiplyDecimal(decimalOf(weight), decimalOf(Math.min(basis, 100))), decimalOf(100), 2)!);
    case 'bands': {
      const value = rule.absolute ? Math.abs(basis) : basis;
      return rule.bands.find((b) => value <= b.max)?.points ?? rule.otherwise;
    }
    case 'penaltyAbove': {
      if (weight === null) return null;
      const excess = subtractDecimal(decimalOf(basis), decimalOf(rule.threshold));
      const penalty = excess.units > 0n ? multiplyDecimal(excess, decimalOf(rule.perPoint)) : decimalOf(0);
      const left = roundDecimal(subtractDecimal(decimalOf(weight), penalty), 2);
      return left.units > 0n ? numberOf(left) : 0;
    }
  }
}

export function recheck(ruleSet: RecheckRuleSet, input: RecheckInput): RecheckItem[] {
  return ruleSet.rules.map((rule) => {
    const row = selfRow(rule, input.rows);
    const basis = input.bases[rule.basis];
    const weight = row?.weight ?? null;
    const recomputed = basis === null ? null : points(rule, basis, weight);
    const self = row?.score ?? null;
    return {
      rule: rule.key, label: rule.label, basis, weight, selfPoints: self, recomputedPoints: recomputed,
      difference: self !== null && recomputed !== null ? round(numberOf(subtractDecimal(decimalOf(self), decimalOf(recomputed)))) : null,
    };
  });
}

/** 基本/项目支出预算控制率: actual ÷ (adjusted, else initial) × 100. */
export function controlRate(line: { initial: number | null; adjusted: number | null; actual: number | null }): number | null {
  return percent(line.actual, line.adjusted ?? line.initial);
}

/**
 * Early-warning colour: red when the indicator score ratio (Σ得分 ÷ Σ分值) exceeds the execution
 * rate by more than 5 points; yellow when the execution rate is below 80 % or the budget is 0.
 */
export function warningColour(indicatorScoreRatio: number | null, executionRate: number | null, budgetIsZero: boolean): 'red' | 'yellow' | null {
  if (indicatorScoreRatio !== null && executionRate !== null && indicatorScoreRatio - executionRate > 5) return 'red';
  if (budgetIsZero || (executionRate !== null && executionRate < 80)) return 'yellow';
  return null;
}
