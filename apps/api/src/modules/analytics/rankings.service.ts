import { Injectable } from '@nestjs/common';
import { type MetricKey, METRICS } from '@hunan-perf/metrics';
import type { DataSource } from 'typeorm';
import { InjectReadDatabase } from '../../database/read-database.js';
import type { Scope } from './analytics-scope.js';
import type { RankingsDto } from './dto/analytics-responses.dto.js';
import { CURRENT_METRIC_ROWS, metricRowParams, MetricRowsRepository } from './metric-rows.repository.js';

/**
 * Units ranked by a metric, best first (higher is better, except where lower is: 调整率, 三公控制率).
 * `rank` is the place in the list asked for; `levelRank` of `levelSize` is the place among all
 * units of the same level (市级/县级) that year with a value, over the whole province whatever the
 * region or unit filters ($7…$9 narrow the list after ranking).
 */
@Injectable()
export class RankingsService {
  constructor(
    @InjectReadDatabase() private readonly db: DataSource,
    private readonly metricRows: MetricRowsRepository,
  ) {}

  async rankings(scope: Scope, year: number | undefined, metric: MetricKey): Promise<RankingsDto> {
    const chosen = year ?? (await this.metricRows.years(scope))[0] ?? null;
    if (chosen === null) return { year: null, metric, rows: [] };
    const direction = METRICS[metric].better === 'lower' ? 'ASC' : 'DESC';
    const column = `"${metric}"`;
    const province = { ...scope, regionCodes: null, level: null, unitIds: null };
    const rows = await this.db.query(
      `WITH rows AS (${CURRENT_METRIC_ROWS}),
       ranked AS (
         SELECT rows.*, ${column} AS value,
                CASE WHEN ${column} IS NOT NULL THEN rank() OVER (PARTITION BY "regionLevel" ORDER BY ${column} ${direction} NULLS LAST)::int END AS "levelRank",
                count(${column}) OVER (PARTITION BY "regionLevel")::int AS "levelSize"
           FROM rows)
       SELECT ranked.*, rank() OVER (ORDER BY value ${direction} NULLS LAST)::int AS rank
         FROM ranked
        WHERE ($7::varchar[] IS NULL OR "regionCode" = ANY($7)) AND ($8::text IS NULL OR "regionLevel" = $8)
          AND ($9::uuid[] IS NULL OR "unitId" = ANY($9))
        ORDER BY rank, "unitName"`,
      [...metricRowParams(province, [chosen]), scope.regionCodes, scope.level, scope.unitIds],
    );
    return { year: chosen, metric, rows };
  }
}
