import { Injectable } from '@nestjs/common';
import type { ReportDocument } from '@hunan-perf/contracts';
import { assessIndicator } from '@hunan-perf/metrics';
import { coverageOf } from '@hunan-perf/report-parser';
import type { EntityManager } from 'typeorm';
import { classificationRows } from '../analytics/problem-classification.js';
import { refreshQuality } from '../quality/report-quality.js';

const BUDGET_LINES = ['total', 'basic', 'project'] as const;

/**
 * The normalised copy of a report's ReportDocument (budget lines, 三公, indicators with their
 * canonical category, breakdown, findings, warnings) that SQL analytics read, and the report's
 * coverage (what the review queue orders by). Always rewritten whole, inside the caller's
 * transaction, whenever the document changes.
 */
@Injectable()
export class ReportRowsRepository {
  /**
   * Replaces every normalised row of the report in two round trips (one for a new report):
   * the old rows go in one statement, the new rows and the report's summary columns in another.
   * Coverage is recounted from the document (as insert does), so the stored document's coverage,
   * report.coverage and report.coverage_percent always agree.
   */
  async replace(m: EntityManager, reportId: string, doc: ReportDocument, fresh = false): Promise<void> {
    const coverage = coverageOf(doc);
    if (!fresh) {
      await m.query(
        `WITH b AS (DELETE FROM report_budget WHERE report_id = $1), t AS (DELETE FROM report_three_public WHERE report_id = $1),
              i AS (DELETE FROM report_indicator WHERE report_id = $1), s AS (DELETE FROM report_score_breakdown WHERE report_id = $1),
              f AS (DELETE FROM report_finding WHERE report_id = $1), pt AS (DELETE FROM report_problem_theme WHERE report_id = $1),
              pw AS (DELETE FROM report_problem_word WHERE report_id = $1)
         DELETE FROM report_warning WHERE report_id = $1`,
        [reportId],
      );
    }
    const t = doc.threePublic;
    const ind = doc.indicators;
    const assessed = ind.map((row) => assessIndicator(row));
    const sb = doc.scoreBreakdown;
    const findings = [
      ...doc.findings.problems.map((text, i) => ({ kind: 'problem', position: i, text })),
      ...doc.findings.measures.map((text, i) => ({ kind: 'measure', position: i, text })),
    ];
    const problemTerms = classificationRows(doc.findings.problems.map((text, position) => ({ report: reportId, position, text })));
    await m.query(
      `WITH report_update AS (
         UPDATE report SET fiscal_year = $2, kind = $3, score_total = $4, grade = $5, staff_quota = $6, staff_actual = $7,
                extracted_document = CASE WHEN $8::jsonb IS NULL THEN extracted_document ELSE COALESCE(extracted_document, document) END,
                document = COALESCE($8::jsonb, document), coverage = $44::jsonb, coverage_percent = $45, updated_at = now()
          WHERE id = $1),
       budget AS (
         INSERT INTO report_budget (report_id, line, initial_amount, adjusted_amount, actual_amount, execution_rate_stated,
                                    carryover_amount, adjustment_stated_amount)
         SELECT $1, * FROM unnest($9::text[], $10::numeric[], $11::numeric[], $12::numeric[], $13::numeric[], $47::numeric[], $48::numeric[])),
       three_public AS (
         INSERT INTO report_three_public (report_id, budget, actual, prior_year_actual, reception, vehicle_purchase, vehicle_operation, overseas)
         VALUES ($1, $14, $15, $16, $17, $18, $19, $20)),
       indicators AS (
         INSERT INTO report_indicator (report_id, position, level1, level2, name, target, actual, weight, score, note, quantitative, comparator, status, category)
         SELECT $1, * FROM unnest($21::int[], $22::text[], $23::text[], $24::text[], $25::text[], $26::text[], $27::numeric[], $28::numeric[], $29::text[],
                                  $41::boolean[], $42::text[], $43::text[], $46::text[])),
       breakdown AS (
         INSERT INTO report_score_breakdown (report_id, position, level1, level2, weight, score)
         SELECT $1, * FROM unnest($30::int[], $31::text[], $32::text[], $33::numeric[], $34::numeric[])),
       findings AS (
         INSERT INTO report_finding (report_id, kind, position, text) SELECT $1, * FROM unnest($35::text[], $36::int[], $37::text[])),
       problem_themes AS (
         INSERT INTO report_problem_theme (report_id, theme, positions) SELECT $1, t.theme, t.positions::int[] FROM unnest($49::text[], $50::text[]) AS t(theme, positions)),
       problem_words AS (
         INSERT INTO report_problem_word (report_id, word, statements) SELECT $1, * FROM unnest($51::text[], $52::int[]))
       INSERT INTO report_warning (report_id, code, message, path) SELECT $1, * FROM unnest($38::text[], $39::text[], $40::text[])`,
      [
        // A fresh report was inserted with this very document.
        reportId, doc.fiscalYear, doc.reportKind, doc.score.total, doc.score.grade, doc.staff.quota, doc.staff.actual, fresh ? null : JSON.stringify({ ...doc, coverage }),
        [...BUDGET_LINES], BUDGET_LINES.map((l) => doc.budget[l].initial), BUDGET_LINES.map((l) => doc.budget[l].adjusted),
        BUDGET_LINES.map((l) => doc.budget[l].actual), [doc.budget.total.executionRateStated, null, null],
        t.budget, t.actual, t.priorYearActual, t.reception, t.vehiclePurchase, t.vehicleOperation, t.overseas,
        ind.map((_, i) => i), ind.map((r) => r.level1), ind.map((r) => r.level2), ind.map((r) => r.name), ind.map((r) => r.target),
        ind.map((r) => r.actual), ind.map((r) => r.weight), ind.map((r) => r.score), ind.map((r) => r.note),
        sb.map((_, i) => i), sb.map((r) => r.level1), sb.map((r) => r.level2), sb.map((r) => r.weight), sb.map((r) => r.score),
        findings.map((f) => f.kind), findings.map((f) => f.position), findings.map((f) => f.text),
        doc.warnings.map((w) => w.code), doc.warnings.map((w) => w.message), doc.warnings.map((w) => w.path),
        assessed.map((a) => a.quantitative), assessed.map((a) => a.comparator), assessed.map((a) => a.status),
        JSON.stringify(coverage), coverage.percent, ind.map((r) => r.category ?? null),
        // The total line's 结转结余 and stated 追加/调整 (optional in the contract: null when absent).
        [doc.budget.total.carryover ?? null, null, null], [doc.budget.total.adjustmentStated ?? null, null, null],
        // Each 存在的问题 statement's themes and words (the problems endpoint reads them).
        problemTerms.themes[1], problemTerms.themes[2], problemTerms.words[1], problemTerms.words[2],
      ],
    );
    await this.refreshMetrics(m, [reportId]);
    await refreshQuality(m, [reportId]);
  }

  /** Recomputes report_metric from the normalised rows with the SQL definitions (v_report_metric). */
  async refreshMetrics(m: EntityManager, reportIds: string[]): Promise<void> {
    await m.query(
      `INSERT INTO report_metric SELECT * FROM v_report_metric WHERE report_id = ANY($1::uuid[])
       ON CONFLICT (report_id) DO UPDATE SET
         budget_initial = EXCLUDED.budget_initial, budget_adjusted = EXCLUDED.budget_adjusted, budget_actual = EXCLUDED.budget_actual,
         execution_rate = EXCLUDED.execution_rate, adjustment_ratio = EXCLUDED.adjustment_ratio,
         three_public_control_rate = EXCLUDED.three_public_control_rate, project_share = EXCLUDED.project_share,
         indicator_completion = EXCLUDED.indicator_completion, met = EXCLUDED.met, unmet = EXCLUDED.unmet,
         qualitative = EXCLUDED.qualitative, unknown = EXCLUDED.unknown, indicator_weight_sum = EXCLUDED.indicator_weight_sum,
         indicator_score_sum = EXCLUDED.indicator_score_sum, warning_count = EXCLUDED.warning_count`,
      [reportIds],
    );
  }
}
