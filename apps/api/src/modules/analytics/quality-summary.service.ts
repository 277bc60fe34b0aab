import { Injectable } from '@nestjs/common';
import { percent, QUALITY_FLAG_CODES, QUALITY_FLAGS, type QualityFlagCode } from '@hunan-perf/metrics';
import type { DataSource } from 'typeorm';
import { InjectReadDatabase } from '../../database/read-database.js';
import { qualityThresholds } from '../quality/report-quality.js';
import type { Scope } from './analytics-scope.js';
import type { QualityRegionDto, QualitySummaryDto } from './dto/quality-results.dto.js';
import { CURRENT_METRIC_ROWS_UNRANKED, metricRowParams, MetricRowsRepository } from './metric-rows.repository.js';

interface RegionCount { regionCode: string; regionName: string; reports: number; flagged: number }

function regionRow(r: RegionCount, byCode: Map<QualityFlagCode, number>): QualityRegionDto {
  return {
    ...r,
    flaggedShare: percent(r.flagged, r.reports),
    counts: QUALITY_FLAG_CODES.map((code) => ({ code, count: byCode.get(code) ?? 0, share: percent(byCode.get(code) ?? 0, r.reports) })),
  };
}

/** 自评质量提示 per region: how many current confirmed reports raise each flag, and their share. */
@Injectable()
export class QualitySummaryService {
  constructor(
    @InjectReadDatabase() private readonly db: DataSource,
    private readonly metricRows: MetricRowsRepository,
  ) {}

  async summary(scope: Scope, year: number | undefined): Promise<QualitySummaryDto> {
    const thresholds = await qualityThresholds(this.db);
    const flags = QUALITY_FLAG_CODES.map((code) => ({ code, title: QUALITY_FLAGS[code].title, description: QUALITY_FLAGS[code].description(thresholds) }));
    const chosen = year ?? (await this.metricRows.years(scope))[0] ?? null;
    const empty: RegionCount = { regionCode: '', regionName: '合计', reports: 0, flagged: 0 };
    if (chosen === null) return { year: null, thresholdsVersion: thresholds.version, flags, regions: [], total: { ...regionRow(empty, new Map()), regionCode: null } };
    const flagged = `WITH rows AS (${CURRENT_METRIC_ROWS_UNRANKED}),
      flagged AS (SELECT rows."regionCode", rows."regionName", COALESCE(q.flag_codes, '{}') AS codes
                    FROM rows LEFT JOIN report_quality q ON q.report_id = rows."reportId")`;
    const params = metricRowParams(scope, [chosen]);
    const [regions, counts]: [RegionCount[], { regionCode: string; code: QualityFlagCode; n: number }[]] = await Promise.all([
      this.db.query(
        `${flagged} SELECT "regionCode", "regionName", count(*)::int AS reports, count(*) FILTER (WHERE cardinality(codes) > 0)::int AS flagged
           FROM flagged GROUP BY "regionCode", "regionName" ORDER BY "regionCode"`, params),
      this.db.query(`${flagged} SELECT f."regionCode", c.code, count(*)::int AS n FROM flagged f CROSS JOIN unnest(f.codes) c(code) GROUP BY 1, 2`, params),
    ]);
    const byRegion = new Map<string, Map<QualityFlagCode, number>>();
    const all = new Map<QualityFlagCode, number>();
    for (const c of counts) {
      const m = byRegion.get(c.regionCode) ?? new Map<QualityFlagCode, number>();
      m.set(c.code, c.n);
      byRegion.set(c.regionCode, m);
      all.set(c.code, (all.get(c.code) ?? 0) + c.n);
    }
    const total = regions.reduce((t, r) => ({ ...t, reports: t.reports + r.reports, flagged: t.flagged + r.flagged }), empty);
    return {
      year: chosen,
      thresholdsVersion: thresholds.version,
      flags,
      regions: regions.map((r) => regionRow(r, byRegion.get(r.regionCode) ?? new Map())),
      total: { ...regionRow(total, all), regionCode: null },
    };
  }
}
