import { Injectable } from '@nestjs/common';
import { type MetricKey, METRICS } from '@hunan-perf/metrics';
import type { DataSource } from 'typeorm';
import { InjectReadDatabase } from '../../database/read-database.js';
import type { Scope } from './analytics-scope.js';
import type { RankingsDto } from './dto/analytics-responses.dto.js';
import { IN_SCOPE, METRIC_COLUMN, metricColumns, MetricRowsRepository, SCORE_RANKS } from './metric-rows.repository.js';
import { limitOffset, type Page, pageOf } from './page.js';

/**
 * Units ranked by a metric, best first (higher is better, except where lower is: 调整率, 三公控制率).
 * `rank` is the place in the list asked for; `levelRank` of `levelSize` is the place among all
 * units of the same level (市级/县级) that year with a value, over the whole province whatever the
 * region or unit filters ($4…$6 narrow the list after ranking). One page of the list ($7 rows
 * from $8; every row for an export) with `total`, the length of the whole list.
 */
@Injectable()
export class RankingsService {
  constructor(
    @InjectReadDatabase() private readonly db: DataSource,
    private readonly metricRows: MetricRowsRepository,
  ) {}

  async rankings(scope: Scope, year: number | undefined, metric: MetricKey, page: Page | null): Promise<RankingsDto> {
    const chosen = year ?? (await this.metricRows.years(scope))[0] ?? null;
    if (chosen === null) return { year: null, metric, ...pageOf(page, 0), total: 0, rows: [] };
    const direction = METRICS[metric].better === 'lower' ? 'ASC' : 'DESC';
    // The places are found on narrow rows (the value, what the filters and the order read); only
    // the page's rows are then read whole, with their ranks by score (windows over narrow rows too).
    const found: (RankingsDto['rows'][number] & { total: number })[] = await this.db.query(
      `WITH scoped AS (
         SELECT k.report_id, k.region_code, k.unit_id, k.unit_name, k.region_level, k.parent_code, k.fiscal_year, k.score_total,
                k.${METRIC_COLUMN[metric]}::float8 AS value
           FROM report_rollup k
          WHERE ${IN_SCOPE}),
       measured AS (
         SELECT s.*,
                CASE WHEN value IS NOT NULL THEN rank() OVER (PARTITION BY region_level ORDER BY value ${direction} NULLS LAST)::int END AS "levelRank",
                count(value) OVER (PARTITION BY region_level)::int AS "levelSize"
           FROM scoped s),
       page AS (
         SELECT m.*, rank() OVER (ORDER BY value ${direction} NULLS LAST)::int AS rank, count(*) OVER ()::int AS total
           FROM measured m
          WHERE ($4::varchar[] IS NULL OR region_code = ANY($4)) AND ($5::text IS NULL OR region_level = $5)
            AND ($6::uuid[] IS NULL OR unit_id = ANY($6))
          ORDER BY rank, unit_name
          LIMIT $7 OFFSET $8),
       scored AS (SELECT k.report_id, ${SCORE_RANKS} FROM scoped k)
       ${metricColumns('r')}, page.value, page."levelRank", page."levelSize", page.rank, page.total
         FROM page
         JOIN report_rollup k ON k.region_code = page.region_code AND k.report_id = page.report_id
         JOIN scored r ON r.report_id = page.report_id
         LEFT JOIN region p ON p.code = k.parent_code
        ORDER BY page.rank, page.unit_name`,
      [scope.kind, scope.includeSynthetic, [chosen], scope.regionCodes, scope.level, scope.unitIds, ...limitOffset(page)],
    );
    // Past the last page no row says how many there are: count them.
    const total = found[0]?.total ?? (page && page.page > 1 ? (await this.rankings(scope, chosen, metric, { page: 1, pageSize: 1 })).total : 0);
    return { year: chosen, metric, ...pageOf(page, total), total, rows: found.map(({ total: _total, ...row }) => row) };
  }
}
