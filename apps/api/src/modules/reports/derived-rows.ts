import { DEFAULT_QUALITY_THRESHOLDS, type QualityThresholds } from '@hunan-perf/metrics';
import type { EntityManager } from 'typeorm';
import { computeQuality, QUALITY_THRESHOLDS_KEY, qualityInputs, type QualityInputRow, qualityUpsert } from '../quality/report-quality.js';

/** Recomputes report_metric of the reports $1 (uuid[]) from their normalised rows with the SQL definitions (v_report_metric). */
export const METRIC_UPSERT = `INSERT INTO report_metric SELECT * FROM v_report_metric WHERE report_id = ANY($1::uuid[])
       ON CONFLICT (report_id) DO UPDATE SET
         budget_initial = EXCLUDED.budget_initial, budget_adjusted = EXCLUDED.budget_adjusted, budget_actual = EXCLUDED.budget_actual,
         execution_rate = EXCLUDED.execution_rate, adjustment_ratio = EXCLUDED.adjustment_ratio,
         three_public_control_rate = EXCLUDED.three_public_control_rate, project_share = EXCLUDED.project_share,
         indicator_completion = EXCLUDED.indicator_completion, met = EXCLUDED.met, unmet = EXCLUDED.unmet,
         qualitative = EXCLUDED.qualitative, unknown = EXCLUDED.unknown, indicator_weight_sum = EXCLUDED.indicator_weight_sum,
         indicator_score_sum = EXCLUDED.indicator_score_sum, warning_count = EXCLUDED.warning_count`;

/**
 * What is derived from new reports' normalised rows (written by an earlier statement), in one round
 * trip: report_metric recomputed, and the quality inputs read with the admin's thresholds. Returns
 * the statement that stores the quality flags, for the caller to run alone or with its audit entry
 * (AuditService.record's `alongside`) — what refreshMetrics then refreshQuality do in five trips.
 */
export async function refreshMetricsReadQuality(m: EntityManager, reportIds: string[]): Promise<{ sql: string; params: unknown[] }> {
  const rows: (QualityInputRow & { thresholds: QualityThresholds | null })[] = await m.query(
    `WITH metric AS (${METRIC_UPSERT} RETURNING report_id, execution_rate, warning_count)
     SELECT q.*, (SELECT value FROM setting WHERE key = $2) AS thresholds FROM (${qualityInputs('metric')} WHERE r.id = ANY($1::uuid[])) q`,
    [reportIds, QUALITY_THRESHOLDS_KEY],
  );
  const thresholds = rows[0]?.thresholds ?? DEFAULT_QUALITY_THRESHOLDS;
  return qualityUpsert(computeQuality(rows.map(({ thresholds: _, ...input }) => input), thresholds), thresholds);
}
