import { Injectable } from '@nestjs/common';
import { INDICATOR_CATEGORIES } from '@hunan-perf/contracts';
import { categoryOf, METRIC_KEYS, type MetricKey } from '@hunan-perf/metrics';
import type { DataSource } from 'typeorm';
import { InjectReadDatabase } from '../../database/read-database.js';
import type { Scope } from './analytics-scope.js';
import type { CategoryRateDto, CompareDto, CompareRowDto } from './dto/analytics-responses.dto.js';
import { MetricRowsRepository } from './metric-rows.repository.js';

/** The written 一级/二级 pairs of the reports' breakdown rows and of indicator rows stored without a category. */
const LEVEL_PAIRS = `
  SELECT DISTINCT level1, level2 FROM report_score_breakdown WHERE report_id = ANY($1::uuid[])
  UNION
  SELECT DISTINCT level1, level2 FROM report_indicator WHERE report_id = ANY($1::uuid[]) AND category IS NULL`;

/**
 * 得分率 per canonical 一级 category in SQL. Which rows count follows libs/metrics
 * scoreRatesByLevel1 per written 一级: its breakdown rows at 一级 level first, then its 二级
 * breakdown rows, then its indicator rows where the breakdown does not mention it; rows without a
 * weight do not count. Each row's category is the one stored with it, else the one libs/metrics
 * categoryOf gives its written names ($2…$4, computed at read time: rows stored before the
 * category column and breakdown rows have none); the rows of a category are then summed.
 */
const CATEGORY_RATES = `
  WITH map AS (SELECT * FROM unnest($2::text[], $3::text[], $4::text[]) AS m(level1, level2, category)),
  b1 AS (
    SELECT report_id, level1, level2, weight, score, NULL::text AS category FROM report_score_breakdown
     WHERE report_id = ANY($1::uuid[]) AND level2 IS NULL AND level1 IS NOT NULL AND weight IS NOT NULL),
  b2 AS (
    SELECT b.report_id, b.level1, b.level2, b.weight, b.score, NULL::text AS category FROM report_score_breakdown b
     WHERE b.report_id = ANY($1::uuid[]) AND b.level2 IS NOT NULL AND b.level1 IS NOT NULL AND b.weight IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM b1 WHERE b1.report_id = b.report_id AND b1.level1 = b.level1)),
  ind AS (
    SELECT i.report_id, i.level1, i.level2, i.weight, i.score, i.category FROM report_indicator i
     WHERE i.report_id = ANY($1::uuid[]) AND i.level1 IS NOT NULL AND i.weight IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM report_score_breakdown b WHERE b.report_id = i.report_id AND b.level1 = i.level1)),
  rows AS (SELECT * FROM b1 UNION ALL SELECT * FROM b2 UNION ALL SELECT * FROM ind),
  categorised AS (
    SELECT rows.*, COALESCE(rows.category, map.category, '其他') AS canonical FROM rows
      LEFT JOIN map ON map.level1 IS NOT DISTINCT FROM rows.level1 AND map.level2 IS NOT DISTINCT FROM rows.level2)
  SELECT r.unit_id AS "unitId", c.report_id AS "reportId", c.canonical AS category,
         array_agg(DISTINCT c.level1 ORDER BY c.level1) AS "writtenLevel1",
         sum(c.weight)::float8 AS weight, COALESCE(sum(c.score), 0)::float8 AS score,
         CASE WHEN sum(c.weight) > 0 THEN round(COALESCE(sum(c.score), 0) / sum(c.weight) * 100, 2)::float8 END AS "scoreRate"
    FROM categorised c JOIN report r ON r.id = c.report_id
   GROUP BY r.unit_id, c.report_id, c.canonical
   ORDER BY r.unit_id, array_position($5::text[], c.canonical)`;

/**
 * How many units of each (year, level) have a score: what 同级排名 is out of. Counted over the
 * whole province (the kind and synthetic flag apply, the region and unit filters do not), as the
 * ranks are.
 */
const LEVEL_SIZES = `
  SELECT k.fiscal_year AS year, k.region_level AS level, count(*) FILTER (WHERE k.score_total IS NOT NULL)::int AS n
    FROM report_rollup k
   WHERE k.kind = $1 AND ($2::boolean OR NOT k.is_synthetic) AND k.fiscal_year = ANY($3::int[])
   GROUP BY k.fiscal_year, k.region_level`;

/** The latest report of each unit among rows of several years (ordered by unit name, then year). */
export function latestPerUnit<R extends { unitId: string; fiscalYear: number }>(rows: R[]): R[] {
  const latest = new Map<string, R>();
  for (const row of rows) {
    const seen = latest.get(row.unitId);
    if (!seen || row.fiscalYear > seen.fiscalYear) latest.set(row.unitId, row);
  }
  return rows.filter((r) => latest.get(r.unitId) === r);
}

@Injectable()
export class CompareService {
  constructor(
    @InjectReadDatabase() private readonly db: DataSource,
    private readonly metricRows: MetricRowsRepository,
  ) {}

  /**
   * A chosen year: each unit's report of that year. No year: each unit's latest report
   * (各单位最新年度), the units' years may differ. Ranks are always those of the report's own year.
   */
  async compare(scope: Scope, year: number | undefined, metrics: MetricKey[] | undefined): Promise<CompareDto> {
    const rows = year !== undefined
      ? await this.metricRows.rows(scope, [year], 'unit')
      : latestPerUnit(await this.metricRows.rows(scope, null, 'unit'));
    const categoryRates = await this.categoryRates(rows.map((r) => r.reportId));
    return {
      year: year ?? null,
      mode: year !== undefined ? 'year' : 'latest',
      metrics: metrics?.length ? metrics : [...METRIC_KEYS],
      rows: await this.withLevelSizes(scope, rows),
      categories: INDICATOR_CATEGORIES.filter((c) => categoryRates.some((r) => r.category === c)),
      categoryRates,
    };
  }

  async categoryRates(reportIds: string[]): Promise<CategoryRateDto[]> {
    if (!reportIds.length) return [];
    const pairs: { level1: string | null; level2: string | null }[] = await this.db.query(LEVEL_PAIRS, [reportIds]);
    return this.db.query(CATEGORY_RATES, [
      reportIds, pairs.map((p) => p.level1), pairs.map((p) => p.level2), pairs.map((p) => categoryOf(p.level1, p.level2) ?? '其他'),
      [...INDICATOR_CATEGORIES],
    ]);
  }

  private async withLevelSizes(scope: Scope, rows: Omit<CompareRowDto, 'levelSize'>[]): Promise<CompareRowDto[]> {
    const years = [...new Set(rows.map((r) => r.fiscalYear))];
    const sizes: { year: number; level: string; n: number }[] = years.length
      ? await this.db.query(LEVEL_SIZES, [scope.kind, scope.includeSynthetic, years])
      : [];
    const size = (r: { fiscalYear: number; regionLevel: string }) => sizes.find((s) => s.year === r.fiscalYear && s.level === r.regionLevel)?.n ?? null;
    return rows.map((r) => ({ ...r, levelSize: r.rankInLevel === null ? null : size(r) }));
  }
}
