import type { BudgetInfo, ReportDocument, ThreePublicInfo } from '@hunan-perf/contracts';
import { subtractDecimal } from './decimal.js';
import { percentOf, stored } from './round.js';

/**
 * The contract's budget metrics, computed in decimal on the amounts as the tables store them
 * (two decimals, half away from zero), so they equal the SQL view v_report_metric exactly.
 */

/** 预算执行率: actual ÷ adjusted × 100 (adjusted missing: actual ÷ initial). */
export function executionRate(total: BudgetInfo['total']): number | null {
  const denominator = total.adjusted ?? total.initial;
  if (total.actual == null || denominator == null) return null;
  return percentOf(stored(total.actual), stored(denominator));
}

/**
 * 预算调整率: adjustmentStated ÷ initial × 100 where the report states its 追加/调整 amount,
 * otherwise (adjusted − carryover − initial) ÷ initial × 100 with carryover 0 when null.
 * 结转结余 is not an adjustment (湖南 scoring rule: 预算调整数 = the year's 追加、追减或结构调整).
 */
export function adjustmentRatio(total: BudgetInfo['total']): number | null {
  if (total.initial == null) return null;
  const initial = stored(total.initial);
  if (total.adjustmentStated != null) return percentOf(stored(total.adjustmentStated), initial);
  if (total.adjusted == null) return null;
  const adjustment = subtractDecimal(subtractDecimal(stored(total.adjusted), stored(total.carryover ?? 0)), initial);
  return percentOf(adjustment, initial);
}

/** 三公经费控制率: actual ÷ budget × 100. */
export function threePublicControlRate(threePublic: ThreePublicInfo): number | null {
  if (threePublic.actual == null || threePublic.budget == null) return null;
  return percentOf(stored(threePublic.actual), stored(threePublic.budget));
}

/** 项目支出占比: project.actual ÷ total.actual × 100. */
export function projectShare(budget: BudgetInfo): number | null {
  if (budget.project.actual == null || budget.total.actual == null) return null;
  return percentOf(stored(budget.project.actual), stored(budget.total.actual));
}

export interface BudgetMetrics {
  executionRate: number | null;
  adjustmentRatio: number | null;
  threePublicControlRate: number | null;
  projectShare: number | null;
}

export function budgetMetrics(doc: Pick<ReportDocument, 'budget' | 'threePublic'>): BudgetMetrics {
  return {
    executionRate: executionRate(doc.budget.total),
    adjustmentRatio: adjustmentRatio(doc.budget.total),
    threePublicControlRate: threePublicControlRate(doc.threePublic),
    projectShare: projectShare(doc.budget),
  };
}
