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

/** The slice without the region: per (kind, year, level, synthetic), for a scope of the whole province or a level. */
const LEVEL_SLICE = `kind, fiscal_year, region_level, is_synthetic`;

const upsert = (table: string, slice: string, from: string) => `
  INSERT INTO ${table} AS c (${slice}, facet, term, units, statements)
  SELECT ${slice}, facet, term, sum(units)::int, sum(statements)::int FROM ${from}
   GROUP BY ${slice}, facet, term
  HAVING sum(units) <> 0 OR sum(statements) <> 0
   ORDER BY ${slice}, facet, term
  ON CONFLICT (${slice}, facet, term)
  DO UPDATE SET units = c.units + excluded.units, statements = c.statements + excluded.statements`;

/**
 * Adds the signed rows' terms to problem_count and problem_count_by_level, in key order
 * (concurrent writers lock rows in one order); the arrays are unnested once. No CHECK (units >= 0)
 * on the tables: PostgreSQL checks the proposed row (a negative delta) before ON CONFLICT turns it
 * into an update.
 */
const ADD = (rows: string) => `
  WITH d AS (
    SELECT ${SLICE}, facet, term, sum(sign)::int AS units, sum(sign * statements)::int AS statements
      FROM (${TERMS(rows)}) t
     GROUP BY ${SLICE}, facet, term),
  by_region AS (${upsert('problem_count', SLICE, 'd')})
  ${upsert('problem_count_by_level', LEVEL_SLICE, 'd')}`;

const THEME_UNITS = (rows: string) => `
  INSERT INTO problem_theme_unit (report_id, theme, ${SLICE}, unit_name, unit_id)
  SELECT r.report_id, t.theme, ${SLICE.split(', ').map((c) => `r.${c}`).join(', ')}, r.unit_name, r.unit_id
    FROM (${rows}) r CROSS JOIN LATERAL unnest(r.problem_themes) AS t(theme)`;

/**
 * The deleted rollup rows' theme rows, found by the one (name-order) index's whole key: a
 * report_id index as well would be one more index written per theme of every confirmation.
 */
const DROP_THEME_UNITS = `
  DELETE FROM problem_theme_unit p USING old_rows o CROSS JOIN LATERAL unnest(o.problem_themes) AS t(theme)
   WHERE (p.kind, p.fiscal_year, p.theme, p.unit_name, p.unit_id, p.report_id)
       = (o.kind, o.fiscal_year, t.theme, o.unit_name, o.unit_id, o.report_id)`;

const OLD = `SELECT -1 AS sign, * FROM old_rows`;
const NEW = `SELECT 1 AS sign, * FROM new_rows`;

const sameSlice = (slice: string) => `(${slice.split(', ').map((x) => `c.${x}`).join(', ')}) = (${slice.split(', ').map((x) => `o.${x}`).join(', ')})`;

/** A slice's terms no row counts any more: gone, so the tables hold only what some report says. */
const DROP_ZEROS = `
  WITH by_region AS (
    DELETE FROM problem_count c USING (SELECT DISTINCT ${SLICE} FROM old_rows) o WHERE ${sameSlice(SLICE)} AND c.units = 0)
  DELETE FROM problem_count_by_level c USING (SELECT DISTINCT ${LEVEL_SLICE} FROM old_rows) o WHERE ${sameSlice(LEVEL_SLICE)} AND c.units = 0`;

/**
 * 问题分析 without reading every report of the scope (issue 13): per (kind, year, region, level,
 * synthetic) slice, how many reports (= units: one current report per unit and year) name each
 * theme and each word of 存在的问题, and in how many statements — the sums of the arrays migration
 * 1764900000000 keeps on report_rollup — for a scope of regions (a city's subtree: a few hundred
 * rows); problem_count_by_level the same without the region, for the province or a level (~110
 * rows a year, where problem_count holds ~8,300 for 148 regions and the report rows ~87,000
 * (report, word) pairs). problem_theme_unit lists each report's themes with its unit's name,
 * indexed in name order per (kind, year, theme): one page of a theme's units, and its first units'
 * examples, are the first rows of an index range.
 *
 * Triggers on report_rollup keep the three in the same transaction: a row deleted subtracts its arrays,
 * a row inserted adds them (report_rollup_refresh deletes and inserts; an update does both).
 * v_problem_count, v_problem_count_by_level and v_problem_theme_unit are the same rows computed
 * from scratch; the tests compare them.
 */
export class ProblemCounts1764960000000 implements MigrationInterface {
  name = 'ProblemCounts1764960000000';

  async up(q: QueryRunner): Promise<void> {
    // Room on each page for the counts' updates to stay HOT (no index entry per update).
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
      ) WITH (fillfactor = 70)`);
    await q.query(`
      CREATE TABLE problem_count_by_level (
        kind         text NOT NULL,
        fiscal_year  integer NOT NULL,
        region_level text NOT NULL,
        is_synthetic boolean NOT NULL,
        facet        text NOT NULL CHECK (facet IN ('theme', 'word')),
        term         text NOT NULL,
        units        integer NOT NULL,
        statements   integer NOT NULL,
        PRIMARY KEY (kind, fiscal_year, region_level, is_synthetic, facet, term)
      ) WITH (fillfactor = 50)`);
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
        unit_id      uuid NOT NULL
      )`);
    await q.query(`
      CREATE UNIQUE INDEX problem_theme_unit_order_idx ON problem_theme_unit (kind, fiscal_year, theme, unit_name, unit_id, report_id)
        INCLUDE (region_code, region_level, is_synthetic)`);

    await q.query(`
      CREATE VIEW v_problem_count AS
      SELECT ${SLICE}, facet, term, sum(sign)::int AS units, sum(sign * statements)::int AS statements
        FROM (${TERMS('SELECT 1 AS sign, * FROM report_rollup')}) d
       GROUP BY ${SLICE}, facet, term`);
    await q.query(`
      CREATE VIEW v_problem_count_by_level AS
      SELECT ${LEVEL_SLICE}, facet, term, sum(units)::int AS units, sum(statements)::int AS statements
        FROM v_problem_count GROUP BY ${LEVEL_SLICE}, facet, term`);
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
          ${DROP_THEME_UNITS};
        ELSE
          ${ADD(`${OLD} UNION ALL ${NEW}`)};
          ${DROP_ZEROS};
          ${DROP_THEME_UNITS};
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
    await q.query(`INSERT INTO problem_count SELECT * FROM v_problem_count`);
    await q.query(`INSERT INTO problem_count_by_level SELECT * FROM v_problem_count_by_level`);
    await q.query(`INSERT INTO problem_theme_unit SELECT * FROM v_problem_theme_unit`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const op of ['ins', 'upd', 'del']) await q.query(`DROP TRIGGER problem_count_rollup_${op} ON report_rollup`);
    await q.query(`DROP FUNCTION problem_count_on_rollup()`);
    await q.query(`DROP VIEW v_problem_theme_unit`);
    await q.query(`DROP VIEW v_problem_count_by_level`);
    await q.query(`DROP VIEW v_problem_count`);
    await q.query(`DROP TABLE problem_theme_unit`);
    await q.query(`DROP TABLE problem_count_by_level`);
    await q.query(`DROP TABLE problem_count`);
  }
}
