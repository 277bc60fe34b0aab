import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { InjectReadDatabase } from '../../database/read-database.js';
import type { Scope } from './analytics-scope.js';
import type { KeywordDto, ProblemsDto, ProblemThemeDto } from './dto/recheck-problems.dto.js';
import { metricRowParams, MetricRowsRepository } from './metric-rows.repository.js';
import { limitOffset, type Page } from './page.js';
import { KEYWORDS, PROBLEMS_FROM_COUNTS, PROBLEMS_PER_REPORT } from './problems.sql.js';

const EXAMPLE_LENGTH = 120;

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
    // A few units: their own rows. Otherwise the counts kept per region slice.
    const [row]: { themes: ProblemThemeDto[]; keywords: KeywordDto[] }[] = scope.unitIds
      ? await this.db.query(PROBLEMS_PER_REPORT, [...metricRowParams(scope, [chosen]), ...limitOffset(page)])
      : await this.db.query(PROBLEMS_FROM_COUNTS, [
        scope.kind, scope.includeSynthetic, chosen, scope.regionCodes, scope.level, ...limitOffset(page),
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
