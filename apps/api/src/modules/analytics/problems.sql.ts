/**
 * The 问题分析 statements. Both answer the same: per theme, statements, units, the first examples
 * (by unit name, then place in the report) and one page of its units by name (LIMIT, OFFSET; all
 * for an export); the words used by most units. From the stored classification of each report's
 * statements (report_problem_theme, report_problem_word): one unit, one report in a year.
 */
import { ROLLUP_ROWS_IN_SCOPE } from './metric-rows.repository.js';

export const KEYWORDS = 50;
const EXAMPLES = 5;

/** The words used by most units: every word tied with the KEYWORDS-th kept (the final order by name is in Node). */
const KEYWORDS_OF = (words: string) => `
  (SELECT COALESCE(json_agg(json_build_object('word', x.word, 'unitCount', x."unitCount", 'statementCount', x."statementCount")), '[]')
     FROM (SELECT w.*, rank() OVER (ORDER BY "unitCount" DESC, "statementCount" DESC) AS r FROM ${words} w) x
    WHERE x.r <= ${KEYWORDS})`;

/**
 * From the rows of each report in scope (metricRowParams: $1–$6, then $7 LIMIT, $8 OFFSET): for a
 * scope of a few units. Units are put in name order once (`u`); what follows orders by it. The
 * themes and words come as arrays on each report's rollup row (migration 1764900000000); the
 * statement positions, for the examples, only for the first few units of each theme.
 */
export const PROBLEMS_PER_REPORT = `
  WITH ordered AS (
    SELECT k.report_id AS "reportId", k.unit_id AS "unitId", k.unit_name AS "unitName", k.problem_themes, k.problem_theme_statements,
           k.problem_words, k.problem_word_statements, row_number() OVER (ORDER BY k.unit_name, k.unit_id) AS u
      FROM (${ROLLUP_ROWS_IN_SCOPE}) k),
  theme_units AS (
    SELECT t.theme, o.u, o."reportId", t.statements, row_number() OVER (PARTITION BY t.theme ORDER BY o.u) AS k
      FROM ordered o CROSS JOIN LATERAL unnest(o.problem_themes, o.problem_theme_statements) AS t(theme, statements)),
  themes AS (
    SELECT theme, count(*)::int AS "unitCount", sum(statements)::int AS "statementCount" FROM theme_units GROUP BY theme),
  examples AS (
    SELECT e.theme, array_agg(e.text ORDER BY e.i) AS examples
      FROM (SELECT tu.theme, f.text, row_number() OVER (PARTITION BY tu.theme ORDER BY tu.k, p.position) AS i
              FROM theme_units tu
              -- OFFSET 0 keeps this a per-row index lookup: the planner cannot tell how few rows pass k <= 5.
              CROSS JOIN LATERAL (SELECT pt.positions FROM report_problem_theme pt WHERE pt.report_id = tu."reportId" AND pt.theme = tu.theme OFFSET 0) pt
              CROSS JOIN LATERAL unnest(pt.positions) AS p(position)
              JOIN report_finding f ON f.report_id = tu."reportId" AND f.kind = 'problem' AND f.position = p.position
             WHERE tu.k <= ${EXAMPLES}) e
     WHERE e.i <= ${EXAMPLES} GROUP BY e.theme),
  page_units AS (
    SELECT tu.theme, json_agg(json_build_object('unitId', o."unitId", 'unitName', o."unitName") ORDER BY tu.k) AS units
      FROM theme_units tu JOIN ordered o ON o.u = tu.u
     WHERE tu.k > $8 AND ($7::int IS NULL OR tu.k <= $8 + $7) GROUP BY tu.theme),
  words AS (
    SELECT w.word, count(*)::int AS "unitCount", sum(w.statements)::int AS "statementCount"
      FROM ordered o CROSS JOIN LATERAL unnest(o.problem_words, o.problem_word_statements) AS w(word, statements) GROUP BY w.word)
  SELECT (SELECT COALESCE(json_agg(json_build_object(
            'theme', th.theme, 'unitCount', th."unitCount", 'statementCount', th."statementCount",
            'units', COALESCE(pu.units, '[]'), 'examples', COALESCE(ex.examples, '{}'))), '[]')
            FROM themes th LEFT JOIN page_units pu USING (theme) LEFT JOIN examples ex USING (theme)) AS themes,
         ${KEYWORDS_OF('words')} AS keywords`;

