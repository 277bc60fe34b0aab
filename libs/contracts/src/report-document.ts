/**
 * ReportDocument v1 — the interchange contract of ../shared/spec/report-document.md.
 * Field names are binding: add fields if needed, never rename or drop these.
 *
 * Amounts are 万元, rates are percent, anything not found is null (never 0).
 */

export const REPORT_DOCUMENT_SCHEMA_VERSION = 1 as const;

export const SOURCE_FORMATS = ['txt', 'docx', 'pdf', 'xlsx', 'json'] as const;
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

export interface IndicatorRow {
  level1: string | null;
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
    budget: { total: { ...line(), executionRateStated: null }, basic: line(), project: line() },
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
