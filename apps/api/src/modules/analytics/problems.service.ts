import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { InjectReadDatabase } from '../../database/read-database.js';
import type { Scope } from './analytics-scope.js';
import type { KeywordDto, ProblemsDto, ProblemThemeDto } from './dto/recheck-problems.dto.js';
import { metricRowParams, MetricRowsRepository, ROLLUP_ROWS_IN_SCOPE } from './metric-rows.repository.js';
import { limitOffset, type Page } from './page.js';

const KEYWORDS = 50;
const EXAMPLES = 5;
const EXAMPLE_LENGTH = 120;

/**
 * Per theme: statements, units, the first examples (by unit name, then place in the report) and
 * one page of its units by name ($7 from $8; all for an export); the words used by most units
 * (every word tied with the last kept one, for the final order by name in Node). From the stored
 * classification of each report's statements (report_problem_theme, report_problem_word): one
 * unit, one report in a year. Units are put in name order once (`u`); what follows orders by it.
 * The themes and words come as arrays on each report's rollup row (migration 1764900000000); the
 * statement positions, for the examples, only for the first few units of each theme.
 */
const PROBLEMS = `
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
         (SELECT COALESCE(json_agg(json_build_object('word', x.word, 'unitCount', x."unitCount", 'statementCount', x."statementCount")), '[]')
            FROM (SELECT words.*, rank() OVER (ORDER BY "unitCount" DESC, "statementCount" DESC) AS r FROM words) x
           WHERE x.r <= ${KEYWORDS}) AS keywords`;

const byCounts = <T extends { unitCount: number; statementCount: number }>(name: (x: T) => string) => (a: T, b: T) =>
  b.unitCount - a.unitCount || b.statementCount - a.statementCount || name(a).localeCompare(name(b), 'zh-CN');

/**
 * 存在的问题 across units, segmented (stop words dropped) and grouped into recurring themes. A
 * theme's or word's 单位数 counts units, each once however many of its statements match; 条数
 * counts statements. The segmentation and themes were stored when the findings were written.
 */
@Injectable()
export class ProblemsService {
  constructor(
    @InjectReadDatabase() private readonly db: DataSource,
    private readonly metricRows: MetricRowsRepository,
  ) {}

  async problems(scope: Scope, year: number | undefined, page: Page | null): Promise<ProblemsDto> {
    const chosen = year ?? (await this.metricRows.years(scope))[0] ?? null;
    const paging = { page: page?.page ?? 1, pageSize: page?.pageSize ?? null };
    if (chosen === null) return { year: null, ...paging, themes: [], keywords: [] };
    const [row]: { themes: ProblemThemeDto[]; keywords: KeywordDto[] }[] = await this.db.query(PROBLEMS, [
      ...metricRowParams(scope, [chosen]), ...limitOffset(page),
    ]);
    return {
      year: chosen,
      ...paging,
      themes: row!.themes
        .map((t) => ({ ...t, examples: t.examples.map((e) => (e.length > EXAMPLE_LENGTH ? `${e.slice(0, EXAMPLE_LENGTH)}…` : e)) }))
        .sort(byCounts((t) => t.theme)),
      keywords: row!.keywords.sort(byCounts((k) => k.word)).slice(0, KEYWORDS),
    };
  }
}
