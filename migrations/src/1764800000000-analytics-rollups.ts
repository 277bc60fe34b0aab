import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * report_rollup: one denormalised row per current confirmed report — its unit, region, level and
 * parent, year, kind, synthetic flag, score, grade and stored metrics (report_metric). The analytics
 * endpoints read it instead of joining every report to its unit, region and metrics per request.
 * Ranks are not stored: one confirmation moves the rank of every report below it in its (year,
 * level) slice, so storing them rewrote ~5,000 rows per confirmation at province scale (211 ms p50
 * measured); a window over one year's rollup rows costs a few milliseconds at query time.
 *
 * It is kept in the same transaction as the change by statement-level triggers with transition
 * tables, so every write path keeps it right without the app remembering to: report (confirm,
 * supersede, a correction's new version, a report leaving 'confirmed' for any status, delete),
 * report_metric (ingest, recompute-metrics), unit (rename, move) and region (rename, level, parent).
 *
 * v_report_rollup is the same rows computed from scratch; the test suite compares the two.
 */
export class AnalyticsRollups1764800000000 implements MigrationInterface {
  name = 'AnalyticsRollups1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_rollup (
        report_id                 uuid NOT NULL,
        unit_id                   uuid NOT NULL,
        unit_name                 text NOT NULL,
        region_code               varchar(6) NOT NULL,
        region_name               text NOT NULL,
        region_level              text NOT NULL,
        parent_code               varchar(6),
        fiscal_year               integer NOT NULL,
        kind                      text NOT NULL,
        is_synthetic              boolean NOT NULL,
        score_total               numeric(6,2),
        grade                     text,
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
        warning_count             integer NOT NULL,
        PRIMARY KEY (region_code, report_id)
      )`);
    // Keyed by region first, so a national deployment can distribute it by region code (Citus
    // needs the distribution column in every unique key); looked up by report on refresh.
    await q.query(`CREATE INDEX report_rollup_report_idx ON report_rollup (report_id)`);
    await q.query(`CREATE INDEX report_rollup_slice_idx ON report_rollup (kind, fiscal_year, region_level)`);
    await q.query(`CREATE INDEX report_rollup_region_idx ON report_rollup (region_code, fiscal_year)`);
    await q.query(`CREATE INDEX report_rollup_unit_idx ON report_rollup (unit_id)`);

    // The rows from scratch: what report_rollup_refresh() writes for a report.
    await q.query(`
      CREATE VIEW v_report_rollup AS
      SELECT r.id AS report_id, r.unit_id, u.name AS unit_name, g.code AS region_code, g.name AS region_name,
             g.level AS region_level, g.parent_code, r.fiscal_year, r.kind, r.is_synthetic, r.score_total, r.grade,
             m.budget_initial, m.budget_adjusted, m.budget_actual, m.execution_rate, m.adjustment_ratio,
             m.three_public_control_rate, m.project_share, m.indicator_completion, m.met, m.unmet, m.qualitative,
             m.unknown, m.warning_count
        FROM report r
        JOIN unit u ON u.id = r.unit_id
        JOIN region g ON g.code = u.region_code
        JOIN report_metric m ON m.report_id = r.id
       WHERE r.status = 'confirmed'`);
    await q.query(`
      CREATE FUNCTION report_rollup_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
        DELETE FROM report_rollup WHERE report_id IN (SELECT unnest(ids));
        INSERT INTO report_rollup SELECT * FROM v_report_rollup WHERE report_id IN (SELECT unnest(ids));
      END $$`);

    // report: a row that is or was confirmed, where anything the rollup holds may have changed.
    await q.query(`
      CREATE FUNCTION report_rollup_on_report() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM report_rollup_refresh(ARRAY(SELECT id FROM new_rows WHERE status = 'confirmed'));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM report_rollup_refresh(ARRAY(SELECT id FROM old_rows WHERE status = 'confirmed'));
        ELSE
          PERFORM report_rollup_refresh(ARRAY(
            SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
             WHERE (n.status = 'confirmed' OR o.status = 'confirmed')
               AND (n.status, n.unit_id, n.fiscal_year, n.kind, n.is_synthetic, n.score_total, n.grade)
                   IS DISTINCT FROM (o.status, o.unit_id, o.fiscal_year, o.kind, o.is_synthetic, o.score_total, o.grade)));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER report_rollup_report_ins AFTER INSERT ON report REFERENCING NEW TABLE AS new_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_on_report()`);
    await q.query(`CREATE TRIGGER report_rollup_report_upd AFTER UPDATE ON report REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_on_report()`);
    await q.query(`CREATE TRIGGER report_rollup_report_del AFTER DELETE ON report REFERENCING OLD TABLE AS old_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_on_report()`);

    // report_metric: the stored metrics of a report (ingest, correction, recompute-metrics).
    await q.query(`
      CREATE FUNCTION report_rollup_on_metric() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM report_rollup_refresh(ARRAY(SELECT report_id FROM new_rows));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM report_rollup_refresh(ARRAY(SELECT report_id FROM old_rows));
        ELSE
          PERFORM report_rollup_refresh(ARRAY(
            SELECT n.report_id FROM new_rows n JOIN old_rows o ON o.report_id = n.report_id
             WHERE to_jsonb(n) IS DISTINCT FROM to_jsonb(o)
            UNION SELECT report_id FROM old_rows WHERE report_id NOT IN (SELECT report_id FROM new_rows)));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER report_rollup_metric_ins AFTER INSERT ON report_metric REFERENCING NEW TABLE AS new_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_on_metric()`);
    await q.query(`CREATE TRIGGER report_rollup_metric_upd AFTER UPDATE ON report_metric REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_on_metric()`);
    await q.query(`CREATE TRIGGER report_rollup_metric_del AFTER DELETE ON report_metric REFERENCING OLD TABLE AS old_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_on_metric()`);

    // unit: a rename or a move to another region.
    await q.query(`
      CREATE FUNCTION report_rollup_on_unit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM report_rollup_refresh(ARRAY(
          SELECT r.report_id FROM report_rollup r
            JOIN new_rows n ON n.id = r.unit_id JOIN old_rows o ON o.id = n.id
           WHERE (n.name, n.region_code) IS DISTINCT FROM (o.name, o.region_code)));
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER report_rollup_unit_upd AFTER UPDATE ON unit REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_on_unit()`);

    // region: a rename, a level or a parent change.
    await q.query(`
      CREATE FUNCTION report_rollup_on_region() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM report_rollup_refresh(ARRAY(
          SELECT r.report_id FROM report_rollup r
            JOIN new_rows n ON n.code = r.region_code JOIN old_rows o ON o.code = n.code
           WHERE (n.name, n.level, n.parent_code) IS DISTINCT FROM (o.name, o.level, o.parent_code)));
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER report_rollup_region_upd AFTER UPDATE ON region REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_on_region()`);

    // Backfill.
    await q.query(`INSERT INTO report_rollup SELECT * FROM v_report_rollup`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [trigger, table] of [
      ['report_rollup_report_ins', 'report'], ['report_rollup_report_upd', 'report'], ['report_rollup_report_del', 'report'],
      ['report_rollup_metric_ins', 'report_metric'], ['report_rollup_metric_upd', 'report_metric'], ['report_rollup_metric_del', 'report_metric'],
      ['report_rollup_unit_upd', 'unit'], ['report_rollup_region_upd', 'region'],
    ]) await q.query(`DROP TRIGGER ${trigger} ON ${table}`);
    for (const fn of ['report_rollup_on_report', 'report_rollup_on_metric', 'report_rollup_on_unit', 'report_rollup_on_region']) {
      await q.query(`DROP FUNCTION ${fn}()`);
    }
    await q.query(`DROP FUNCTION report_rollup_refresh(uuid[])`);
    await q.query(`DROP VIEW v_report_rollup`);
    await q.query(`DROP TABLE report_rollup`);
  }
}
