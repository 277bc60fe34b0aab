import { assessIndicator, type IndicatorAssessment } from '@hunan-perf/metrics';
import type { DataSource } from 'typeorm';
import { ReportRowsRepository } from './report-rows.repository.js';

interface Row extends StoredIndicatorCells {
  id: string;
  report_id: string;
}

interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** The cells of a stored indicator row, as libs/metrics assesses them (numeric columns arrive as strings). */
export interface StoredIndicatorCells {
  level1: string | null;
  level2: string | null;
  name: string | null;
  target: string | null;
  actual: string | null;
  weight: string | null;
  score: string | null;
}

export function assessStored(row: StoredIndicatorCells): IndicatorAssessment {
  return assessIndicator({ ...row, weight: row.weight === null ? null : Number(row.weight), score: row.score === null ? null : Number(row.score) });
}

/** Writes assessments to their indicator rows in one statement. */
export async function writeAssessments(m: Queryable, ids: string[], assessed: IndicatorAssessment[]): Promise<void> {
  await m.query(
    `UPDATE report_indicator i SET quantitative = v.q, comparator = v.c, status = v.s
       FROM unnest($1::bigint[], $2::boolean[], $3::text[], $4::text[]) AS v(id, q, c, s) WHERE i.id = v.id`,
    [ids, assessed.map((a) => a.quantitative), assessed.map((a) => a.comparator), assessed.map((a) => a.status)],
  );
}

/**
 * Data backfill, run at start-up after migrations: indicator rows written before their assessment
 * was stored get it now (libs/metrics), and their reports' metrics are refreshed. Idempotent.
 */
export async function backfillIndicatorAssessments(db: DataSource, batch = 5_000): Promise<number> {
  let total = 0;
  for (;;) {
    const rows: Row[] = await db.query(
      `SELECT id, report_id, level1, level2, name, target, actual, weight, score FROM report_indicator WHERE status IS NULL LIMIT $1`,
      [batch],
    );
    if (rows.length === 0) return total;
    const assessed = rows.map(assessStored);
    await db.transaction(async (m) => {
      await writeAssessments(m, rows.map((r) => r.id), assessed);
      await new ReportRowsRepository().refreshMetrics(m, [...new Set(rows.map((r) => r.report_id))]);
    });
    total += rows.length;
  }
}
