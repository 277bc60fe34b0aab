import { Injectable } from '@nestjs/common';
import type { ReportDocument } from '@hunan-perf/contracts';
import type { EntityManager } from 'typeorm';

const BUDGET_LINES = ['total', 'basic', 'project'] as const;

/**
 * The normalised copy of a report's ReportDocument (budget lines, 三公, indicators, breakdown,
 * findings, warnings) that SQL analytics read. Always rewritten whole, inside the caller's
 * transaction, whenever the document changes.
 */
@Injectable()
export class ReportRowsRepository {
  async replace(m: EntityManager, reportId: string, doc: ReportDocument): Promise<void> {
    for (const table of ['report_budget', 'report_three_public', 'report_indicator', 'report_score_breakdown', 'report_finding', 'report_warning']) {
      await m.query(`DELETE FROM ${table} WHERE report_id = $1`, [reportId]);
    }
    await m.query(
      `UPDATE report SET fiscal_year = $2, kind = $3, score_total = $4, grade = $5, staff_quota = $6, staff_actual = $7,
              document = $8::jsonb, updated_at = now()
        WHERE id = $1`,
      [reportId, doc.fiscalYear, doc.reportKind, doc.score.total, doc.score.grade, doc.staff.quota, doc.staff.actual, JSON.stringify(doc)],
    );
    await m.query(
      `INSERT INTO report_budget (report_id, line, initial_amount, adjusted_amount, actual_amount, execution_rate_stated)
       SELECT $1, * FROM unnest($2::text[], $3::numeric[], $4::numeric[], $5::numeric[], $6::numeric[])`,
      [
        reportId,
        [...BUDGET_LINES],
        BUDGET_LINES.map((l) => doc.budget[l].initial),
        BUDGET_LINES.map((l) => doc.budget[l].adjusted),
        BUDGET_LINES.map((l) => doc.budget[l].actual),
        [doc.budget.total.executionRateStated, null, null],
      ],
    );
    const t = doc.threePublic;
    await m.query(
      `INSERT INTO report_three_public (report_id, budget, actual, prior_year_actual, reception, vehicle_purchase, vehicle_operation, overseas)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [reportId, t.budget, t.actual, t.priorYearActual, t.reception, t.vehiclePurchase, t.vehicleOperation, t.overseas],
    );
    if (doc.indicators.length > 0) {
      const rows = doc.indicators;
      await m.query(
        `INSERT INTO report_indicator (report_id, position, level1, level2, name, target, actual, weight, score, note)
         SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::numeric[], $9::numeric[], $10::text[])`,
        [
          reportId, rows.map((_, i) => i), rows.map((r) => r.level1), rows.map((r) => r.level2), rows.map((r) => r.name),
          rows.map((r) => r.target), rows.map((r) => r.actual), rows.map((r) => r.weight), rows.map((r) => r.score), rows.map((r) => r.note),
        ],
      );
    }
    if (doc.scoreBreakdown.length > 0) {
      const rows = doc.scoreBreakdown;
      await m.query(
        `INSERT INTO report_score_breakdown (report_id, position, level1, level2, weight, score)
         SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::numeric[], $6::numeric[])`,
        [reportId, rows.map((_, i) => i), rows.map((r) => r.level1), rows.map((r) => r.level2), rows.map((r) => r.weight), rows.map((r) => r.score)],
      );
    }
    const findings = [
      ...doc.findings.problems.map((text, i) => ({ kind: 'problem', position: i, text })),
      ...doc.findings.measures.map((text, i) => ({ kind: 'measure', position: i, text })),
    ];
    if (findings.length > 0) {
      await m.query(
        `INSERT INTO report_finding (report_id, kind, position, text) SELECT $1, * FROM unnest($2::text[], $3::int[], $4::text[])`,
        [reportId, findings.map((f) => f.kind), findings.map((f) => f.position), findings.map((f) => f.text)],
      );
    }
    if (doc.warnings.length > 0) {
      await m.query(
        `INSERT INTO report_warning (report_id, code, message, path) SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[])`,
        [reportId, doc.warnings.map((w) => w.code), doc.warnings.map((w) => w.message), doc.warnings.map((w) => w.path)],
      );
    }
  }
}
