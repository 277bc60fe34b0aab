import { DEFAULT_QUALITY_THRESHOLDS, qualityFlags, type QualityInput, type QualityThresholds } from '@hunan-perf/metrics';
import type { DataSource } from 'typeorm';

export const QUALITY_THRESHOLDS_KEY = 'quality.thresholds';

interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

const BATCH = 2_000;

/** The admin's thresholds, else the defaults of libs/metrics. */
export async function qualityThresholds(m: Queryable): Promise<QualityThresholds> {
  const rows = (await m.query(`SELECT value FROM setting WHERE key = $1`, [QUALITY_THRESHOLDS_KEY])) as { value: QualityThresholds }[];
  return rows[0]?.value ?? DEFAULT_QUALITY_THRESHOLDS;
}

/** What qualityFlags reads of each report, from its stored rows and the metrics in `metrics` (report_metric, or a CTE of it). */
export const qualityInputs = (metrics: string) => `
  SELECT r.id AS "reportId", r.score_total::float8 AS "scoreTotal", m.execution_rate::float8 AS "executionRate", m.warning_count AS "warningCount",
         (SELECT COALESCE(json_agg(json_build_object('level1', i.level1, 'level2', i.level2, 'name', i.name, 'target', i.target, 'actual', i.actual,
                                                     'weight', i.weight::float8, 'score', i.score::float8) ORDER BY i.position), '[]')
            FROM report_indicator i WHERE i.report_id = r.id) AS indicators,
         (SELECT COALESCE(json_agg(json_build_object('level2', b.level2, 'weight', b.weight::float8) ORDER BY b.position), '[]')
            FROM report_score_breakdown b WHERE b.report_id = r.id) AS breakdown,
         (SELECT COALESCE(json_agg(f.text ORDER BY f.position), '[]') FROM report_finding f WHERE f.report_id = r.id AND f.kind = 'problem') AS problems
    FROM report r JOIN ${metrics} m ON m.report_id = r.id`;

export type QualityInputRow = QualityInput & { reportId: string };

/** The flags of each report under the thresholds, as qualityUpsert stores them. */
export function computeQuality(inputs: QualityInputRow[], t: QualityThresholds) {
  return inputs.map((input) => {
    const flags = qualityFlags(input, t);
    return { reportId: input.reportId, codes: flags.map((f) => f.code), flags };
  });
}

/** The statement storing computed flags ($1 the flags, $2 the thresholds version), for m.query or as a CTE. */
export function qualityUpsert(computed: ReturnType<typeof computeQuality>, t: QualityThresholds): { sql: string; params: unknown[] } {
  return {
    sql: `INSERT INTO report_quality (report_id, flag_codes, flags, thresholds_version)
     SELECT (x->>'reportId')::uuid, ARRAY(SELECT jsonb_array_elements_text(x->'codes')), x->'flags', $2 FROM jsonb_array_elements($1::jsonb) x
     ON CONFLICT (report_id) DO UPDATE SET flag_codes = EXCLUDED.flag_codes, flags = EXCLUDED.flags,
       thresholds_version = EXCLUDED.thresholds_version, computed_at = now()`,
    params: [JSON.stringify(computed), t.version],
  };
}

/**
 * Recomputes and stores the quality flags of the given reports from their stored rows, inside the
 * caller's transaction (after the rows and report_metric are written).
 */
export async function refreshQuality(m: Queryable, reportIds: string[], thresholds?: QualityThresholds): Promise<void> {
  if (!reportIds.length) return;
  const t = thresholds ?? (await qualityThresholds(m));
  const inputs = (await m.query(`${qualityInputs('report_metric')} WHERE r.id = ANY($1::uuid[])`, [reportIds])) as QualityInputRow[];
  const { sql, params } = qualityUpsert(computeQuality(inputs, t), t);
  await m.query(sql, params);
}

/** Every report's flags again under new thresholds (in id batches, inside the caller's transaction); returns how many. */
export async function refreshAllQuality(m: Queryable, thresholds: QualityThresholds): Promise<number> {
  let after = '00000000-0000-0000-0000-000000000000';
  let total = 0;
  for (;;) {
    const ids = ((await m.query(`SELECT id FROM report WHERE id > $1 ORDER BY id LIMIT $2`, [after, BATCH])) as { id: string }[]).map((r) => r.id);
    if (!ids.length) return total;
    await refreshQuality(m, ids, thresholds);
    after = ids.at(-1)!;
    total += ids.length;
  }
}

/** Data backfill at start-up: reports stored before quality flags existed get theirs. Idempotent. */
export async function backfillQuality(db: DataSource): Promise<number> {
  let total = 0;
  for (;;) {
    const ids = ((await db.query(
      `SELECT r.id FROM report r JOIN report_metric m ON m.report_id = r.id
        WHERE NOT EXISTS (SELECT 1 FROM report_quality q WHERE q.report_id = r.id) LIMIT $1`,
      [BATCH],
    )) as { id: string }[]).map((r) => r.id);
    if (!ids.length) return total;
    await db.transaction((m) => refreshQuality(m, ids));
    total += ids.length;
  }
}