/** problem_theme_unit rows of the scope ($1 kind, $2 synthetic too, $3 year, $4 regions, $5 level) for theme `th.theme`, in name order. */
const THEME_UNITS = `
  FROM problem_theme_unit p
 WHERE p.kind = $1 AND p.fiscal_year = $3 AND p.theme = th.theme AND ($2::boolean OR NOT p.is_synthetic)
   AND ($4::varchar[] IS NULL OR p.region_code = ANY($4)) AND ($5::text IS NULL OR p.region_level = $5)
 ORDER BY p.unit_name, p.unit_id, p.report_id`;

const SLICE_IN_SCOPE = `c.kind = $1 AND c.fiscal_year = $3 AND ($2::boolean OR NOT c.is_synthetic) AND ($5::text IS NULL OR c.region_level = $5)`;

/**
 * From the counts kept per slice (migration 1764960000000): the scope's themes and words are the
 * sums of its slices' rows — per (kind, year, level, synthetic) for the province or a level (~110
 * rows a year), per region too for a scope of regions — not of ~87,000 (report, word) pairs; a theme's page of units, and the units its examples come
 * from, are the first rows of its range of problem_theme_unit's name-order index. $1 kind,
 * $2 synthetic too, $3 one year, $4 regions, $5 level, $6 LIMIT, $7 OFFSET; no unit filter.
 */
export const PROBLEMS_FROM_COUNTS = `
  WITH counts AS (
    SELECT c.facet, c.term, sum(c.units)::int AS "unitCount", sum(c.statements)::int AS "statementCount"
      FROM (SELECT c.facet, c.term, c.units, c.statements FROM problem_count_by_level c
             WHERE $4::varchar[] IS NULL AND ${SLICE_IN_SCOPE}
            UNION ALL
            SELECT c.facet, c.term, c.units, c.statements FROM problem_count c
             WHERE c.region_code = ANY($4) AND ${SLICE_IN_SCOPE}) c
     GROUP BY c.facet, c.term HAVING sum(c.units) > 0),
  words AS (SELECT term AS word, "unitCount", "statementCount" FROM counts WHERE facet = 'word')
  SELECT (SELECT COALESCE(json_agg(json_build_object(
            'theme', th.theme, 'unitCount', th."unitCount", 'statementCount', th."statementCount",
            'units', COALESCE(pu.units, '[]'), 'examples', COALESCE(ex.examples, '{}'))), '[]')
            FROM (SELECT term AS theme, "unitCount", "statementCount" FROM counts WHERE facet = 'theme') th
            LEFT JOIN LATERAL (
              SELECT json_agg(json_build_object('unitId', p.unit_id, 'unitName', p.unit_name) ORDER BY p.unit_name, p.unit_id, p.report_id) AS units
                FROM (SELECT p.unit_id, p.unit_name, p.report_id ${THEME_UNITS} OFFSET $7 LIMIT $6) p) pu ON true
            LEFT JOIN LATERAL (
              SELECT array_agg(e.text ORDER BY e.k, e.position) AS examples
                FROM (SELECT f.text, u.k, x.position
                        FROM (SELECT p.report_id, row_number() OVER (ORDER BY p.unit_name, p.unit_id, p.report_id) AS k ${THEME_UNITS} LIMIT ${EXAMPLES}) u
                        JOIN report_problem_theme pt ON pt.report_id = u.report_id AND pt.theme = th.theme
                        CROSS JOIN LATERAL unnest(pt.positions) AS x(position)
                        JOIN report_finding f ON f.report_id = u.report_id AND f.kind = 'problem' AND f.position = x.position
                       ORDER BY u.k, x.position LIMIT ${EXAMPLES}) e) ex ON true) AS themes,
         ${KEYWORDS_OF('words')} AS keywords`;
