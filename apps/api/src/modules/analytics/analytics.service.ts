import { Injectable } from '@nestjs/common';
import { METRIC_DEFINITIONS_VERSION } from '@hunan-perf/metrics';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user.js';
import { sendTable } from '../exports/send-table.js';
import { AnalyticsCache } from './analytics-cache.js';
import { AnalyticsScopeService, type Scope } from './analytics-scope.js';
import { type AnalyticsKind, tableOf, TITLES } from './analytics-tables.js';
import { CompareService } from './compare.service.js';
import type { AnalyticsQueryDto } from './dto/analytics-query.dto.js';
import { IndicatorsService } from './indicators.service.js';
import { OverviewService } from './overview.service.js';
import { ProblemsService } from './problems.service.js';
import { RankingsService } from './rankings.service.js';
import { RecheckService } from './recheck.service.js';
import { TrendsService } from './trends.service.js';

/** Answers every analytics endpoint as JSON, or as the same table in CSV/XLSX. */
@Injectable()
export class AnalyticsService {
  constructor(
    private readonly scopes: AnalyticsScopeService,
    private readonly overviewService: OverviewService,
    private readonly compareService: CompareService,
    private readonly trendsService: TrendsService,
    private readonly indicatorsService: IndicatorsService,
    private readonly rankingsService: RankingsService,
    private readonly recheckService: RecheckService,
    private readonly problemsService: ProblemsService,
    private readonly cache: AnalyticsCache,
  ) {}

  async respond(kind: AnalyticsKind, q: AnalyticsQueryDto, user: AuthUser, res: Response): Promise<unknown> {
    const scope = await this.scopes.resolve(q, user);
    if (q.format === 'json') {
      const key = `${kind}|${JSON.stringify(q)}|${JSON.stringify(scope)}|${await this.cache.version()}`;
      let json = this.cache.get(key);
      res.setHeader('X-Cache', json === undefined ? 'miss' : 'hit');
      if (json === undefined) {
        json = JSON.stringify(await this.compute(kind, q, scope));
        this.cache.set(key, json);
      }
      res.type('application/json').send(json);
      return undefined;
    }
    const data = await this.compute(kind, q, scope);
    const { columns, rows } = tableOf(kind, data);
    const year = (data as { year?: number | null }).year;
    await sendTable(
      res,
      {
        fileName: `${TITLES[kind]}${year ? `-${year}` : ''}`,
        columns,
        rows,
        context: {
          title: TITLES[kind],
          filters: describeFilters(q, year ?? null),
          dataAsOf: new Date().toISOString(),
          metricDefinitionsVersion: METRIC_DEFINITIONS_VERSION,
          rulesVersion: kind === 'recheck' ? (data as { rulesVersion: string }).rulesVersion : undefined,
          rows: rows.length,
          confirmedRows: rows.length,
        },
      },
      q.format === 'csv' && q.manifest ? 'csv+manifest' : q.format,
    );
    return undefined;
  }

  private compute(kind: AnalyticsKind, q: AnalyticsQueryDto, scope: Scope): Promise<unknown> {
    switch (kind) {
      case 'overview':
        return this.overviewService.overview(scope, q.year);
      case 'compare':
        return this.compareService.compare(scope, q.year, q.metrics);
      case 'trends':
        return this.trendsService.trends(scope, q.metric ?? 'scoreTotal', q.years, q.regionCodes);
      case 'indicators':
        return this.indicatorsService.indicators(scope, q.year, q.status);
      case 'rankings':
        return this.rankingsService.rankings(scope, q.year, q.metric ?? 'scoreTotal');
      case 'recheck':
        return this.recheckService.recheck(scope, q.year);
      case 'problems':
        return this.problemsService.problems(scope, q.year);
    }
  }
}

function describeFilters(q: AnalyticsQueryDto, year: number | null): Record<string, string> {
  const filters: Record<string, string> = {};
  if (year) filters['年度'] = String(year);
  if (q.years?.length) filters['年度范围'] = q.years.join('、');
  if (q.regionCode) filters['地区代码'] = q.regionCode;
  if (q.regionCodes?.length) filters['地区代码'] = q.regionCodes.join('、');
  if (q.level) filters['层级'] = q.level;
  if (q.unitIds?.length) filters['单位'] = `${q.unitIds.length} 个`;
  filters['报告类型'] = q.kind === 'project' ? '项目支出' : '部门整体支出';
  filters['含合成数据'] = q.includeSynthetic ? '是' : '否';
  if (q.metric) filters['指标'] = q.metric;
  if (q.metrics?.length) filters['指标'] = q.metrics.join('、');
  return filters;
}
