import type { MigrationInterface, QueryRunner } from 'typeorm';

/** v_report_rollup's columns up to warning_count, as migration 1764800000000 made them. */
const ROLLUP_COLUMNS = `
  r.id AS report_id, r.unit_id, u.name AS unit_name, g.code AS region_code, g.name AS region_name,
  g.level AS region_level, g.parent_code, r.fiscal_year, r.kind, r.is_synthetic, r.score_total, r.grade,
  m.budget_initial, m.budget_adjusted, m.budget_actual, m.execution_rate, m.adjustment_ratio,
  m.three_public_control_rate, m.project_share, m.indicator_completion, m.met, m.unmet, m.qualitative,
  m.unknown, m.warning_count`;
const ROLLUP_FROM = `
  FROM report r
  JOIN unit u ON u.id = r.unit_id
  JOIN region g ON g.code = u.region_code
  JOIN report_metric m ON m.report_id = r.id
 WHERE r.status = 'confirmed'`;

/**
 * 问题分析 from the rollup (issue 13 item 1): each current confirmed report's 存在的问题 themes and
 * words (report_problem_theme, report_problem_word) are also kept as parallel arrays on its
 * report_rollup row — theme and how many statements, word and how many statements, in name order.
 * The problems endpoint then unnests the arrays of the rows in scope, read with the rest of the
 * row, instead of probing the two tables once per report (87,000 rows by index per province year:
 * about 100 ms of the endpoint's 200). The per-theme statement positions stay in
 * report_problem_theme, read only for the few example statements.
 *
 * Triggers on the two tables refresh a confirmed report's rollup row whenever its classification
 * is written or removed (ingest, correction, reclassification at start-up), in the same statement.
 */
export class ProblemRollupArrays1764900000000 implements MigrationInterface {
  name = 'ProblemRollupArrays1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE report_rollup
        ADD COLUMN problem_themes           text[]    NOT NULL DEFAULT '{}',
        ADD COLUMN problem_theme_statements integer[] NOT NULL DEFAULT '{}',
        ADD COLUMN problem_words            text[]    NOT NULL DEFAULT '{}',
        ADD COLUMN problem_word_statements  integer[] NOT NULL DEFAULT '{}'`);
    await q.query(`
      CREATE OR REPLACE VIEW v_report_rollup AS
      SELECT ${ROLLUP_COLUMNS},
             COALESCE(t.themes, '{}') AS problem_themes, COALESCE(t.statements, '{}') AS problem_theme_statements,
             COALESCE(w.words, '{}') AS problem_words, COALESCE(w.statements, '{}') AS problem_word_statements
        ${ROLLUP_FROM.replace('WHERE', `LEFT JOIN LATERAL (
               SELECT array_agg(theme ORDER BY theme) AS themes, array_agg(cardinality(positions) ORDER BY theme) AS statements
                 FROM report_problem_theme WHERE report_id = r.id) t ON true
        LEFT JOIN LATERAL (
               SELECT array_agg(word ORDER BY word) AS words, array_agg(statements ORDER BY word) AS statements
                 FROM report_problem_word WHERE report_id = r.id) w ON true
       WHERE`)}`);

    // report_problem_theme / report_problem_word: a confirmed report's classification written or removed.
    await q.query(`
      CREATE FUNCTION report_rollup_on_problem() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          PERFORM report_rollup_refresh(ARRAY(SELECT DISTINCT o.report_id FROM old_rows o JOIN report_rollup k ON k.report_id = o.report_id));
        ELSE
          PERFORM report_rollup_refresh(ARRAY(SELECT DISTINCT n.report_id FROM new_rows n JOIN report r ON r.id = n.report_id WHERE r.status = 'confirmed'));
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of ['report_problem_theme', 'report_problem_word']) {
      await q.query(`CREATE TRIGGER ${table}_rollup_ins AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows
                     FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_on_problem()`);
      await q.query(`CREATE TRIGGER ${table}_rollup_del AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows
                     FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_on_problem()`);
      await q.query(`CREATE TRIGGER ${table}_rollup_upd AFTER UPDATE ON ${table} REFERENCING NEW TABLE AS new_rows
                     FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_on_problem()`);
    }

    // Backfill.
    await q.query(`
      UPDATE report_rollup k
         SET problem_themes = v.problem_themes, problem_theme_statements = v.problem_theme_statements,
             problem_words = v.problem_words, problem_word_statements = v.problem_word_statements
        FROM v_report_rollup v
       WHERE v.report_id = k.report_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['report_problem_theme', 'report_problem_word']) {
      for (const op of ['ins', 'del', 'upd']) await q.query(`DROP TRIGGER ${table}_rollup_${op} ON ${table}`);
    }
    await q.query(`DROP FUNCTION report_rollup_on_problem()`);
    await q.query(`DROP VIEW v_report_rollup`);
    await q.query(`CREATE VIEW v_report_rollup AS SELECT ${ROLLUP_COLUMNS} ${ROLLUP_FROM}`);
    await q.query(`
      ALTER TABLE report_rollup
        DROP COLUMN problem_themes, DROP COLUMN problem_theme_statements, DROP COLUMN problem_words, DROP COLUMN problem_word_statements`);
  }
}
