import { assessStored, writeAssessments, type StoredIndicatorCells } from './indicator-backfill.js';
import type { DataSource, EntityManager } from 'typeorm';
import { qualityThresholds, refreshAllQuality } from '../quality/report-quality.js';

export interface RecomputeSummary {
  /** Indicator rows whose stored assessment (quantitative, comparator, status) changed. */
  indicators: number;
  /** report_metric rows whose values changed. */
  metrics: number;
  /** data_version after the recompute (moved once, whatever changed). */
  dataVersion: string;
}

interface IndicatorRow extends StoredIndicatorCells {
  id: string;
  quantitative: boolean | null;
  comparator: string | null;
  status: string | null;
}

const BATCH = 5_000;

/**
 * After a metric definition changes: every stored value that depends on it, recomputed in one
 * transaction — each indicator row's assessment with libs/metrics, then every report_metric row
 * from the SQL view v_report_metric, then every report's quality flags — and data_version moved, so no cached analytics answer
 * outlives the old definition. Readers see the old values or the new ones, never a mix.
 */
export async function recomputeStoredMetrics(db: DataSource): Promise<RecomputeSummary> {
  return db.transaction(async (m) => {
    // One recompute at a time; writers of reports keep working (they refresh their own rows).
    await m.query(`SELECT pg_advisory_xact_lock(7302)`);
    const indicators = await reassessIndicators(m);
    const [, metrics] = (await m.query(
      `UPDATE report_metric m SET
         budget_initial = v.budget_initial, budget_adjusted = v.budget_adjusted, budget_actual = v.budget_actual,
         execution_rate = v.execution_rate, adjustment_ratio = v.adjustment_ratio,
         three_public_control_rate = v.three_public_control_rate, project_share = v.project_share,
         indicator_completion = v.indicator_completion, met = v.met, unmet = v.unmet, qualitative = v.qualitative, unknown = v.unknown,
         indicator_weight_sum = v.indicator_weight_sum, indicator_score_sum = v.indicator_score_sum, warning_count = v.warning_count
        FROM v_report_metric v
       WHERE v.report_id = m.report_id AND ROW(m.*) IS DISTINCT FROM ROW(v.*)`,
    )) as [unknown, number];
    // Reports that have no stored row yet (none should) get one.
    const inserted: unknown[] = await m.query(
      `INSERT INTO report_metric SELECT v.* FROM v_report_metric v
        WHERE NOT EXISTS (SELECT 1 FROM report_metric m WHERE m.report_id = v.report_id) RETURNING report_id`,
    );
    // Quality flags read the metrics (执行率) and the indicator rows.
    await refreshAllQuality(m, await qualityThresholds(m));
    const [[{ version }]] = (await m.query(`UPDATE data_version SET version = version + 1 RETURNING version::text`)) as [[{ version: string }], number];
    return { indicators, metrics: metrics + inserted.length, dataVersion: version };
  });
}

/** Every indicator row assessed again, in id order and batches; only changed rows are written. */
async function reassessIndicators(m: EntityManager): Promise<number> {
  let changed = 0;
  let after = '0';
  for (;;) {
    const rows: IndicatorRow[] = await m.query(
      `SELECT id::text, level1, level2, name, target, actual, weight, score, quantitative, comparator, status
         FROM report_indicator WHERE id > $1::bigint ORDER BY id LIMIT $2`,
      [after, BATCH],
    );
    if (rows.length === 0) return changed;
    after = rows.at(-1)!.id;
    const updates = rows
      .map((r) => ({ r, a: assessStored(r) }))
      .filter(({ r, a }) => r.quantitative !== a.quantitative || r.comparator !== a.comparator || r.status !== a.status);
    if (updates.length) {
      await writeAssessments(m, updates.map((u) => u.r.id), updates.map((u) => u.a));
      changed += updates.length;
    }
  }
}
