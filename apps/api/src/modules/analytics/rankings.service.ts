import { Injectable } from '@nestjs/common';
import { type MetricKey, METRICS } from '@hunan-perf/metrics';
import { DataSource } from 'typeorm';
import type { Scope } from './analytics-scope.js';
import type { RankingsDto } from './dto/analytics-responses.dto.js';
import { CURRENT_METRIC_ROWS, metricRowParams, MetricRowsRepository } from './metric-rows.repository.js';

/** Units ranked by a metric: best first (higher is better, except where lower is: 调整率, 三公控制率). */
@Injectable()
export class RankingsService {
  constructor(
    private readonly db: DataSource,
    private readonly metricRows: MetricRowsRepository,
  ) {}

  async rankings(scope: Scope, year: number | undefined, metric: MetricKey): Promise<RankingsDto> {
    const chosen = year ?? (await this.metricRows.years(scope))[0] ?? null;
    if (chosen === null) return { year: null, metric, rows: [] };
    const direction = METRICS[metric].better === 'lower' ? 'ASC' : 'DESC';
    const rows = await this.db.query(
      `WITH rows AS (${CURRENT_METRIC_ROWS})
       SELECT rows.*, "${metric}" AS value, rank() OVER (ORDER BY "${metric}" ${direction} NULLS LAST)::int AS rank
         FROM rows ORDER BY rank, "unitName"`,
      metricRowParams(scope, [chosen]),
    );
    return { year: chosen, metric, rows };
  }
}
