import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Scope } from './analytics-scope.js';
import type { IndicatorsDto } from './dto/indicators.dto.js';
import { CURRENT_METRIC_ROWS_UNRANKED, metricRowParams, MetricRowsRepository } from './metric-rows.repository.js';

/** Indicator completion per unit and per 一级/二级 category, and the rows behind it. */
@Injectable()
export class IndicatorsService {
  constructor(
    private readonly db: DataSource,
    private readonly metricRows: MetricRowsRepository,
  ) {}

  async indicators(scope: Scope, year: number | undefined, status: string | undefined): Promise<IndicatorsDto> {
    const chosen = year ?? (await this.metricRows.years(scope))[0] ?? null;
    if (chosen === null) return { year: null, units: [], categories: [], rows: [] };
    const params = metricRowParams(scope, [chosen]);
    const units = await this.db.query(
      `WITH rows AS (${CURRENT_METRIC_ROWS_UNRANKED})
       SELECT rows."unitId", rows."unitName", rows."indicatorCompletion" AS completion, m.met, m.unmet, m.qualitative, m.unknown
         FROM rows JOIN report_metric m ON m.report_id = rows."reportId" ORDER BY rows."unitName"`,
      params,
    );
    const categories = await this.db.query(
      `WITH rows AS (${CURRENT_METRIC_ROWS_UNRANKED})
       SELECT rows."unitId", rows."unitName", COALESCE(i.level1, '（未分类）') AS level1, i.level2,
              count(*) FILTER (WHERE i.quantitative AND i.status = 'met')::int AS met,
              count(*) FILTER (WHERE i.quantitative AND i.status = 'unmet')::int AS unmet,
              count(*)::int AS total,
              CASE WHEN count(*) FILTER (WHERE i.quantitative AND i.status IN ('met', 'unmet')) = 0 THEN NULL
                   ELSE round(count(*) FILTER (WHERE i.quantitative AND i.status = 'met')::numeric
                              / count(*) FILTER (WHERE i.quantitative AND i.status IN ('met', 'unmet')) * 100, 2)::float8 END AS completion
         FROM rows JOIN report_indicator i ON i.report_id = rows."reportId"
        GROUP BY rows."unitId", rows."unitName", COALESCE(i.level1, '（未分类）'), i.level2
        ORDER BY rows."unitName", min(i.position)`,
      params,
    );
    const rows = await this.db.query(
      `WITH rows AS (${CURRENT_METRIC_ROWS_UNRANKED})
       SELECT rows."reportId", rows."unitId", rows."unitName", i.level1, i.level2, i.name, i.target, i.actual,
              i.weight::float8 AS weight, i.score::float8 AS score, i.comparator, COALESCE(i.quantitative, false) AS quantitative,
              COALESCE(i.status, 'unknown') AS status
         FROM rows JOIN report_indicator i ON i.report_id = rows."reportId"
        WHERE ($7::text IS NULL OR i.status = $7)
        ORDER BY rows."unitName", i.position`,
      [...params, status ?? null],
    );
    return { year: chosen, units, categories, rows };
  }
}
