import { Injectable } from '@nestjs/common';
import { PLAUSIBILITY_METRICS, type PlausibilityBands, type PlausibilityMetric } from '@hunan-perf/metrics';
import type { DataSource } from 'typeorm';
import { InjectReadDatabase } from '../../database/read-database.js';
import type { Scope } from './analytics-scope.js';
import type { OverviewPointDto, OverviewPointsDto } from './dto/overview.dto.js';
import { METRIC_COLUMN, metricRowParams, ROLLUP_ROWS_IN_SCOPE } from './metric-rows.repository.js';
import { implausibleSql, medianSql } from './plausibility.repository.js';
import { RawJson } from './raw-json.js';
import { shownGradeSql } from './shown-grade-sql.js';

/** The KPI metrics: key in the rows, the column flagging it 异常. */
const PREFIX: Record<PlausibilityMetric, string> = { executionRate: 'exec', adjustmentRatio: 'adj', threePublicControlRate: 'tp', scoreTotal: 'score' };
/** In the order of PLAUSIBILITY_METRICS, so a point's anomalies come in the order anomaliesOf() gives them. */
const KPI = PLAUSIBILITY_METRICS.map((key) => ({ key, prefix: PREFIX[key] }));
export const OVERVIEW_KPIS = KPI;

const GRADE_ORDER = ['优', '良', '中', '差', '未评级'] as const;

/** The fields of a point, in the order the old one-object-per-point answer had them. */
const ROW_FIELDS = [
  'reportId', 'unitId', 'unitName', 'regionCode', 'regionName', 'regionLevel', 'parentRegionCode', 'parentRegionName', 'fiscalYear', 'kind',
  'isSynthetic', 'scoreTotal', 'grade', 'executionRate', 'adjustmentRatio', 'threePublicControlRate', 'projectShare', 'indicatorCompletion',
  'budgetInitial', 'budgetAdjusted', 'budgetActual', 'rankInLevel', 'rankInParent', 'warningCount', 'gradeDerived', 'anomalies',
] as const satisfies readonly (keyof OverviewPointDto)[];
/** The scatter's columns: every field but kind (the one asked for) and the ranks (none here). */
export const POINT_COLUMNS = ROW_FIELDS.filter((f) => f !== 'kind' && f !== 'rankInLevel' && f !== 'rankInParent') as (keyof OverviewPointsDto)[];

const used = (k: (typeof KPI)[number]) => `($8::boolean OR NOT p."${k.key}Bad")`;
const shown = shownGradeSql('k.grade', 'k.score_total');
/** The numeric fields of a point: stored numeric in `points`, float8 in the answer (as every row's). */
const NUMERIC: Partial<Record<(typeof ROW_FIELDS)[number], string>> = {
  ...METRIC_COLUMN, budgetInitial: 'budget_initial', budgetAdjusted: 'budget_adjusted', budgetActual: 'budget_actual',
};
/** A field of a point `p` as the answer gives it. */
const field = (f: (typeof ROW_FIELDS)[number]): string => {
  if (f === 'kind') return '$1::text';
  if (f === 'rankInLevel' || f === 'rankInParent') return 'NULL::int';
  if (f === 'anomalies') return `array_remove(ARRAY[${KPI.map((k) => `CASE WHEN p."${k.key}Bad" THEN '${k.key}' END`).join(', ')}]::text[], NULL)`;
  return NUMERIC[f] ? `p."${f}"::float8` : `p."${f}"`;
};
const pointObject = `json_build_object(${ROW_FIELDS.map((f) => `'${f}', ${field(f)}`).join(', ')})`;

/**
 * Counts; per KPI metric the mean, median, min, max and how many values were used, were 异常
 * and were left out ($8: include 异常 values); the grade distribution (grades the report does not
 * write taken from the score); every 异常 value; the top and bottom five by score; and every
 * point as one array per field (the scatter), as JSON text made here and never parsed in Node.
 * Points are ordered by score (best first), then unit name; `ord` is that place. Statistics and
 * bands use the stored numeric values; the answer's numbers are their float8 (as every row's).
 * `points` carries each value once, as stored, with its 异常 flags: the casts to float8 are made
 * where a value is written into the answer, once per value.
 */
