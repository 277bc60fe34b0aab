import { Injectable } from '@nestjs/common';
import type { ReportDocument } from '@hunan-perf/contracts';
import { coverageOf } from '@hunan-perf/report-parser';
import type { EntityManager } from 'typeorm';
import { refreshQuality } from '../quality/report-quality.js';
import { METRIC_UPSERT } from './derived-rows.js';
import { normalisedRowInserts, SqlParams } from './normalised-rows.js';

/**
 * The normalised copy of a report's ReportDocument (budget lines, 三公, indicators with their
 * canonical category, breakdown, findings, warnings) that SQL analytics read, and the report's
 * coverage (what the review queue orders by). Always rewritten whole, inside the caller's
 * transaction, whenever the document changes.
 */
@Injectable()
export class ReportRowsRepository {
  /**
   * Replaces every normalised row of the report in two round trips: the old rows go in one
   * statement, the new rows and the report's summary columns in another (a new report is written
   * with its rows in one statement by insertReportWithRows). Coverage is recounted from the
   * document (as insert does), so the stored document's coverage, report.coverage and
   * report.coverage_percent always agree.
   */
  async replace(m: EntityManager, reportId: string, doc: ReportDocument): Promise<void> {
    const coverage = coverageOf(doc);
    await m.query(
      `WITH b AS (DELETE FROM report_budget WHERE report_id = $1), t AS (DELETE FROM report_three_public WHERE report_id = $1),
            i AS (DELETE FROM report_indicator WHERE report_id = $1), s AS (DELETE FROM report_score_breakdown WHERE report_id = $1),
            f AS (DELETE FROM report_finding WHERE report_id = $1), pt AS (DELETE FROM report_problem_theme WHERE report_id = $1),
            pw AS (DELETE FROM report_problem_word WHERE report_id = $1)
       DELETE FROM report_warning WHERE report_id = $1`,
      [reportId],
    );
    const p = new SqlParams();
    const id = p.add(reportId, 'uuid');
    const newDocument = p.add(JSON.stringify({ ...doc, coverage }), 'jsonb');
    await m.query(
      `WITH report_update AS (
         UPDATE report SET fiscal_year = ${p.add(doc.fiscalYear)}, kind = ${p.add(doc.reportKind)}, score_total = ${p.add(doc.score.total)},
                grade = ${p.add(doc.score.grade)}, staff_quota = ${p.add(doc.staff.quota)}, staff_actual = ${p.add(doc.staff.actual)},
                extracted_document = COALESCE(extracted_document, document), document = ${newDocument}, coverage = ${p.add(JSON.stringify(coverage), 'jsonb')},
                coverage_percent = ${p.add(coverage.percent)}, updated_at = now()
          WHERE id = ${id}),
       ${normalisedRowInserts(p, id, reportId, doc)}
       SELECT 1`,
      p.values,
    );
    await this.refreshMetrics(m, [reportId]);
    await refreshQuality(m, [reportId]);
  }

  /** Recomputes report_metric from the normalised rows with the SQL definitions (v_report_metric). */
  async refreshMetrics(m: EntityManager, reportIds: string[]): Promise<void> {
    await m.query(METRIC_UPSERT, [reportIds]);
  }
}
