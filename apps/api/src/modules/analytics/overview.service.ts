import { Injectable } from '@nestjs/common';
import type { Grade } from '@hunan-perf/contracts';
import { describeBand, PLAUSIBILITY_LABELS, type PlausibilityBands, shownGrade } from '@hunan-perf/metrics';
import { PlausibilityService } from '../settings/plausibility.service.js';
import type { Scope } from './analytics-scope.js';
import type { AnomalyDto, KpiStatsDto, OverviewDto, OverviewPointDto } from './dto/overview.dto.js';
import { MetricRowsRepository } from './metric-rows.repository.js';
import { OVERVIEW_KPIS, OverviewRepository, type OverviewRow } from './overview.repository.js';

const GRADE_ORDER = ['优', '良', '中', '差', '未评级'] as const;

function kpi(stats: OverviewRow['stats'], prefix: string, band: string): KpiStatsDto {
  const n = (k: string) => (stats[`${prefix}${k}`] == null ? null : Number(stats[`${prefix}${k}`]));
  return {
    mean: n('Mean'), median: n('Median'), min: n('Min'), max: n('Max'),
    count: n('Count') ?? 0, implausible: n('Implausible') ?? 0, excluded: n('Excluded') ?? 0, band,
  };
}

/** A point as the overview shows it: the written grade, else the band of its score marked derived. */
function mapPoint(row: OverviewRow['points'][number]): OverviewPointDto {
  const { anomalies, ...rest } = row;
  const clean = Object.fromEntries(Object.entries(rest).filter(([k]) => !k.endsWith('Bad'))) as unknown as OverviewPointDto;
  return { ...clean, ...shownGrade(row.grade as Grade | null, row.scoreTotal), anomalies };
}

/** KPI cards (mean and median, 异常 values left out unless asked for), grade distribution, top and bottom units, the scatter. */
@Injectable()
export class OverviewService {
  constructor(
    private readonly repository: OverviewRepository,
    private readonly metricRows: MetricRowsRepository,
    private readonly plausibility: PlausibilityService,
  ) {}

  async overview(scope: Scope, requestedYear: number | undefined, includeImplausible = false): Promise<OverviewDto> {
    const [availableYears, bands] = await Promise.all([this.metricRows.years(scope), this.plausibility.bands()]);
    const year = requestedYear ?? availableYears[0] ?? null;
    const row = await this.repository.overview(scope, year, bands, includeImplausible);
    const points = row.points.map(mapPoint);
    const scored = points.filter((p) => p.scoreTotal !== null);
    const band = (k: (typeof OVERVIEW_KPIS)[number]) => describeBand(k.key, bands.bands[k.key]);
    const stats = Object.fromEntries(OVERVIEW_KPIS.map((k) => [k.key, kpi(row.stats, k.prefix, band(k))]));
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
      grades: GRADE_ORDER.map((grade) => {
        const of = points.filter((p) => (p.grade ?? '未评级') === grade);
        return { grade, count: of.length, derived: of.filter((p) => p.gradeDerived).length };
      }),
      anomalies: anomalyList(points, bands),
      top: scored.slice(0, 5),
      bottom: scored.slice(-5).reverse(),
      points,
    };
  }
}

/** Every 异常 value with its unit, by metric then value (largest first). */
function anomalyList(points: OverviewPointDto[], bands: PlausibilityBands): AnomalyDto[] {
  return OVERVIEW_KPIS.flatMap(({ key }) =>
    points
      .filter((p) => p.anomalies.includes(key))
      .map((p) => ({
        metric: key, label: PLAUSIBILITY_LABELS[key].label, value: p[key] as number, band: describeBand(key, bands.bands[key]),
        reportId: p.reportId, unitId: p.unitId, unitName: p.unitName, regionName: p.regionName, fiscalYear: p.fiscalYear,
      }))
      .sort((a, b) => b.value - a.value),
  );
}
