import { Injectable } from '@nestjs/common';
import { METRIC_KEYS, type MetricKey } from '@hunan-perf/metrics';
import { DataSource } from 'typeorm';
import type { Scope } from './analytics-scope.js';
import type { CompareDto, Level1RateDto } from './dto/analytics-responses.dto.js';
import { MetricRowsRepository } from './metric-rows.repository.js';

/**
 * 得分率 per 一级指标 in SQL, the same rule as libs/metrics scoreRatesByLevel1: breakdown rows
 * at 一级 level first, then 二级 breakdown rows of other 一级, then indicator rows of 一级 the
 * breakdown does not mention; rows without a weight do not count.
 */
const LEVEL1_RATES = `
  WITH b1 AS (
    SELECT report_id, level1, weight, score FROM report_score_breakdown
     WHERE report_id = ANY($1::uuid[]) AND level2 IS NULL AND level1 IS NOT NULL AND weight IS NOT NULL),
  b2 AS (
    SELECT b.report_id, b.level1, b.weight, b.score FROM report_score_breakdown b
     WHERE b.report_id = ANY($1::uuid[]) AND b.level2 IS NOT NULL AND b.level1 IS NOT NULL AND b.weight IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM b1 WHERE b1.report_id = b.report_id AND b1.level1 = b.level1)),
  ind AS (
    SELECT i.report_id, i.level1, i.weight, i.score FROM report_indicator i
     WHERE i.report_id = ANY($1::uuid[]) AND i.level1 IS NOT NULL AND i.weight IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM report_score_breakdown b WHERE b.report_id = i.report_id AND b.level1 = i.level1)),
  rows AS (SELECT * FROM b1 UNION ALL SELECT * FROM b2 UNION ALL SELECT * FROM ind)
  SELECT r.unit_id AS "unitId", rows.level1, sum(rows.weight)::float8 AS weight, COALESCE(sum(rows.score), 0)::float8 AS score,
         CASE WHEN sum(rows.weight) > 0 THEN round(COALESCE(sum(rows.score), 0) / sum(rows.weight) * 100, 2)::float8 END AS "scoreRate"
    FROM rows JOIN report r ON r.id = rows.report_id
   GROUP BY r.unit_id, rows.level1
   ORDER BY r.unit_id, min(rows.level1)`;

@Injectable()
export class CompareService {
  constructor(
    private readonly db: DataSource,
    private readonly metricRows: MetricRowsRepository,
  ) {}

  async compare(scope: Scope, year: number | undefined, metrics: MetricKey[] | undefined): Promise<CompareDto> {
    const chosenYear = year ?? (await this.metricRows.years(scope))[0] ?? null;
    const rows = chosenYear === null ? [] : await this.metricRows.rows(scope, [chosenYear], 'unit');
    return {
      year: chosenYear,
      metrics: metrics?.length ? metrics : [...METRIC_KEYS],
      rows,
      level1Rates: await this.level1Rates(rows.map((r) => r.reportId)),
    };
  }

  level1Rates(reportIds: string[]): Promise<Level1RateDto[]> {
    return reportIds.length ? this.db.query(LEVEL1_RATES, [reportIds]) : Promise.resolve([]);
  }
}
