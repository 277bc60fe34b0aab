import { compact } from '../segment/cells.js';
import type { ReportDocument } from '@hunan-perf/contracts';

/** One hand-read truth record in the realdocs format (../shared/realdocs/README.md). */
export interface TruthRecord {
  file: string;
  unit_name?: string | null;
  fiscal_year?: number | null;
  total_score?: number | null;
  grade?: string | null;
  initial_budget?: number | null;
  adjusted_budget?: number | null;
  actual_spend?: number | null;
  execution_rate_stated?: number | null;
  basic_spend?: number | null;
  project_spend?: number | null;
  three_public_budget?: number | null;
  three_public_actual?: number | null;
  staff_quota?: number | null;
  staff_actual?: number | null;
  indicators?: TruthIndicator[];
  problems_count?: number | null;
  [key: string]: unknown;
}

export interface TruthIndicator {
  name: string;
  target: string | null;
  actual: string | null;
  weight: number | null;
  score: number | null;
  [key: string]: unknown;
}

type Kind = 'number' | 'text' | 'contains';

/** Each checked truth key, the ReportDocument value it is compared with, and how. */
export const TRUTH_FIELDS: { key: keyof TruthRecord & string; kind: Kind; read: (d: ReportDocument) => unknown }[] = [
  { key: 'unit_name', kind: 'contains', read: (d) => d.unit.name },
  { key: 'fiscal_year', kind: 'number', read: (d) => d.fiscalYear },
  { key: 'total_score', kind: 'number', read: (d) => d.score.total },
  { key: 'grade', kind: 'text', read: (d) => d.score.grade },
  { key: 'initial_budget', kind: 'number', read: (d) => d.budget.total.initial },
  { key: 'adjusted_budget', kind: 'number', read: (d) => d.budget.total.adjusted },
  { key: 'actual_spend', kind: 'number', read: (d) => d.budget.total.actual },
  { key: 'execution_rate_stated', kind: 'number', read: (d) => d.budget.total.executionRateStated },
  { key: 'basic_spend', kind: 'number', read: (d) => d.budget.basic.actual },
  { key: 'project_spend', kind: 'number', read: (d) => d.budget.project.actual },
  { key: 'three_public_budget', kind: 'number', read: (d) => d.threePublic.budget },
  { key: 'three_public_actual', kind: 'number', read: (d) => d.threePublic.actual },
  { key: 'staff_quota', kind: 'number', read: (d) => d.staff.quota },
  { key: 'staff_actual', kind: 'number', read: (d) => d.staff.actual },
  { key: 'problems_count', kind: 'number', read: (d) => d.findings.problems.length },
];

export const INDICATOR_FIELDS = ['target', 'actual', 'weight', 'score'] as const;


/** Right when equal to the truth: numbers ± 0.01, strings with whitespace ignored, null only by null. */
export function matches(kind: Kind, truth: unknown, value: unknown): boolean {
  if (truth === null || truth === undefined) return value === null || value === undefined;
  if (value === null || value === undefined) return false;
  if (kind === 'number') return typeof value === 'number' && Math.abs(value - Number(truth)) <= 0.01 + 1e-9;
  if (kind === 'contains') return compact(String(value)).includes(compact(String(truth)));
  return compact(String(value)) === compact(String(truth));
}
