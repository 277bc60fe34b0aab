import { Injectable } from '@nestjs/common';
import { type MetricKey, round } from '@hunan-perf/metrics';
import type { DataSource } from 'typeorm';
import { InjectReadDatabase } from '../../database/read-database.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import type { Scope } from './analytics-scope.js';
import type { TrendPointDto, TrendsDto } from './dto/analytics-responses.dto.js';
import { ExportFiltersRepository } from './export-filters.repository.js';
import { CURRENT_METRIC_ROWS_UNRANKED, metricRowParams, MetricRowsRepository } from './metric-rows.repository.js';

/** Year-over-year change; null when either year has no value or the years are not adjacent. */
export function withChanges(years: number[], values: Map<number, number | null>): TrendPointDto[] {
  return years.map((year, i) => {
    const value = values.get(year) ?? null;
    const previous = i > 0 && years[i - 1] === year - 1 ? (values.get(year - 1) ?? null) : null;
    return { year, value, change: value !== null && previous !== null ? round(value - previous) : null };
  });
}

/** Every year from the first to the last, so a year without a report is a gap, not a missing tick. */
export function yearRange(years: number[]): number[] {
  if (!years.length) return [];
  const first = Math.min(...years);
  const last = Math.max(...years);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/**
 * A metric over the years: one series per chosen unit, and one per chosen region (the mean over
 * all the region's units, whichever units are chosen). Without requested years the years run
 * from the first to the last year with data in scope, missing years included (value null).
 */
@Injectable()
export class TrendsService {
  constructor(
    @InjectReadDatabase() private readonly db: DataSource,
    private readonly metricRows: MetricRowsRepository,
    private readonly regions: RegionsRepository,
    private readonly filters: ExportFiltersRepository,
  ) {}

  async trends(scope: Scope, metric: MetricKey, requestedYears: number[] | undefined, regionCodes: string[] | undefined): Promise<TrendsDto> {
    const regionSeries = regionCodes?.length;
    const unitSeries = !regionSeries || scope.unitIds !== null;
    const known = requestedYears?.length
      ? [...requestedYears]
      : [
        ...(unitSeries ? await this.metricRows.years(scope) : []),
        ...(regionSeries ? await this.metricRows.years({ ...scope, unitIds: null }) : []),
      ];
    const years = requestedYears?.length ? [...new Set(known)].sort((a, b) => a - b) : yearRange(known);
    const series: TrendsDto['series'] = [];
    if (unitSeries) series.push(...(await this.unitSeries(scope, metric, years)));
    for (const code of regionCodes ?? []) {
      const s = await this.regionSeries({ ...scope, unitIds: null }, metric, years, code);
      if (s) series.push(s);
    }
    return { metric, years, series, dataAsOf: await this.filters.dataAsOf() };
  }

  private async regionSeries(scope: Scope, metric: MetricKey, years: number[], code: string): Promise<TrendsDto['series'][number] | null> {
    const region = await this.regions.find(code);
    if (!region) return null;
    const subtree = await this.regions.subtreeCodes(code);
    const codes = scope.regionCodes ? subtree.filter((c) => scope.regionCodes!.includes(c)) : subtree;
    const rows: { year: number; value: number | null }[] = await this.db.query(
      `WITH rows AS (${CURRENT_METRIC_ROWS_UNRANKED})
       SELECT "fiscalYear" AS year, round(avg("${metric}")::numeric, 2)::float8 AS value FROM rows GROUP BY "fiscalYear"`,
      metricRowParams({ ...scope, regionCodes: codes }, years),
    );
    return { key: code, name: region.name, kind: 'region', points: withChanges(years, new Map(rows.map((r) => [r.year, r.value]))) };
  }

  private async unitSeries(scope: Scope, metric: MetricKey, years: number[]): Promise<TrendsDto['series']> {
    const rows = years.length ? await this.metricRows.rows(scope, years, 'unit', false) : [];
    const byUnit = new Map<string, { name: string; values: Map<number, number | null> }>();
    for (const row of rows) {
      const entry = byUnit.get(row.unitId) ?? { name: row.unitName, values: new Map() };
      entry.values.set(row.fiscalYear, row[metric]);
      byUnit.set(row.unitId, entry);
    }
    return [...byUnit.entries()].map(([key, { name, values }]) => ({ key, name, kind: 'unit' as const, points: withChanges(years, values) }));
  }
}
