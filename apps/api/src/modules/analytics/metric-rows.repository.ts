import { Injectable } from '@nestjs/common';
import type { MetricKey } from '@hunan-perf/metrics';
import type { DataSource } from 'typeorm';
import { InjectReadDatabase } from '../../database/read-database.js';
import type { Scope } from './analytics-scope.js';
import type { UnitMetricRowDto } from './dto/unit-metric-row.dto.js';

const COLUMNS = `
  SELECT k.report_id AS "reportId", k.unit_id AS "unitId", k.unit_name AS "unitName", k.region_code AS "regionCode",
         k.region_name AS "regionName", k.region_level AS "regionLevel", k.parent_code AS "parentRegionCode",
         p.name AS "parentRegionName", k.fiscal_year AS "fiscalYear", k.kind, k.is_synthetic AS "isSynthetic",
         k.score_total::float8 AS "scoreTotal", k.grade,
         k.execution_rate::float8 AS "executionRate", k.adjustment_ratio::float8 AS "adjustmentRatio",
         k.three_public_control_rate::float8 AS "threePublicControlRate", k.project_share::float8 AS "projectShare",
         k.indicator_completion::float8 AS "indicatorCompletion",
         k.budget_initial::float8 AS "budgetInitial", k.budget_adjusted::float8 AS "budgetAdjusted", k.budget_actual::float8 AS "budgetActual",
         k.rank_in_level::int AS "rankInLevel", k.rank_in_parent::int AS "rankInParent", k.warning_count AS "warningCount"`;

/** The rollup's column of each metric (numeric as stored; the rows give its float8). */
export const METRIC_COLUMN: Record<MetricKey, string> = {
  scoreTotal: 'score_total', executionRate: 'execution_rate', adjustmentRatio: 'adjustment_ratio',
  threePublicControlRate: 'three_public_control_rate', projectShare: 'project_share', indicatorCompletion: 'indicator_completion',
};

/** The rows' columns of report_rollup `k` (parent region `p`), ranks from `ranks` (an alias holding rank_in_level and rank_in_parent). */
export const metricColumns = (ranks: string): string => COLUMNS.replaceAll('k.rank_in_', `${ranks}.rank_in_`);

/** Ranks by score within (year, level) and (year, parent region) of the rollup rows `k` in a window. */
export const SCORE_RANKS = `
           CASE WHEN k.score_total IS NOT NULL THEN
             rank() OVER (PARTITION BY k.fiscal_year, k.region_level ORDER BY k.score_total DESC NULLS LAST) END AS rank_in_level,
           CASE WHEN k.score_total IS NOT NULL THEN
             rank() OVER (PARTITION BY k.fiscal_year, k.parent_code ORDER BY k.score_total DESC NULLS LAST) END AS rank_in_parent`;

export const IN_SCOPE = `k.kind = $1 AND ($2::boolean OR NOT k.is_synthetic) AND ($3::int[] IS NULL OR k.fiscal_year = ANY($3))`;
const FILTERS = `($4::varchar[] IS NULL OR k.region_code = ANY($4)) AND ($5::text IS NULL OR k.region_level = $5)
     AND ($6::uuid[] IS NULL OR k.unit_id = ANY($6))`;

/**
 * Current confirmed reports with their metrics and their ranks by score within (year, level) and
 * (year, parent region), ranked over the whole province before the filters ($4 regions, $5 level,
 * $6 units) apply. The rows come from report_rollup, which triggers keep in step with every write
 * (migration 1764800000000-analytics-rollups): no request joins every report to its unit, region
 * and metrics; the ranks are a window over the years asked for, on narrow rows (the report and
 * what the windows read), joined to the rows in scope: two sorts of a whole year's wide rows made
 * compare at 4× the province 96 ms of SQL for 8 units, 62 ms this way.
 */
export const CURRENT_METRIC_ROWS = `
  WITH ranks AS (
    SELECT k.report_id,${SCORE_RANKS}
      FROM report_rollup k
     WHERE ${IN_SCOPE}
  )
  ${metricColumns('r')}
    FROM report_rollup k
    JOIN ranks r ON r.report_id = k.report_id
    LEFT JOIN region p ON p.code = k.parent_code
   WHERE ${IN_SCOPE} AND ${FILTERS}`;

/** The same rows without ranks: the filters reach the scan, so a few units cost a few rows. */
export const CURRENT_METRIC_ROWS_UNRANKED = `
  WITH ranked AS (SELECT k.*, NULL::int AS rank_in_level, NULL::int AS rank_in_parent FROM report_rollup k WHERE ${IN_SCOPE} AND ${FILTERS})
  ${COLUMNS}
    FROM ranked k
    LEFT JOIN region p ON p.code = k.parent_code`;

/**
 * The rollup's own rows in scope (same parameters), numeric columns as stored, with the parent
 * region's name: for aggregates in decimal arithmetic without a round trip through float8.
 */
export const ROLLUP_ROWS_IN_SCOPE = `
  SELECT k.*, p.name AS parent_name
    FROM report_rollup k
    LEFT JOIN region p ON p.code = k.parent_code
   WHERE ${IN_SCOPE} AND ${FILTERS}`;

export function metricRowParams(scope: Scope, years: number[] | null): unknown[] {
  return [scope.kind, scope.includeSynthetic, years, scope.regionCodes, scope.level, scope.unitIds];
}

const ORDERS = {
  score: `"fiscalYear", "scoreTotal" DESC NULLS LAST, "unitName"`,
  unit: `"unitName", "fiscalYear"`,
} as const;

@Injectable()
export class MetricRowsRepository {
  constructor(@InjectReadDatabase() private readonly db: DataSource) {}

  rows(scope: Scope, years: number[] | null, orderBy: keyof typeof ORDERS = 'score', ranks = true): Promise<UnitMetricRowDto[]> {
    return this.db.query(`${ranks ? CURRENT_METRIC_ROWS : CURRENT_METRIC_ROWS_UNRANKED} ORDER BY ${ORDERS[orderBy]}`, metricRowParams(scope, years));
  }

  /**
   * Years that have at least one current confirmed report in scope, newest first: a skip scan, the
   * newest year, then the newest before it, each one index probe (report_rollup_slice_idx, or
   * report_rollup_years_idx without synthetic units), not a read of every row of every year.
   */
  async years(scope: Scope): Promise<number[]> {
    const newest = (before: string) => `(SELECT max(k.fiscal_year) FROM report_rollup k
        WHERE k.kind = $1 AND ($2::boolean OR NOT k.is_synthetic)${before}
          AND ($3::varchar[] IS NULL OR k.region_code = ANY($3)) AND ($4::text IS NULL OR k.region_level = $4)
          AND ($5::uuid[] IS NULL OR k.unit_id = ANY($5)))`;
    const rows: { y: number }[] = await this.db.query(
      `WITH RECURSIVE years AS (
         SELECT ${newest('')} AS y
         UNION ALL
         SELECT ${newest(' AND k.fiscal_year < years.y')} FROM years WHERE years.y IS NOT NULL)
       SELECT y FROM years WHERE y IS NOT NULL ORDER BY y DESC`,
      [scope.kind, scope.includeSynthetic, scope.regionCodes, scope.level, scope.unitIds],
    );
    return rows.map((r) => r.y);
  }
}
