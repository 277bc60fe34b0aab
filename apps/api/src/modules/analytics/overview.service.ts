import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Scope } from './analytics-scope.js';
import type { OverviewDto } from './dto/analytics-responses.dto.js';
import type { UnitMetricRowDto } from './dto/unit-metric-row.dto.js';
import { CURRENT_METRIC_ROWS_UNRANKED, metricRowParams, MetricRowsRepository } from './metric-rows.repository.js';

const GRADE_ORDER = ['优', '良', '中', '差', '未评级'];

/** Counts, means and medians, grade distribution and the scatter points of one year, in one statement (ranks are the rankings endpoint’s job). */
const OVERVIEW = `
  WITH rows AS (${CURRENT_METRIC_ROWS_UNRANKED})
  SELECT (SELECT json_build_object(
            'reports', count(*), 'units', count(DISTINCT "unitId"), 'regions', count(DISTINCT "regionCode"),
            'withWarnings', count(*) FILTER (WHERE "warningCount" > 0),
            'scoreMean', round(avg("scoreTotal")::numeric, 2), 'scoreMedian', round((percentile_cont(0.5) WITHIN GROUP (ORDER BY "scoreTotal"))::numeric, 2),
            'scoreMin', min("scoreTotal"), 'scoreMax', max("scoreTotal"),
            'execMean', round(avg("executionRate")::numeric, 2), 'execMedian', round((percentile_cont(0.5) WITHIN GROUP (ORDER BY "executionRate"))::numeric, 2),
            'adjMean', round(avg("adjustmentRatio")::numeric, 2), 'adjMedian', round((percentile_cont(0.5) WITHIN GROUP (ORDER BY "adjustmentRatio"))::numeric, 2))
            FROM rows) AS stats,
         (SELECT COALESCE(json_object_agg(grade, n), '{}') FROM (SELECT COALESCE(grade, '未评级') AS grade, count(*) AS n FROM rows GROUP BY 1) g) AS grades,
         (SELECT COALESCE(json_agg(rows ORDER BY "scoreTotal" DESC NULLS LAST, "unitName"), '[]') FROM rows) AS points`;

interface OverviewRow {
  stats: Record<string, number | null>;
  grades: Record<string, number>;
  points: UnitMetricRowDto[];
}

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
    const [row]: OverviewRow[] = await this.db.query(OVERVIEW, metricRowParams(scope, year === null ? [] : [year]));
    const { stats, grades, points } = row!;
    const scored = points.filter((p) => p.scoreTotal !== null);
    return {
      year,
      availableYears,
      counts: { reports: stats.reports!, units: stats.units!, regions: stats.regions!, withWarnings: stats.withWarnings! },
      score: { mean: stats.scoreMean!, median: stats.scoreMedian!, min: stats.scoreMin!, max: stats.scoreMax! },
      grades: GRADE_ORDER.map((grade) => ({ grade, count: grades[grade] ?? 0 })),
      executionRate: { mean: stats.execMean!, median: stats.execMedian! },
      adjustmentRatio: { mean: stats.adjMean!, median: stats.adjMedian! },
      top: scored.slice(0, 5),
      bottom: scored.slice(-5).reverse(),
      points,
    };
  }
}
