import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 自评质量提示 and 结果应用 (issue 14 items 3 and 6).
 *
 * - `report_quality`: the quality flags of a report version (libs/metrics qualityFlags), written
 *   in the transaction that writes the report's rows, and rewritten for every report when an admin
 *   changes the thresholds. `flag_codes` answers filters and counts; `flags` holds each flag's
 *   offending rows. Reports stored before this table get theirs from the start-up backfill.
 * - `v_budget_change`: for each current confirmed report, the same unit's 年初预算数 in the
 *   following year's current confirmed report and the change (万元 and %) — the SQL mirror of
 *   libs/metrics budgetChange.
 */
export class QualityFlags1764860000000 implements MigrationInterface {
  name = 'QualityFlags1764860000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_quality (
        report_id          uuid PRIMARY KEY REFERENCES report (id) ON DELETE CASCADE,
        flag_codes         text[] NOT NULL,
        flags              jsonb NOT NULL,
        thresholds_version text NOT NULL,
        computed_at        timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX report_quality_codes_idx ON report_quality USING gin (flag_codes)`);
    await q.query(`
      CREATE VIEW v_budget_change AS
      SELECT k.report_id, k.unit_id, k.kind, k.fiscal_year, k.budget_initial,
             n.report_id AS next_report_id, n.budget_initial AS next_budget_initial,
             -- 年初预算变动: next − this (万元); (next − this) ÷ this × 100 (%); null when either is missing
             n.budget_initial - k.budget_initial AS change_amount,
             CASE WHEN k.budget_initial IS NULL OR n.budget_initial IS NULL OR k.budget_initial = 0 THEN NULL
                  ELSE round((n.budget_initial - k.budget_initial) / k.budget_initial * 100, 2) END AS change_percent
        FROM report_rollup k
        LEFT JOIN report_rollup n ON n.unit_id = k.unit_id AND n.kind = k.kind AND n.fiscal_year = k.fiscal_year + 1`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW v_budget_change`);
    await q.query(`DROP TABLE report_quality`);
  }
}
