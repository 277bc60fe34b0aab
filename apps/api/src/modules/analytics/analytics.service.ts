import { Injectable } from '@nestjs/common';
import { BUDGET_CHANGE, METRIC_DEFINITIONS_VERSION, METRIC_KEYS, METRICS, type MetricKey } from '@hunan-perf/metrics';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user.js';
import { sendTable } from '../exports/send-table.js';
import { shanghaiTime } from '../exports/shanghai-time.js';
import { AnalyticsCache } from './analytics-cache.js';
import { prefetchedVersion } from './data-version-prefetch.js';
import { chooseCoding, sendAnswer } from './encoded-answer.js';
import { answerText } from './raw-json.js';
import { AnalyticsScopeService, type Scope } from './analytics-scope.js';
import { type AnalyticsKind, tableOf, TITLES } from './analytics-tables.js';
import { CompareService } from './compare.service.js';
import type { AnalyticsQueryDto } from './dto/analytics-query.dto.js';
import type { AnalyticsYearsDto } from './dto/analytics-responses.dto.js';
import type { QualitySummaryDto } from './dto/quality-results.dto.js';
import { ExportFiltersRepository } from './export-filters.repository.js';
import { IndicatorsService } from './indicators.service.js';
import { MetricRowsRepository } from './metric-rows.repository.js';
import { OverviewService } from './overview.service.js';
import type { Page } from './page.js';
import { ProblemsService } from './problems.service.js';
import { QualitySummaryService } from './quality-summary.service.js';
import { RankingsService } from './rankings.service.js';
import { RecheckService } from './recheck.service.js';
import { ResultsApplicationService } from './results-application.service.js';
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
    private readonly qualitySummaryService: QualitySummaryService,
    private readonly resultsApplicationService: ResultsApplicationService,
    private readonly cache: AnalyticsCache,
    private readonly exportFilters: ExportFiltersRepository,
    private readonly metricRows: MetricRowsRepository,
  ) {}

  /** The years in scope, kept like every answer (a few bytes: the pages' year choosers ask for nothing more). */
  async years(q: AnalyticsQueryDto, user: AuthUser, res: Response): Promise<undefined> {
    const scope = await this.scopes.resolve(q, user);
    const compute = async () => JSON.stringify({ years: await this.metricRows.years(scope) } satisfies AnalyticsYearsDto);
    const { answer, hit } = await this.cache.versioned(`years|${JSON.stringify(scope)}`, compute, prefetchedVersion(res.req));
    res.setHeader('X-Cache', hit ? 'hit' : 'miss');
    sendAnswer(res.req, res, answer);
    return undefined;
  }

  async respond(kind: AnalyticsKind, q: AnalyticsQueryDto, user: AuthUser, res: Response): Promise<unknown> {
    const scope = await this.scopes.resolve(q, user);
    if (q.format === 'json') {
      const key = `${kind}|${JSON.stringify(q)}|${JSON.stringify(scope)}`;
      const compute = async () => answerText(await this.compute(kind, q, scope, { page: q.page, pageSize: q.pageSize }));
      const { answer, hit } = await this.cache.versioned(key, compute, prefetchedVersion(res.req), chooseCoding(res.req.headers['accept-encoding']));
      res.setHeader('X-Cache', hit ? 'hit' : 'miss');
      sendAnswer(res.req, res, answer);
      return undefined;
    }
    // An export holds every row: lists are not paged.
    const data = await this.compute(kind, q, scope, null);
    const { columns, rows } = tableOf(kind, data);
    const { year, mode } = data as { year?: number | null; mode?: 'year' | 'latest' };
    await sendTable(
      res,
      {
        fileName: `${TITLES[kind]}-${mode === 'latest' ? '各单位最新年度' : (year ?? q.years?.join('-') ?? '全部年度')}`,
        columns,
        rows,
        context: {
          title: TITLES[kind],
          filters: await this.exportFilters.describe(q, year ?? null, mode),
          generatedAt: shanghaiTime(new Date()),
          dataAsOf: await this.exportFilters.dataAsOf(),
          definitions: [
            ...metricsOf(kind, data).map((m): [string, string] => [`${METRICS[m].label}（${METRICS[m].unit}）`, METRICS[m].definition]),
            ...extraDefinitions(kind, data),
          ],
          metricDefinitionsVersion: METRIC_DEFINITIONS_VERSION,
          rulesVersion: rulesVersionOf(kind, data),
          rows: rows.length,
          confirmedRows: rows.length,
        },
      },
      q.format === 'csv' && q.manifest ? 'csv+manifest' : q.format,
    );
    return undefined;
  }

  private compute(kind: AnalyticsKind, q: AnalyticsQueryDto, scope: Scope, page: Page | null): Promise<unknown> {
    switch (kind) {
      case 'overview':
        return this.overviewService.overview(scope, q.year, q.includeImplausible);
      case 'compare':
        return this.compareService.compare(scope, q.year, q.metrics);
      case 'trends':
        return this.trendsService.trends(scope, q.metric ?? 'scoreTotal', q.years, q.regionCodes);
      case 'indicators':
        return this.indicatorsService.indicators(scope, q.year, q.status, page);
      case 'rankings':
        return this.rankingsService.rankings(scope, q.year, q.metric ?? 'scoreTotal', page);
      case 'recheck':
        return this.recheckService.recheck(scope, q.year, page, { flagged: q.flagged, attention: q.attention });
      case 'problems':
        return this.problemsService.problems(scope, q.year, page);
      case 'quality':
        return this.qualitySummaryService.summary(scope, q.year);
      case 'results':
        return this.resultsApplicationService.results(scope, q.year, page);
    }
  }
}

/** The metrics an export's columns show, for its 说明 sheet. */
function metricsOf(kind: AnalyticsKind, data: unknown): readonly MetricKey[] {
  switch (kind) {
    case 'overview':
      return METRIC_KEYS;
    case 'compare':
      return (data as { metrics: MetricKey[] }).metrics;
    case 'trends':
    case 'rankings':
      return [(data as { metric: MetricKey }).metric];
    case 'indicators':
      return ['indicatorCompletion'];
    case 'recheck':
      return ['scoreTotal', 'executionRate'];
    case 'problems':
    case 'quality':
      return [];
    case 'results':
      return ['scoreTotal'];
  }
}

/** The rule or threshold set an export was computed with. */
function rulesVersionOf(kind: AnalyticsKind, data: unknown): string | undefined {
  if (kind === 'recheck') return (data as { rulesVersion: string }).rulesVersion;
  if (kind === 'quality') return (data as QualitySummaryDto).thresholdsVersion;
  return undefined;
}

/** Definitions beyond the metric catalogue: each quality flag, the budget change. */
function extraDefinitions(kind: AnalyticsKind, data: unknown): [string, string][] {
  if (kind === 'quality') return (data as QualitySummaryDto).flags.map((f): [string, string] => [f.title, f.description]);
  if (kind === 'results') return [[BUDGET_CHANGE.label, BUDGET_CHANGE.definition]];
  return [];
}
