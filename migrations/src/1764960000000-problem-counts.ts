import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The slice a rollup row counts in: what the analytics scope filters on, the unit list aside. */
const SLICE = `kind, fiscal_year, region_code, region_level, is_synthetic`;

/** Each rollup row of `rows` (with a `sign` column) as (slice, facet, term, sign, statements) rows. */
const TERMS = (rows: string) => `
  SELECT ${SLICE}, 'theme' AS facet, t.term, r.sign, t.statements
    FROM (${rows}) r CROSS JOIN LATERAL unnest(r.problem_themes, r.problem_theme_statements) AS t(term, statements)
  UNION ALL
  SELECT ${SLICE}, 'word' AS facet, w.term, r.sign, w.statements
    FROM (${rows}) r CROSS JOIN LATERAL unnest(r.problem_words, r.problem_word_statements) AS w(term, statements)`;

/**
 * Adds the signed rows' terms to problem_count, in key order (concurrent writers lock rows in one
 * order). No CHECK (units >= 0) on the table: PostgreSQL checks the proposed row (a negative delta)
 * before ON CONFLICT turns it into an update.
 */
const ADD = (rows: string) => `
  INSERT INTO problem_count AS c (${SLICE}, facet, term, units, statements)
  SELECT ${SLICE}, facet, term, sum(sign)::int, sum(sign * statements)::int
    FROM (${TERMS(rows)}) d
   GROUP BY ${SLICE}, facet, term
  HAVING sum(sign) <> 0 OR sum(sign * statements) <> 0
   ORDER BY ${SLICE}, facet, term
  ON CONFLICT (${SLICE}, facet, term)
  DO UPDATE SET units = c.units + excluded.units, statements = c.statements + excluded.statements`;

const THEME_UNITS = (rows: string) => `
  INSERT INTO problem_theme_unit (report_id, theme, ${SLICE}, unit_name, unit_id)
  SELECT r.report_id, t.theme, ${SLICE.split(', ').map((c) => `r.${c}`).join(', ')}, r.unit_name, r.unit_id
    FROM (${rows}) r CROSS JOIN LATERAL unnest(r.problem_themes) AS t(theme)`;

const OLD = `SELECT -1 AS sign, * FROM old_rows`;
const NEW = `SELECT 1 AS sign, * FROM new_rows`;

/** A slice's terms no row counts any more: gone, so the table holds only what some report says. */
const DROP_ZEROS = `
  DELETE FROM problem_count c USING (SELECT DISTINCT ${SLICE} FROM old_rows) o
   WHERE (c.kind, c.fiscal_year, c.region_code, c.region_level, c.is_synthetic)
       = (o.kind, o.fiscal_year, o.region_code, o.region_level, o.is_synthetic)
     AND c.units = 0`;

/**
 * 问题分析 without reading every report of the scope (issue 13): per (kind, year, region, level,
 * synthetic) slice, how many reports (= units: one current report per unit and year) name each
 * theme and each word of 存在的问题, and in how many statements — the sums of the arrays migration
 * 1764900000000 keeps on report_rollup. A province year is ~8,000 rows (14 cities and 134 counties
 * × ~50 terms) instead of ~87,000 (report, word) pairs. problem_theme_unit lists each report's
 * themes with its unit's name, indexed in name order per (kind, year, theme): one page of a
 * theme's units, and its first units' examples, are the first rows of an index range.
 *
 * Triggers on report_rollup keep both in the same transaction: a row deleted subtracts its arrays,
 * a row inserted adds them (report_rollup_refresh deletes and inserts; an update does both).
 * v_problem_count and v_problem_theme_unit are the same rows computed from scratch; the tests
 * compare them.
 */
export class ProblemCounts1764960000000 implements MigrationInterface {
  name = 'ProblemCounts1764960000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE problem_count (
        kind         text NOT NULL,
        fiscal_year  integer NOT NULL,
        region_code  varchar(6) NOT NULL,
        region_level text NOT NULL,
        is_synthetic boolean NOT NULL,
        facet        text NOT NULL CHECK (facet IN ('theme', 'word')),
        term         text NOT NULL,
        units        integer NOT NULL,
        statements   integer NOT NULL,
        PRIMARY KEY (kind, fiscal_year, region_code, region_level, is_synthetic, facet, term)
      )`);
    await q.query(`
      CREATE TABLE problem_theme_unit (
        report_id    uuid NOT NULL,
        theme        text NOT NULL,
        kind         text NOT NULL,
        fiscal_year  integer NOT NULL,
        region_code  varchar(6) NOT NULL,
        region_level text NOT NULL,
        is_synthetic boolean NOT NULL,
        unit_name    text NOT NULL,
        unit_id      uuid NOT NULL,
        PRIMARY KEY (report_id, theme)
      )`);
    await q.query(`
      CREATE INDEX problem_theme_unit_order_idx ON problem_theme_unit (kind, fiscal_year, theme, unit_name, unit_id, report_id)
        INCLUDE (region_code, region_level, is_synthetic)`);

    await q.query(`
      CREATE VIEW v_problem_count AS
      SELECT ${SLICE}, facet, term, sum(sign)::int AS units, sum(sign * statements)::int AS statements
        FROM (${TERMS('SELECT 1 AS sign, * FROM report_rollup')}) d
       GROUP BY ${SLICE}, facet, term`);
    await q.query(`
      CREATE VIEW v_problem_theme_unit AS
      SELECT r.report_id, t.theme, ${SLICE.split(', ').map((c) => `r.${c}`).join(', ')}, r.unit_name, r.unit_id
        FROM report_rollup r CROSS JOIN LATERAL unnest(r.problem_themes) AS t(theme)`);

    await q.query(`
      CREATE FUNCTION problem_count_on_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${ADD(NEW)};
          ${THEME_UNITS('SELECT * FROM new_rows')};
        ELSIF TG_OP = 'DELETE' THEN
          ${ADD(OLD)};
          ${DROP_ZEROS};
          DELETE FROM problem_theme_unit p USING old_rows o WHERE p.report_id = o.report_id;
        ELSE
          ${ADD(`${OLD} UNION ALL ${NEW}`)};
          ${DROP_ZEROS};
          DELETE FROM problem_theme_unit p USING old_rows o WHERE p.report_id = o.report_id;
          ${THEME_UNITS('SELECT * FROM new_rows')};
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER problem_count_rollup_ins AFTER INSERT ON report_rollup REFERENCING NEW TABLE AS new_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION problem_count_on_rollup()`);
    await q.query(`CREATE TRIGGER problem_count_rollup_upd AFTER UPDATE ON report_rollup REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION problem_count_on_rollup()`);
    await q.query(`CREATE TRIGGER problem_count_rollup_del AFTER DELETE ON report_rollup REFERENCING OLD TABLE AS old_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION problem_count_on_rollup()`);

    // Backfill.
    await q.query(`INSERT INTO problem_count SELECT * FROM v_problem_count WHERE units > 0`);
    await q.query(`INSERT INTO problem_theme_unit SELECT * FROM v_problem_theme_unit`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const op of ['ins', 'upd', 'del']) await q.query(`DROP TRIGGER problem_count_rollup_${op} ON report_rollup`);
    await q.query(`DROP FUNCTION problem_count_on_rollup()`);
    await q.query(`DROP VIEW v_problem_theme_unit`);
    await q.query(`DROP VIEW v_problem_count`);
    await q.query(`DROP TABLE problem_theme_unit`);
    await q.query(`DROP TABLE problem_count`);
  }
}
