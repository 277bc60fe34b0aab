import { numberOf, subtractDecimal } from './decimal.js';
import { percentOf, stored } from './round.js';

/**
 * 年初预算变动 (结果应用): the unit's 年初预算数 of the following year against this year's —
 * amount = next − this (万元), percent = (next − this) ÷ this × 100; null when either year's
 * 年初预算数 is missing (percent also when this year's is 0). Mirrored by the SQL view v_budget_change.
 */
export interface BudgetChange {
  amount: number | null;
  percent: number | null;
  direction: 'grew' | 'shrank' | 'unchanged' | null;
}

export function budgetChange(initial: number | null, nextInitial: number | null): BudgetChange {
  if (initial === null || nextInitial === null) return { amount: null, percent: null, direction: null };
  const difference = subtractDecimal(stored(nextInitial), stored(initial));
  const amount = numberOf(difference);
  return {
    amount,
    percent: percentOf(difference, stored(initial)),
    direction: changeDirection(amount),
  };
}

/** The direction of a stored change amount (SQL answers), the same rule as budgetChange. */
export function changeDirection(amount: number | null): BudgetChange['direction'] {
  return amount === null ? null : amount > 0 ? 'grew' : amount < 0 ? 'shrank' : 'unchanged';
}


/** How exports and docs name and define the change. */
export const BUDGET_CHANGE = {
  label: '年初预算变动（万元、%）',
  definition: '次年年初预算数 − 当年年初预算数（万元）；变动率 =（次年 − 当年）÷ 当年 × 100；任一年缺年初预算数时为空（不记为 0）',
} as const;
