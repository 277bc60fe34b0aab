import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Scope } from './analytics-scope.js';
import type { OverviewDto } from './dto/analytics-responses.dto.js';
import { CURRENT_METRIC_ROWS, metricRowParams, MetricRowsRepository } from './metric-rows.repository.js';

const GRADE_ORDER = ['优', '良', '中', '差', '未评级'];

/** KPI cards, grade distribution, top and bottom units, and the 执行率 × 调整率 scatter of one year. */
@Injectable()
export class OverviewService {
  constructor(
    private readonly db: DataSource,
    private readonly metricRows: MetricRowsRepository,
  ) {}

  async overview(scope: Scope, requestedYear: number | undefined): Promise<OverviewDto> {
    const availableYears = await this.metricRows.years(scope);
    const year = requestedYear ?? availableYears[0] ?? null;
    const years = year === null ? [] : [year];
    const [stats] = await this.db.query(
      `WITH rows AS (${CURRENT_METRIC_ROWS})
       SELECT count(*)::int AS reports, count(DISTINCT "unitId")::int AS units, count(DISTINCT "regionCode")::int AS regions,
              count(*) FILTER (WHERE "warningCount" > 0)::int AS "withWarnings",
              round(avg("scoreTotal")::numeric, 2)::float8 AS "scoreMean",
              round((percentile_cont(0.5) WITHIN GROUP (ORDER BY "scoreTotal"))::numeric, 2)::float8 AS "scoreMedian",
              min("scoreTotal") AS "scoreMin", max("scoreTotal") AS "scoreMax",
              round(avg("executionRate")::numeric, 2)::float8 AS "execMean",
              round((percentile_cont(0.5) WITHIN GROUP (ORDER BY "executionRate"))::numeric, 2)::float8 AS "execMedian",
              round(avg("adjustmentRatio")::numeric, 2)::float8 AS "adjMean",
              round((percentile_cont(0.5) WITHIN GROUP (ORDER BY "adjustmentRatio"))::numeric, 2)::float8 AS "adjMedian"
         FROM rows`,
      metricRowParams(scope, years),
    );
    const gradeRows: { grade: string; count: number }[] = await this.db.query(
      `WITH rows AS (${CURRENT_METRIC_ROWS})
       SELECT COALESCE(grade, '未评级') AS grade, count(*)::int AS count FROM rows GROUP BY 1`,
      metricRowParams(scope, years),
    );
    const points = year === null ? [] : await this.metricRows.rows(scope, years, `"scoreTotal" DESC NULLS LAST, "unitName"`);
    const scored = points.filter((p) => p.scoreTotal !== null);
    return {
      year,
      availableYears,
      counts: { reports: stats.reports, units: stats.units, regions: stats.regions, withWarnings: stats.withWarnings },
      score: { mean: stats.scoreMean, median: stats.scoreMedian, min: stats.scoreMin, max: stats.scoreMax },
      grades: GRADE_ORDER.map((grade) => ({ grade, count: gradeRows.find((g) => g.grade === grade)?.count ?? 0 })),
      executionRate: { mean: stats.execMean, median: stats.execMedian },
      adjustmentRatio: { mean: stats.adjMean, median: stats.adjMedian },
      top: scored.slice(0, 5),
      bottom: scored.slice(-5).reverse(),
      points,
    };
  }
}
