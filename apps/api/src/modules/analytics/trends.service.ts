import { Injectable } from '@nestjs/common';
import { type MetricKey, round } from '@hunan-perf/metrics';
import { DataSource } from 'typeorm';
import { RegionsRepository } from '../regions/regions.repository.js';
import type { Scope } from './analytics-scope.js';
import type { TrendPointDto, TrendsDto } from './dto/analytics-responses.dto.js';
import { CURRENT_METRIC_ROWS_UNRANKED, metricRowParams, MetricRowsRepository } from './metric-rows.repository.js';

/** Year-over-year change; null when either year has no value or the years are not adjacent. */
export function withChanges(years: number[], values: Map<number, number | null>): TrendPointDto[] {
  return years.map((year, i) => {
    const value = values.get(year) ?? null;
    const previous = i > 0 && years[i - 1] === year - 1 ? (values.get(year - 1) ?? null) : null;
    return { year, value, change: value !== null && previous !== null ? round(value - previous) : null };
  });
}

/** A metric over the years, one series per unit or per region (mean over the region's units). */
@Injectable()
export class TrendsService {
  constructor(
    private readonly db: DataSource,
    private readonly metricRows: MetricRowsRepository,
    private readonly regions: RegionsRepository,
  ) {}

  async trends(scope: Scope, metric: MetricKey, requestedYears: number[] | undefined, regionCodes: string[] | undefined): Promise<TrendsDto> {
    const years = (requestedYears?.length ? [...requestedYears] : await this.metricRows.years(scope)).sort((a, b) => a - b);
    const column = `"${metric}"`;
    if (regionCodes?.length) {
      const series = [];
      for (const code of regionCodes) {
        const region = await this.regions.find(code);
        if (!region) continue;
        const subtree = await this.regions.subtreeCodes(code);
        const codes = scope.regionCodes ? subtree.filter((c) => scope.regionCodes!.includes(c)) : subtree;
        const rows: { year: number; value: number | null }[] = await this.db.query(
          `WITH rows AS (${CURRENT_METRIC_ROWS_UNRANKED})
           SELECT "fiscalYear" AS year, round(avg(${column})::numeric, 2)::float8 AS value FROM rows GROUP BY "fiscalYear"`,
          metricRowParams({ ...scope, regionCodes: codes }, years),
        );
        series.push({ key: code, name: region.name, kind: 'region' as const, points: withChanges(years, new Map(rows.map((r) => [r.year, r.value]))) });
      }
      return { metric, years, series };
    }
    const rows = await this.metricRows.rows(scope, years, 'unit', false);
    const byUnit = new Map<string, { name: string; values: Map<number, number | null> }>();
    for (const row of rows) {
      const entry = byUnit.get(row.unitId) ?? { name: row.unitName, values: new Map() };
      entry.values.set(row.fiscalYear, row[metric]);
      byUnit.set(row.unitId, entry);
    }
    return {
      metric,
      years,
      series: [...byUnit.entries()].map(([key, { name, values }]) => ({ key, name, kind: 'unit' as const, points: withChanges(years, values) })),
    };
  }
}
