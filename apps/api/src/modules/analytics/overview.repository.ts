import { Injectable } from '@nestjs/common';
import { PLAUSIBILITY_METRICS, type PlausibilityBands, type PlausibilityMetric } from '@hunan-perf/metrics';
import type { DataSource } from 'typeorm';
import { InjectReadDatabase } from '../../database/read-database.js';
import type { Scope } from './analytics-scope.js';
import type { UnitMetricRowDto } from './dto/unit-metric-row.dto.js';
import { CURRENT_METRIC_ROWS_UNRANKED, metricRowParams } from './metric-rows.repository.js';
import { implausibleSql, medianSql } from './plausibility.repository.js';

/** The KPI metrics: key in the rows, the column flagging it 异常. */
const PREFIX: Record<PlausibilityMetric, string> = { executionRate: 'exec', adjustmentRatio: 'adj', threePublicControlRate: 'tp', scoreTotal: 'score' };
/** In the order of PLAUSIBILITY_METRICS, so a point's anomalies come in the order anomaliesOf() gives them. */
const KPI = PLAUSIBILITY_METRICS.map((key) => ({ key, prefix: PREFIX[key] }));

const used = (k: (typeof KPI)[number]) => `($8::boolean OR NOT "${k.key}Bad")`;

/**
 * Counts; per KPI metric the mean, median, min, max and how many values were used, were 异常
 * and were left out ($8: include 异常 values); and every point with the metrics it has 异常.
 */
const OVERVIEW = `
  WITH rows AS (${CURRENT_METRIC_ROWS_UNRANKED}),
  flagged AS (
    SELECT rows.*, ${KPI.map((k) => `${implausibleSql(`rows."${k.key}"`, k.key, '$7')} AS "${k.key}Bad"`).join(', ')}
      FROM rows
  )
  SELECT (SELECT json_build_object(
            'reports', count(*), 'units', count(DISTINCT "unitId"), 'regions', count(DISTINCT "regionCode"),
            'withWarnings', count(*) FILTER (WHERE "warningCount" > 0),
            ${KPI.map((k) => `
            '${k.prefix}Mean', round(avg("${k.key}"::numeric) FILTER (WHERE ${used(k)}), 2),
            '${k.prefix}Median', ${medianSql(`"${k.key}"`, used(k))},
            '${k.prefix}Min', min("${k.key}"::numeric) FILTER (WHERE ${used(k)}),
            '${k.prefix}Max', max("${k.key}"::numeric) FILTER (WHERE ${used(k)}),
            '${k.prefix}Count', count("${k.key}") FILTER (WHERE ${used(k)}),
            '${k.prefix}Implausible', count(*) FILTER (WHERE "${k.key}Bad"),
            '${k.prefix}Excluded', count(*) FILTER (WHERE "${k.key}Bad" AND NOT $8::boolean)`).join(',')})
            FROM flagged) AS stats,
         (SELECT COALESCE(json_agg(p ORDER BY p."scoreTotal" DESC NULLS LAST, p."unitName"), '[]')
            FROM (SELECT rows.*, ARRAY(SELECT m FROM unnest(ARRAY[${KPI.map((k) => `CASE WHEN "${k.key}Bad" THEN '${k.key}' END`).join(', ')}]) m WHERE m IS NOT NULL) AS anomalies
                    FROM flagged rows) p) AS points`;

export interface OverviewRow {
  stats: Record<string, number | string | null>;
  points: (UnitMetricRowDto & { anomalies: PlausibilityMetric[] })[];
}

export const OVERVIEW_KPIS = KPI;

@Injectable()
export class OverviewRepository {
  constructor(@InjectReadDatabase() private readonly db: DataSource) {}

  async overview(scope: Scope, year: number | null, bands: PlausibilityBands, includeImplausible: boolean): Promise<OverviewRow> {
    const [row]: OverviewRow[] = await this.db.query(OVERVIEW, [
      ...metricRowParams(scope, year === null ? [] : [year]), JSON.stringify(bands.bands), includeImplausible,
    ]);
    return row!;
  }
}
