import type { ReportDocument } from '@hunan-perf/contracts';
import { coverageOf } from '@hunan-perf/report-parser';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Data backfill of report.coverage / coverage_percent (migration 1764400000000 adds them NULL):
 * reports stored before coverage existed get it from their stored document with the engine's
 * own definition (coverageOf), never an SQL approximation. Idempotent and batched; only rows
 * still NULL are read (report_coverage_missing_idx). Documents that are not whole
 * ReportDocuments (the SQL-generated synthetic province dataset stores a stub) are left NULL.
 * Returns the number of reports filled.
 */
export async function backfillCoverage(db: DataSource | EntityManager, batch = 200): Promise<number> {
  let total = 0;
  for (;;) {
    const rows: { id: string; document: ReportDocument }[] = await db.query(
      `SELECT id, document FROM report
        WHERE coverage IS NULL AND document ? 'budget' AND document ? 'indicators'
        LIMIT $1`,
      [batch],
    );
    if (rows.length === 0) return total;
    const coverages = rows.map((r) => coverageOf(r.document));
    await db.query(
      `UPDATE report r SET coverage = v.c, coverage_percent = (v.c ->> 'percent')::numeric
         FROM unnest($1::uuid[], $2::jsonb[]) AS v(id, c) WHERE r.id = v.id AND r.coverage IS NULL`,
      [rows.map((r) => r.id), coverages.map((c) => JSON.stringify(c))],
    );
    total += rows.length;
  }
}
