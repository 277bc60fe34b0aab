import { Injectable } from '@nestjs/common';
import { describeBand, PLAUSIBILITY_LABELS } from '@hunan-perf/metrics';
import { PlausibilityService } from '../settings/plausibility.service.js';
import type { Scope } from './analytics-scope.js';
import type { KpiStatsDto, OverviewDto, OverviewPointDto, OverviewPointsDto } from './dto/overview.dto.js';
import { MetricRowsRepository } from './metric-rows.repository.js';
import { OVERVIEW_KPIS, OverviewRepository, type OverviewRow, POINT_COLUMNS } from './overview.repository.js';
import type { RawJson } from './raw-json.js';

/** The overview as it is answered: the points stay the JSON text SQL made. */
export type OverviewAnswer = Omit<OverviewDto, 'points'> & { points: RawJson<OverviewPointsDto> };

function kpi(stats: OverviewRow['stats'], prefix: string, band: string): KpiStatsDto {
  const n = (k: string) => (stats[`${prefix}${k}`] == null ? null : Number(stats[`${prefix}${k}`]));
  return {
    mean: n('Mean'), median: n('Median'), min: n('Min'), max: n('Max'),
    count: n('Count') ?? 0, implausible: n('Implausible') ?? 0, excluded: n('Excluded') ?? 0, band,
  };
}

/** KPI cards (mean and median, 异常 values left out unless asked for), grade distribution, top and bottom units, the scatter. */
@Injectable()
export class OverviewService {
  constructor(
    private readonly repository: OverviewRepository,
    private readonly metricRows: MetricRowsRepository,
    private readonly plausibility: PlausibilityService,
  ) {}

  async overview(scope: Scope, requestedYear: number | undefined, includeImplausible = false): Promise<OverviewAnswer> {
    const [availableYears, bands] = await Promise.all([this.metricRows.years(scope), this.plausibility.bands()]);
    const year = requestedYear ?? availableYears[0] ?? null;
    const row = await this.repository.overview(scope, year, bands, includeImplausible);
    const band = Object.fromEntries(OVERVIEW_KPIS.map(({ key }) => [key, describeBand(key, bands.bands[key])]));
    const stats = Object.fromEntries(OVERVIEW_KPIS.map((k) => [k.key, kpi(row.stats, k.prefix, band[k.key]!)]));
    return {
      year,
      availableYears,
      includeImplausible,
      bandsVersion: bands.version,
      counts: { reports: Number(row.stats.reports), units: Number(row.stats.units), regions: Number(row.stats.regions), withWarnings: Number(row.stats.withWarnings) },
      score: stats.scoreTotal!,
      executionRate: stats.executionRate!,
      adjustmentRatio: stats.adjustmentRatio!,
      threePublicControlRate: stats.threePublicControlRate!,
      grades: row.grades,
      // Every 异常 value with its unit, by metric then value (largest first).
      anomalies: row.anomalies.map((a) => ({ metric: a.metric, label: PLAUSIBILITY_LABELS[a.metric].label, value: a.value, band: band[a.metric]!, ...pick(a) })),
      top: row.top,
      bottom: row.bottom,
      points: row.points,
    };
  }
}

const pick = ({ reportId, unitId, unitName, regionName, fiscalYear }: OverviewRow['anomalies'][number]) => ({ reportId, unitId, unitName, regionName, fiscalYear });

/** The points one object each (what an export writes): the columns zipped; ranks null, as the overview has none. */
export function pointRows(points: OverviewPointsDto): Omit<OverviewPointDto, 'kind'>[] {
  return points.reportId.map((_, i) => {
    const row = Object.fromEntries(POINT_COLUMNS.map((f) => [f, points[f][i]]));
    return { ...row, rankInLevel: null, rankInParent: null } as unknown as Omit<OverviewPointDto, 'kind'>;
  });
}
