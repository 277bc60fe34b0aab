import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { InjectReadDatabase } from '../../database/read-database.js';
import type { Scope } from './analytics-scope.js';
import type { UnitMetricRowDto } from './dto/unit-metric-row.dto.js';

const SELECT_ROW = `
  SELECT k.id AS "reportId", k.unit_id AS "unitId", k.unit_name AS "unitName", k.region_code AS "regionCode",
         k.region_name AS "regionName", k.region_level AS "regionLevel", k.parent_code AS "parentRegionCode",
         p.name AS "parentRegionName", k.fiscal_year AS "fiscalYear", k.kind, k.is_synthetic AS "isSynthetic",
         k.score_total::float8 AS "scoreTotal", k.grade,
         m.execution_rate::float8 AS "executionRate", m.adjustment_ratio::float8 AS "adjustmentRatio",
         m.three_public_control_rate::float8 AS "threePublicControlRate", m.project_share::float8 AS "projectShare",
         m.indicator_completion::float8 AS "indicatorCompletion",
         m.budget_initial::float8 AS "budgetInitial", m.budget_adjusted::float8 AS "budgetAdjusted", m.budget_actual::float8 AS "budgetActual",
         k.rank_in_level::int AS "rankInLevel", k.rank_in_parent::int AS "rankInParent", m.warning_count AS "warningCount"`;

const BASE = `
      FROM report r
      JOIN unit u ON u.id = r.unit_id
      JOIN region g ON g.code = u.region_code
     WHERE r.status = 'confirmed' AND r.kind = $1 AND ($2::boolean OR NOT r.is_synthetic)
       AND ($3::int[] IS NULL OR r.fiscal_year = ANY($3))`;

const BASE_COLUMNS = `r.id, r.unit_id, r.fiscal_year, r.kind, r.is_synthetic, r.score_total, r.grade, u.name AS unit_name,
           g.code AS region_code, g.name AS region_name, g.level AS region_level, g.parent_code`;

/**
 * Current confirmed reports with their metrics (report_metric, the stored rows of the SQL view
 * v_report_metric) and their ranks by score within (year, level) and (year, parent region),
 * computed over the whole province before the filters ($4 regions, $5 level, $6 units) apply.
 */
export const CURRENT_METRIC_ROWS = `
  WITH ranked AS (
    SELECT ${BASE_COLUMNS},
           CASE WHEN r.score_total IS NOT NULL THEN
             rank() OVER (PARTITION BY r.fiscal_year, g.level ORDER BY r.score_total DESC NULLS LAST) END AS rank_in_level,
           CASE WHEN r.score_total IS NOT NULL THEN
             rank() OVER (PARTITION BY r.fiscal_year, g.parent_code ORDER BY r.score_total DESC NULLS LAST) END AS rank_in_parent
    ${BASE}
  )
  ${SELECT_ROW}
    FROM ranked k
    JOIN report_metric m ON m.report_id = k.id
    LEFT JOIN region p ON p.code = k.parent_code
   WHERE ($4::varchar[] IS NULL OR k.region_code = ANY($4))
     AND ($5::text IS NULL OR k.region_level = $5)
     AND ($6::uuid[] IS NULL OR k.unit_id = ANY($6))`;

/** The same rows without ranks: the filters reach the base scan, so a few units cost a few rows. */
export const CURRENT_METRIC_ROWS_UNRANKED = `
  WITH ranked AS (
    SELECT ${BASE_COLUMNS}, NULL::int AS rank_in_level, NULL::int AS rank_in_parent
    ${BASE}
       AND ($4::varchar[] IS NULL OR u.region_code = ANY($4))
       AND ($5::text IS NULL OR g.level = $5)
       AND ($6::uuid[] IS NULL OR r.unit_id = ANY($6))
  )
  ${SELECT_ROW}
    FROM ranked k
    JOIN report_metric m ON m.report_id = k.id
    LEFT JOIN region p ON p.code = k.parent_code`;

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

  /** Years that have at least one current confirmed report in scope, newest first. */
  async years(scope: Scope): Promise<number[]> {
    const rows: { y: number }[] = await this.db.query(
      `SELECT DISTINCT r.fiscal_year AS y FROM report r JOIN unit u ON u.id = r.unit_id JOIN region g ON g.code = u.region_code
        WHERE r.status = 'confirmed' AND r.kind = $1 AND ($2::boolean OR NOT r.is_synthetic)
          AND ($3::varchar[] IS NULL OR u.region_code = ANY($3)) AND ($4::text IS NULL OR g.level = $4)
          AND ($5::uuid[] IS NULL OR r.unit_id = ANY($5))
        ORDER BY y DESC`,
      [scope.kind, scope.includeSynthetic, scope.regionCodes, scope.level, scope.unitIds],
    );
    return rows.map((r) => r.y);
  }
}
