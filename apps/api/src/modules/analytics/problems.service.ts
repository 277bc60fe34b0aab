import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { InjectReadDatabase } from '../../database/read-database.js';
import type { Scope } from './analytics-scope.js';
import type { KeywordDto, ProblemsDto, ProblemThemeDto } from './dto/recheck-problems.dto.js';
import { CURRENT_METRIC_ROWS_UNRANKED, metricRowParams, MetricRowsRepository } from './metric-rows.repository.js';
import { limitOffset, type Page } from './page.js';

const KEYWORDS = 50;
const EXAMPLES = 5;
const EXAMPLE_LENGTH = 120;

/**
 * Per theme: statements, units, the first examples (by unit name, then place in the report) and
 * one page of its units by name ($7 from $8; all for an export); the words used by most units
 * (every word tied with the last kept one, for the final order by name in Node). From the stored
 * classification of each statement (report_problem_theme, report_problem_word).
 */
const PROBLEMS = `
  WITH rows AS (${CURRENT_METRIC_ROWS_UNRANKED}),
  statements AS (
    SELECT f.id, rows."unitId", rows."unitName", f.position, f.text
      FROM rows JOIN report_finding f ON f.report_id = rows."reportId" AND f.kind = 'problem'),
  themed AS (
    SELECT t.theme, s.*, row_number() OVER (PARTITION BY t.theme ORDER BY s."unitName", s.position, s.id) AS n
      FROM statements s JOIN report_problem_theme t ON t.finding_id = s.id),
  units AS (
    SELECT u.*, row_number() OVER (PARTITION BY u.theme ORDER BY u."unitName", u."unitId") AS k
      FROM (SELECT DISTINCT theme, "unitId", "unitName" FROM themed) u),
  themes AS (
    SELECT theme, count(DISTINCT "unitId")::int AS "unitCount", count(*)::int AS "statementCount",
           COALESCE(array_agg(text ORDER BY n) FILTER (WHERE n <= ${EXAMPLES}), '{}') AS examples
      FROM themed GROUP BY theme),
  words AS (
    SELECT w.word, count(DISTINCT s."unitId")::int AS "unitCount", count(*)::int AS "statementCount"
      FROM statements s JOIN report_problem_word w ON w.finding_id = s.id GROUP BY w.word)
  SELECT (SELECT COALESCE(json_agg(json_build_object(
            'theme', th.theme, 'unitCount', th."unitCount", 'statementCount', th."statementCount",
            'units', (SELECT COALESCE(json_agg(json_build_object('unitId', u."unitId", 'unitName', u."unitName") ORDER BY u.k), '[]')
                        FROM units u WHERE u.theme = th.theme AND u.k > $8 AND ($7::int IS NULL OR u.k <= $8 + $7)),
            'examples', th.examples)), '[]') FROM themes th) AS themes,
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
