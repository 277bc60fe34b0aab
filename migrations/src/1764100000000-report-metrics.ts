import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The metric definitions of the contract in SQL (v_report_metric), and report_metric: the same
 * rows stored per report version, refreshed in the transaction that writes the report, so the
 * dashboard reads one indexed row per report instead of re-aggregating indicator rows.
 *
 * Indicator assessment (quantitative, comparator, status) is parsed by libs/metrics when the
 * rows are written and stored on report_indicator; SQL aggregates it.
 */
export class ReportMetrics1764100000000 implements MigrationInterface {
  name = 'ReportMetrics1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE report_indicator ADD COLUMN quantitative boolean`);
    await q.query(`ALTER TABLE report_indicator ADD COLUMN comparator text CHECK (comparator IN ('atLeast', 'atMost', 'equal'))`);
    await q.query(`ALTER TABLE report_indicator ADD COLUMN status text CHECK (status IN ('met', 'unmet', 'qualitative', 'unknown'))`);

    await q.query(`
      CREATE VIEW v_report_metric AS
      SELECT r.id AS report_id,
             bt.initial_amount  AS budget_initial,
             bt.adjusted_amount AS budget_adjusted,
             bt.actual_amount   AS budget_actual,
             -- 预算执行率: actual ÷ adjusted × 100 (adjusted missing: actual ÷ initial)
             CASE WHEN bt.actual_amount IS NULL OR COALESCE(bt.adjusted_amount, bt.initial_amount) IS NULL
                       OR COALESCE(bt.adjusted_amount, bt.initial_amount) = 0 THEN NULL
                  ELSE round(bt.actual_amount / COALESCE(bt.adjusted_amount, bt.initial_amount) * 100, 2) END AS execution_rate,
             -- 预算调整率: (adjusted − initial) ÷ initial × 100
             CASE WHEN bt.adjusted_amount IS NULL OR bt.initial_amount IS NULL OR bt.initial_amount = 0 THEN NULL
                  ELSE round((bt.adjusted_amount - bt.initial_amount) / bt.initial_amount * 100, 2) END AS adjustment_ratio,
             -- 三公经费控制率: actual ÷ budget × 100
             CASE WHEN tp.actual IS NULL OR tp.budget IS NULL OR tp.budget = 0 THEN NULL
                  ELSE round(tp.actual / tp.budget * 100, 2) END AS three_public_control_rate,
             -- 项目支出占比: project.actual ÷ total.actual × 100
             CASE WHEN bp.actual_amount IS NULL OR bt.actual_amount IS NULL OR bt.actual_amount = 0 THEN NULL
                  ELSE round(bp.actual_amount / bt.actual_amount * 100, 2) END AS project_share,
             -- 指标完成率: met ÷ (met + unmet) × 100 over quantitative indicators
             CASE WHEN ic.met + ic.unmet = 0 THEN NULL
                  ELSE round(ic.met::numeric / (ic.met + ic.unmet) * 100, 2) END AS indicator_completion,
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
        ) ic ON true`);

    await q.query(`
      CREATE TABLE report_metric (
        report_id                 uuid PRIMARY KEY REFERENCES report (id) ON DELETE CASCADE,
        budget_initial            numeric(16,2),
        budget_adjusted           numeric(16,2),
        budget_actual             numeric(16,2),
        execution_rate            numeric(12,2),
        adjustment_ratio          numeric(12,2),
        three_public_control_rate numeric(12,2),
        project_share             numeric(12,2),
        indicator_completion      numeric(6,2),
        met                       integer NOT NULL,
        unmet                     integer NOT NULL,
        qualitative               integer NOT NULL,
        unknown                   integer NOT NULL,
        indicator_weight_sum      numeric(10,2),
        indicator_score_sum       numeric(10,2),
        warning_count             integer NOT NULL
      )`);
    await q.query(`INSERT INTO report_metric SELECT * FROM v_report_metric`);
    await q.query(`CREATE INDEX report_current_idx ON report (fiscal_year, kind, region_code) WHERE status = 'confirmed'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX report_current_idx`);
    await q.query(`DROP TABLE report_metric`);
    await q.query(`DROP VIEW v_report_metric`);
    await q.query(`ALTER TABLE report_indicator DROP COLUMN status`);
    await q.query(`ALTER TABLE report_indicator DROP COLUMN comparator`);
    await q.query(`ALTER TABLE report_indicator DROP COLUMN quantitative`);
  }
}
