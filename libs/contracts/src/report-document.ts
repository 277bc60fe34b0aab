/**
 * ReportDocument v1 — the interchange contract of ../shared/spec/report-document.md.
 * Field names are binding: add fields if needed, never rename or drop these.
 *
 * Amounts are 万元, rates are percent, anything not found is null (never 0).
 */

export const REPORT_DOCUMENT_SCHEMA_VERSION = 1 as const;

/** 'csv' (a filled province template, or a table as text) was added after v1's first release. */
export const SOURCE_FORMATS = ['txt', 'docx', 'pdf', 'xlsx', 'json', 'csv'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

export const UNIT_LEVELS = ['province', 'city', 'county'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export const REPORT_KINDS = ['department_overall', 'project'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const GRADES = ['优', '良', '中', '差'] as const;
export type Grade = (typeof GRADES)[number];

export const WARNING_CODES = [
  'MISSING_SCORE',
  'MISSING_BUDGET',
  'MISSING_INDICATORS',
  'SCORE_SUM_MISMATCH',
  'WEIGHT_SUM_MISMATCH',
  'RATE_MISMATCH',
  'TOTAL_MISMATCH',
  'GRADE_MISMATCH',
  'OVER_EXECUTION',
  'AMBIGUOUS_VALUE',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

/**
 * Warnings that mean the extracted figures cannot be trusted without a human look; a report with
 * any of them is never confirmed automatically. The others describe the unit's own figures
 * (spending above budget, a stated rate that does not add up) and are kept as findings.
 */
export const ERROR_WARNING_CODES: readonly WarningCode[] = [
  'MISSING_SCORE',
  'MISSING_BUDGET',
  'TOTAL_MISMATCH',
  'SCORE_SUM_MISMATCH',
  'AMBIGUOUS_VALUE',
];

export interface SourceInfo {
  fileName: string;
  sha256: string;
  format: SourceFormat;
}

export interface UnitInfo {
  /** As written in the report (best full form found). */
  name: string | null;
  /** County/city the unit belongs to, as written. */
  regionName: string | null;
  level: UnitLevel | null;
}

export interface ScoreInfo {
  total: number | null;
  grade: Grade | null;
  gradeText: string | null;
}

export interface BudgetLine {
  initial: number | null;
  adjusted: number | null;
  actual: number | null;
}

export interface BudgetTotalLine extends BudgetLine {
  executionRateStated: number | null;
  /** 上年结转结余 counted in the year's available funds (万元), or null. Added after v1's first release. */
  carryover?: number | null;
  /** The 追加/追减 (调整) amount the report states (万元), or null. Added after v1's first release. */
  adjustmentStated?: number | null;
}

export interface BudgetInfo {
  total: BudgetTotalLine;
  basic: BudgetLine;
  project: BudgetLine;
}

export interface ThreePublicInfo {
  budget: number | null;
  actual: number | null;
  priorYearActual: number | null;
  reception: number | null;
  vehiclePurchase: number | null;
  vehicleOperation: number | null;
  overseas: number | null;
}

export interface StaffInfo {
  quota: number | null;
  actual: number | null;
}

/**
 * Canonical 一级 categories across the two frameworks (产出/效益/满意度 of 项目支出 tables, 投入/过程/
 * 产出/效果 or 决策/管理/绩效 of the Hunan 部门整体支出 scoring sheet), for comparisons across reports.
 */
export const INDICATOR_CATEGORIES = ['产出', '效益', '满意度', '投入', '过程', '决策', '管理', '其他'] as const;
export type IndicatorCategory = (typeof INDICATOR_CATEGORIES)[number];

export interface IndicatorRow {
  level1: string | null;
  /** Canonical category of level1, stored beside the written name; absent in documents stored before it. */
  category?: IndicatorCategory | null;
  level2: string | null;
  name: string | null;
  /** Kept exactly as written. */
  target: string | null;
  /** Kept exactly as written. */
  actual: string | null;
  weight: number | null;
  score: number | null;
  note: string | null;
}

export interface ScoreBreakdownRow {
  level1: string | null;
  level2: string | null;
  weight: number | null;
  score: number | null;
}

export interface Findings {
  problems: string[];
  measures: string[];
}

export interface ReportWarning {
  code: WarningCode;
  message: string;
  path: string | null;
}

export interface ProvenanceEntry {
  /** 1-based line number in the decoded text. */
  line: number;
  excerpt: string;
}

export interface ReportDocument {
  schemaVersion: typeof REPORT_DOCUMENT_SCHEMA_VERSION;
  source: SourceInfo;
  unit: UnitInfo;
  fiscalYear: number | null;
  reportKind: ReportKind;
  reportDate: string | null;
  score: ScoreInfo;
  budget: BudgetInfo;
  threePublic: ThreePublicInfo;
  staff: StaffInfo;
  indicators: IndicatorRow[];
  scoreBreakdown: ScoreBreakdownRow[];
  findings: Findings;
  warnings: ReportWarning[];
  /** Keyed by the dotted path of the value, e.g. "score.total" or "budget.total.actual". */
  provenance: Record<string, ProvenanceEntry>;
  /** How much of the contract the engine found; absent in documents stored before it. */
  coverage?: Coverage;
}

/** Found/checked counts of the contract's scalar fields and of the indicator table's columns. */
export interface Coverage {
  scalarsFound: number;
  scalarsTotal: number;
  indicatorRows: number;
  /** Indicator cells filled among name, target, actual, weight, score of every row. */
  indicatorCellsFound: number;
  indicatorCellsTotal: number;
  /** 0–100: the share of scalars and indicator cells found, for ordering the review queue. */
  percent: number;
}

/** A document with every value missing: the honest starting point of any extraction. */
export function emptyReportDocument(source: SourceInfo): ReportDocument {
  const line = (): BudgetLine => ({ initial: null, adjusted: null, actual: null });
  return {
    schemaVersion: REPORT_DOCUMENT_SCHEMA_VERSION,
    source,
    unit: { name: null, regionName: null, level: null },
    fiscalYear: null,
    reportKind: 'department_overall',
    reportDate: null,
    score: { total: null, grade: null, gradeText: null },
    budget: { total: { ...line(), executionRateStated: null, carryover: null, adjustmentStated: null }, basic: line(), project: line() },
    threePublic: {
      budget: null,
      actual: null,
      priorYearActual: null,
      reception: null,
      vehiclePurchase: null,
      vehicleOperation: null,
      overseas: null,
    },
    staff: { quota: null, actual: null },
    indicators: [],
    scoreBreakdown: [],
    findings: { problems: [], measures: [] },
    warnings: [],
    provenance: {},
  };
}
