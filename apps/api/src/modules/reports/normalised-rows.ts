import type { ReportDocument } from '@hunan-perf/contracts';
import { assessIndicator } from '@hunan-perf/metrics';
import { classificationRows } from '../analytics/problem-classification.js';

const BUDGET_LINES = ['total', 'basic', 'project'] as const;

/** Positional parameters of one statement built in pieces: `add` returns the placeholder of a value. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown, cast = ''): string {
    this.values.push(value);
    return `$${this.values.length}${cast ? `::${cast}` : ''}`;
  }
}

/**
 * The INSERTs of a report's normalised rows (budget lines, 三公, indicators with their canonical
 * category and assessment, breakdown, findings, problem themes and words, warnings) as CTEs, one
 * multi-row statement per table, for one statement with whatever writes the report itself.
 * `id` is the placeholder of the report's id.
 */
export function normalisedRowInserts(p: SqlParams, id: string, reportId: string, doc: ReportDocument): string {
  const t = doc.threePublic;
  const ind = doc.indicators;
  const assessed = ind.map((row) => assessIndicator(row));
  const sb = doc.scoreBreakdown;
  const findings = [
    ...doc.findings.problems.map((text, i) => ({ kind: 'problem', position: i, text })),
    ...doc.findings.measures.map((text, i) => ({ kind: 'measure', position: i, text })),
  ];
  // Each 存在的问题 statement's themes and words (the problems endpoint reads them).
  const problemTerms = classificationRows(doc.findings.problems.map((text, position) => ({ report: reportId, position, text })));
  const b = doc.budget;
  // The total line's 结转结余 and stated 追加/调整 are optional in the contract: null when absent.
  return `budget AS (
         INSERT INTO report_budget (report_id, line, initial_amount, adjusted_amount, actual_amount, execution_rate_stated,
                                    carryover_amount, adjustment_stated_amount)
         SELECT ${id}, * FROM unnest(${p.add([...BUDGET_LINES], 'text[]')}, ${p.add(BUDGET_LINES.map((l) => b[l].initial), 'numeric[]')},
                                     ${p.add(BUDGET_LINES.map((l) => b[l].adjusted), 'numeric[]')}, ${p.add(BUDGET_LINES.map((l) => b[l].actual), 'numeric[]')},
                                     ${p.add([b.total.executionRateStated, null, null], 'numeric[]')},
                                     ${p.add([b.total.carryover ?? null, null, null], 'numeric[]')}, ${p.add([b.total.adjustmentStated ?? null, null, null], 'numeric[]')})),
       three_public AS (
         INSERT INTO report_three_public (report_id, budget, actual, prior_year_actual, reception, vehicle_purchase, vehicle_operation, overseas)
         VALUES (${id}, ${[t.budget, t.actual, t.priorYearActual, t.reception, t.vehiclePurchase, t.vehicleOperation, t.overseas].map((v) => p.add(v)).join(', ')})),
       indicators AS (
         INSERT INTO report_indicator (report_id, position, level1, level2, name, target, actual, weight, score, note, quantitative, comparator, status, category)
         SELECT ${id}, * FROM unnest(${p.add(ind.map((_, i) => i), 'int[]')}, ${p.add(ind.map((r) => r.level1), 'text[]')}, ${p.add(ind.map((r) => r.level2), 'text[]')},
                                     ${p.add(ind.map((r) => r.name), 'text[]')}, ${p.add(ind.map((r) => r.target), 'text[]')}, ${p.add(ind.map((r) => r.actual), 'text[]')},
                                     ${p.add(ind.map((r) => r.weight), 'numeric[]')}, ${p.add(ind.map((r) => r.score), 'numeric[]')}, ${p.add(ind.map((r) => r.note), 'text[]')},
                                     ${p.add(assessed.map((a) => a.quantitative), 'boolean[]')}, ${p.add(assessed.map((a) => a.comparator), 'text[]')},
                                     ${p.add(assessed.map((a) => a.status), 'text[]')}, ${p.add(ind.map((r) => r.category ?? null), 'text[]')})),
       breakdown AS (
         INSERT INTO report_score_breakdown (report_id, position, level1, level2, weight, score)
         SELECT ${id}, * FROM unnest(${p.add(sb.map((_, i) => i), 'int[]')}, ${p.add(sb.map((r) => r.level1), 'text[]')}, ${p.add(sb.map((r) => r.level2), 'text[]')},
                                     ${p.add(sb.map((r) => r.weight), 'numeric[]')}, ${p.add(sb.map((r) => r.score), 'numeric[]')})),
       findings AS (
         INSERT INTO report_finding (report_id, kind, position, text)
         SELECT ${id}, * FROM unnest(${p.add(findings.map((f) => f.kind), 'text[]')}, ${p.add(findings.map((f) => f.position), 'int[]')}, ${p.add(findings.map((f) => f.text), 'text[]')})),
       problem_themes AS (
         INSERT INTO report_problem_theme (report_id, theme, positions)
         SELECT ${id}, t.theme, t.positions::int[] FROM unnest(${p.add(problemTerms.themes[1], 'text[]')}, ${p.add(problemTerms.themes[2], 'text[]')}) AS t(theme, positions)),
       problem_words AS (
         INSERT INTO report_problem_word (report_id, word, statements) SELECT ${id}, * FROM unnest(${p.add(problemTerms.words[1], 'text[]')}, ${p.add(problemTerms.words[2], 'int[]')})),
       warnings AS (
         INSERT INTO report_warning (report_id, code, message, path)
         SELECT ${id}, * FROM unnest(${p.add(doc.warnings.map((w) => w.code), 'text[]')}, ${p.add(doc.warnings.map((w) => w.message), 'text[]')}, ${p.add(doc.warnings.map((w) => w.path), 'text[]')}))`;
}
