import type { BudgetInfo, ReportDocument, ThreePublicInfo } from '@hunan-perf/contracts';
import { percent, round } from './round.js';

/** 预算执行率: actual ÷ adjusted × 100 (adjusted missing: actual ÷ initial). */
export function executionRate(total: BudgetInfo['total']): number | null {
  if (total.actual == null) return null;
  return percent(total.actual, total.adjusted ?? total.initial);
}

/** 预算调整率: (adjusted − initial) ÷ initial × 100. */
export function adjustmentRatio(total: BudgetInfo['total']): number | null {
  if (total.adjusted == null || total.initial == null || total.initial === 0) return null;
  return round(((total.adjusted - total.initial) / total.initial) * 100);
}

/** 三公经费控制率: actual ÷ budget × 100. */
export function threePublicControlRate(threePublic: ThreePublicInfo): number | null {
  return percent(threePublic.actual, threePublic.budget);
}

/** 项目支出占比: project.actual ÷ total.actual × 100. */
export function projectShare(budget: BudgetInfo): number | null {
  return percent(budget.project.actual, budget.total.actual);
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
