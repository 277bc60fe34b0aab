import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The contract's 预算调整率 and its one rounding rule in SQL.
 *
 * - report_budget gains the total line's 上年结转结余 (carryover_amount) and the 追加/调整 amount
 *   the report states (adjustment_stated_amount), backfilled from each version's stored document
 *   (documents stored before the engine read them have neither: they stay NULL).
 * - metric_percent(n, d): n ÷ d × 100 rounded half away from zero at two decimals, on numeric
 *   only. The numerator is widened to 30 decimals so the quotient PostgreSQL rounds to is exact
 *   enough: for amounts of at most 16 digits a quotient that is not exactly on a .xx5 boundary is
 *   at least 1e-19 away from it, far above the 1e-30 of the division.
 * - v_report_metric: adjustmentStated ÷ initial × 100 where stated, else
 *   (adjusted − carryover − initial) ÷ initial × 100 (carryover NULL → 0); every rate through
 *   metric_percent. Same columns as before, so report_metric keeps its shape.
 * - report_metric is recomputed for every stored version and data_version moves, so no cached
 *   analytics answer outlives the old definition.
 */
export class AdjustmentRatio1764600000000 implements MigrationInterface {
  name = 'AdjustmentRatio1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE report_budget ADD COLUMN carryover_amount numeric(16,2)`);
    await q.query(`ALTER TABLE report_budget ADD COLUMN adjustment_stated_amount numeric(16,2)`);
    await q.query(`ALTER TABLE report_budget ADD CONSTRAINT report_budget_total_only
                     CHECK (line = 'total' OR (carryover_amount IS NULL AND adjustment_stated_amount IS NULL))`);
    await q.query(`
      UPDATE report_budget b
         SET carryover_amount = CASE WHEN jsonb_typeof(r.document #> '{budget,total,carryover}') = 'number'
                                     THEN (r.document #>> '{budget,total,carryover}')::numeric END,
             adjustment_stated_amount = CASE WHEN jsonb_typeof(r.document #> '{budget,total,adjustmentStated}') = 'number'
                                             THEN (r.document #>> '{budget,total,adjustmentStated}')::numeric END
        FROM report r
       WHERE r.id = b.report_id AND b.line = 'total'`);
    await q.query(`
      CREATE FUNCTION metric_percent(numerator numeric, denominator numeric) RETURNS numeric
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
          SELECT CASE WHEN numerator IS NULL OR denominator IS NULL OR denominator = 0 THEN NULL
                      ELSE round((numerator * 100)::numeric(60,30) / denominator, 2) END
        $$`);
    await q.query(viewSql(`
             -- 预算调整率: adjustmentStated ÷ initial × 100 where stated, else (adjusted − carryover − initial) ÷ initial × 100
             CASE WHEN bt.adjustment_stated_amount IS NOT NULL THEN metric_percent(bt.adjustment_stated_amount, bt.initial_amount)
                  WHEN bt.adjusted_amount IS NOT NULL
                  THEN metric_percent(bt.adjusted_amount - COALESCE(bt.carryover_amount, 0) - bt.initial_amount, bt.initial_amount)
             END AS adjustment_ratio`, 'metric_percent'));
    await recompute(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(viewSql(`
             CASE WHEN bt.adjusted_amount IS NULL OR bt.initial_amount IS NULL OR bt.initial_amount = 0 THEN NULL
                  ELSE round((bt.adjusted_amount - bt.initial_amount) / bt.initial_amount * 100, 2) END AS adjustment_ratio`, 'legacy'));
    await q.query(`DROP FUNCTION metric_percent(numeric, numeric)`);
    await recompute(q);
    await q.query(`ALTER TABLE report_budget DROP CONSTRAINT report_budget_total_only`);
    await q.query(`ALTER TABLE report_budget DROP COLUMN adjustment_stated_amount`);
    await q.query(`ALTER TABLE report_budget DROP COLUMN carryover_amount`);
  }
}

/** The percent expressions: through metric_percent, or as 1764100000000 wrote them (for down). */
const PERCENT = {
  metric_percent: (n: string, d: string) => `metric_percent(${n}, ${d})`,
  legacy: (n: string, d: string) => `CASE WHEN ${n} IS NULL OR ${d} IS NULL OR ${d} = 0 THEN NULL ELSE round(${n} / ${d} * 100, 2) END`,
};

function viewSql(adjustmentRatio: string, style: keyof typeof PERCENT): string {
  const pct = PERCENT[style];
  return `
      CREATE OR REPLACE VIEW v_report_metric AS
      SELECT r.id AS report_id,
             bt.initial_amount  AS budget_initial,
             bt.adjusted_amount AS budget_adjusted,
             bt.actual_amount   AS budget_actual,
             -- 预算执行率: actual ÷ adjusted × 100 (adjusted missing: actual ÷ initial)
             ${pct('bt.actual_amount', 'COALESCE(bt.adjusted_amount, bt.initial_amount)')} AS execution_rate,
             ${adjustmentRatio},
             -- 三公经费控制率: actual ÷ budget × 100
             ${pct('tp.actual', 'tp.budget')} AS three_public_control_rate,
             -- 项目支出占比: project.actual ÷ total.actual × 100
             ${pct('bp.actual_amount', 'bt.actual_amount')} AS project_share,
             -- 指标完成率: met ÷ (met + unmet) × 100 over quantitative indicators
             ${pct('ic.met::numeric', '(ic.met + ic.unmet)::numeric')} AS indicator_completion,
             ic.met, ic.unmet, ic.qualitative, ic.unknown,
             ic.weight_sum AS indicator_weight_sum,
             ic.score_sum AS indicator_score_sum,
             (SELECT count(*)::int FROM report_warning w WHERE w.report_id = r.id) AS warning_count
        FROM report r
        LEFT JOIN report_budget bt ON bt.report_id = r.id AND bt.line = 'total'
        LEFT JOIN report_budget bp ON bp.report_id = r.id AND bp.line = 'project'
        LEFT JOIN report_three_public tp ON tp.report_id = r.id
        LEFT JOIN LATERAL (
          SELECT count(*) FILTER (WHERE i.quantitative AND i.status = 'met')::int   AS met,
                 count(*) FILTER (WHERE i.quantitative AND i.status = 'unmet')::int AS unmet,
                 count(*) FILTER (WHERE NOT i.quantitative AND i.status IN ('met', 'unmet', 'qualitative'))::int AS qualitative,
                 count(*) FILTER (WHERE i.status = 'unknown')::int AS unknown,
                 sum(i.weight) FILTER (WHERE i.weight IS NOT NULL AND i.score IS NOT NULL) AS weight_sum,
                 sum(i.score)  FILTER (WHERE i.weight IS NOT NULL AND i.score IS NOT NULL) AS score_sum
            FROM report_indicator i WHERE i.report_id = r.id
        ) ic ON true`;
}

/** Every stored metric row from the view as it now stands, and one move of data_version. */
async function recompute(q: QueryRunner): Promise<void> {
  await q.query(`
    UPDATE report_metric m
       SET execution_rate = v.execution_rate, adjustment_ratio = v.adjustment_ratio,
           three_public_control_rate = v.three_public_control_rate, project_share = v.project_share,
           indicator_completion = v.indicator_completion
      FROM v_report_metric v
     WHERE v.report_id = m.report_id
       AND (m.execution_rate, m.adjustment_ratio, m.three_public_control_rate, m.project_share, m.indicator_completion)
           IS DISTINCT FROM (v.execution_rate, v.adjustment_ratio, v.three_public_control_rate, v.project_share, v.indicator_completion)`);
  await q.query(`UPDATE data_version SET version = version + 1`);
}
