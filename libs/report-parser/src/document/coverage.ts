import type { Coverage, ReportDocument, ReportKind } from '@hunan-perf/contracts';

/**
 * What "coverage" counts, in one place. A scalar is found when its value is not null (0 counts:
 * the contract writes "not found" as null, never 0) and a text is not blank.
 *
 * - Scalars: the dotted paths below. Every report kind has the `ALL_KINDS` ones; only a
 *   部门整体支出 report (department_overall) has 基本/项目支出 lines, 三公经费 and 人员编制, so a
 *   项目支出 report is not counted short for lacking them.
 * - Indicator cells: the `INDICATOR_CELLS` columns of every indicator row (5 per row). A report
 *   without indicator rows has 0/0 cells.
 * - percent: scalars weigh `SCALAR_WEIGHT`, indicator cells the rest. A missing indicator table is a
 *   gap, not "nothing to find": with no rows the indicator part is 0, so such a report is at most 60 %.
 */
export const COVERAGE_SCALARS: Readonly<Record<ReportKind, readonly string[]>> = (() => {
  const ALL_KINDS = [
    'unit.name', 'unit.regionName', 'fiscalYear', 'reportDate', 'score.total', 'score.grade',
    'budget.total.initial', 'budget.total.adjusted', 'budget.total.actual', 'budget.total.executionRateStated',
  ];
  const DEPARTMENT_ONLY = [
    'budget.basic.initial', 'budget.basic.adjusted', 'budget.basic.actual',
    'budget.project.initial', 'budget.project.adjusted', 'budget.project.actual',
    'threePublic.budget', 'threePublic.actual', 'staff.quota', 'staff.actual',
  ];
  return { department_overall: [...ALL_KINDS, ...DEPARTMENT_ONLY], project: ALL_KINDS };
})();

export const INDICATOR_CELLS = ['name', 'target', 'actual', 'weight', 'score'] as const;

/** Share of the percent that scalars carry; indicator cells carry 1 − SCALAR_WEIGHT. */
export const SCALAR_WEIGHT = 0.6;

const found = (value: unknown): boolean =>
  value !== null && value !== undefined && (typeof value !== 'string' || value.trim() !== '');

/** Reads a dotted path; a missing object on the way (a document stored under an older shape) reads as undefined. */
const at = (doc: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((o, key) => (o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[key] : undefined), doc);

/** How much of the contract the document has: found/total scalars and indicator cells, and a 0–100 percent (2 decimals). */
export function coverageOf(doc: ReportDocument): Coverage {
  const paths = COVERAGE_SCALARS[doc.reportKind === 'project' ? 'project' : 'department_overall'];
  const scalarsFound = paths.filter((p) => found(at(doc, p))).length;
  const rows = Array.isArray(doc.indicators) ? doc.indicators : [];
  const indicatorCellsTotal = rows.length * INDICATOR_CELLS.length;
  const indicatorCellsFound = rows.reduce((n, row) => n + INDICATOR_CELLS.filter((c) => found(row?.[c])).length, 0);
  const share = SCALAR_WEIGHT * (scalarsFound / paths.length)
    + (1 - SCALAR_WEIGHT) * (indicatorCellsTotal === 0 ? 0 : indicatorCellsFound / indicatorCellsTotal);
  return {
    scalarsFound,
    scalarsTotal: paths.length,
    indicatorRows: rows.length,
    indicatorCellsFound,
    indicatorCellsTotal,
    percent: Math.round(share * 10_000) / 100,
  };
}