const OVERVIEW = `
  WITH points AS MATERIALIZED (
    SELECT k.report_id AS "reportId", k.unit_id AS "unitId", k.unit_name AS "unitName", k.region_code AS "regionCode",
           k.region_name AS "regionName", k.region_level AS "regionLevel", k.parent_code AS "parentRegionCode",
           k.parent_name AS "parentRegionName", k.fiscal_year AS "fiscalYear", k.is_synthetic AS "isSynthetic",
           ${Object.entries(NUMERIC).map(([f, c]) => `k.${c} AS "${f}"`).join(', ')},
           ${shown.grade} AS grade, k.warning_count AS "warningCount", ${shown.derived} AS "gradeDerived",
           ${KPI.map((k) => `${implausibleSql(`k.${METRIC_COLUMN[k.key]}`, k.key, '$7')} AS "${k.key}Bad"`).join(', ')},
           row_number() OVER (ORDER BY k.score_total DESC NULLS LAST, k.unit_name) AS ord
      FROM (${ROLLUP_ROWS_IN_SCOPE}) k
  )
  SELECT (SELECT json_build_object(
            'reports', count(*), 'units', count(DISTINCT "unitId"), 'regions', count(DISTINCT "regionCode"),
            'withWarnings', count(*) FILTER (WHERE "warningCount" > 0),
            ${KPI.map((k) => `
            '${k.prefix}Mean', round(avg(p."${k.key}") FILTER (WHERE ${used(k)}), 2),
            '${k.prefix}Median', ${medianSql(`p."${k.key}"`, used(k))},
            '${k.prefix}Min', min(p."${k.key}") FILTER (WHERE ${used(k)}),
            '${k.prefix}Max', max(p."${k.key}") FILTER (WHERE ${used(k)}),
            '${k.prefix}Count', count(p."${k.key}") FILTER (WHERE ${used(k)}),
            '${k.prefix}Implausible', count(*) FILTER (WHERE p."${k.key}Bad"),
            '${k.prefix}Excluded', count(*) FILTER (WHERE p."${k.key}Bad" AND NOT $8::boolean)`).join(',')})
            FROM points p) AS stats,
         (SELECT json_build_array(${GRADE_ORDER.map((g) => `json_build_object('grade', '${g}',
                   'count', count(*) FILTER (WHERE COALESCE(grade, '未评级') = '${g}'),
                   'derived', count(*) FILTER (WHERE COALESCE(grade, '未评级') = '${g}' AND "gradeDerived"))`).join(', ')})
            FROM points) AS grades,
         (SELECT COALESCE(json_agg(json_build_object('metric', a.metric, 'value', a.value, 'reportId', a."reportId", 'unitId', a."unitId",
                                                     'unitName', a."unitName", 'regionName', a."regionName", 'fiscalYear', a."fiscalYear")
                                   ORDER BY a.place, a.value DESC, a.ord), '[]')
            FROM (${KPI.map((k, place) => `SELECT ${place} AS place, '${k.key}' AS metric, p."${k.key}"::float8 AS value, p."reportId", p."unitId",
                           p."unitName", p."regionName", p."fiscalYear", p.ord
                      FROM points p WHERE p."${k.key}Bad"`).join(' UNION ALL ')}) a) AS anomalies,
         (SELECT COALESCE(json_agg(${pointObject} ORDER BY p.ord), '[]')
            FROM (SELECT * FROM points WHERE "scoreTotal" IS NOT NULL ORDER BY ord LIMIT 5) p) AS top,
         (SELECT COALESCE(json_agg(${pointObject} ORDER BY p.ord DESC), '[]')
            FROM (SELECT * FROM points WHERE "scoreTotal" IS NOT NULL ORDER BY ord DESC LIMIT 5) p) AS bottom,
         -- One pass over the points in their order: each array lists them in that same order.
         (SELECT json_build_object(${POINT_COLUMNS.map((f) => `'${f}', COALESCE(json_agg(${field(f)}), '[]')`).join(', ')})
            FROM (SELECT * FROM points ORDER BY ord) p)::text AS points`;

export interface OverviewRow {
  stats: Record<string, number | string | null>;
  grades: { grade: (typeof GRADE_ORDER)[number]; count: number; derived: number }[];
  anomalies: { metric: PlausibilityMetric; value: number; reportId: string; unitId: string; unitName: string; regionName: string; fiscalYear: number }[];
  top: OverviewPointDto[];
  bottom: OverviewPointDto[];
  points: RawJson<OverviewPointsDto>;
}

@Injectable()
export class OverviewRepository {
  constructor(@InjectReadDatabase() private readonly db: DataSource) {}

  async overview(scope: Scope, year: number | null, bands: PlausibilityBands, includeImplausible: boolean): Promise<OverviewRow> {
    const [row]: (Omit<OverviewRow, 'points'> & { points: string })[] = await this.db.query(OVERVIEW, [
      ...metricRowParams(scope, year === null ? [] : [year]), JSON.stringify(bands.bands), includeImplausible,
    ]);
    return { ...row!, points: new RawJson(row!.points) };
  }
}
