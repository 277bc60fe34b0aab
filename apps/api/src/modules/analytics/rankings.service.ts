import { Injectable } from '@nestjs/common';
import { type MetricKey, METRICS } from '@hunan-perf/metrics';
import type { DataSource } from 'typeorm';
import { InjectReadDatabase } from '../../database/read-database.js';
import type { Scope } from './analytics-scope.js';
import type { RankingsDto } from './dto/analytics-responses.dto.js';
import { CURRENT_METRIC_ROWS, metricRowParams, MetricRowsRepository } from './metric-rows.repository.js';
import { limitOffset, type Page, pageOf } from './page.js';

/**
 * Units ranked by a metric, best first (higher is better, except where lower is: 调整率, 三公控制率).
 * `rank` is the place in the list asked for; `levelRank` of `levelSize` is the place among all
 * units of the same level (市级/县级) that year with a value, over the whole province whatever the
 * region or unit filters ($7…$9 narrow the list after ranking). One page of the list ($10 rows
 * from $11; every row for an export) with `total`, the length of the whole list.
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
    const column = `"${metric}"`;
    const province = { ...scope, regionCodes: null, level: null, unitIds: null };
    const found: (RankingsDto['rows'][number] & { total: number })[] = await this.db.query(
      `WITH rows AS (${CURRENT_METRIC_ROWS}),
       ranked AS (
         SELECT rows.*, ${column} AS value,
                CASE WHEN ${column} IS NOT NULL THEN rank() OVER (PARTITION BY "regionLevel" ORDER BY ${column} ${direction} NULLS LAST)::int END AS "levelRank",
                count(${column}) OVER (PARTITION BY "regionLevel")::int AS "levelSize"
           FROM rows)
       SELECT ranked.*, rank() OVER (ORDER BY value ${direction} NULLS LAST)::int AS rank, count(*) OVER ()::int AS total
         FROM ranked
        WHERE ($7::varchar[] IS NULL OR "regionCode" = ANY($7)) AND ($8::text IS NULL OR "regionLevel" = $8)
          AND ($9::uuid[] IS NULL OR "unitId" = ANY($9))
        ORDER BY rank, "unitName"
        LIMIT $10 OFFSET $11`,
      [...metricRowParams(province, [chosen]), scope.regionCodes, scope.level, scope.unitIds, ...limitOffset(page)],
    );
    // Past the last page no row says how many there are: count them.
    const total = found[0]?.total ?? (page && page.page > 1 ? (await this.rankings(scope, chosen, metric, { page: 1, pageSize: 1 })).total : 0);
    return { year: chosen, metric, ...pageOf(page, total), total, rows: found.map(({ total: _total, ...row }) => row) };
  }
}
