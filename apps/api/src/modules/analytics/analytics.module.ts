import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { RegionsModule } from '../regions/regions.module.js';
import { SettingsModule } from '../settings/settings.module.js';
import { AnalyticsCache } from './analytics-cache.js';
import { AnalyticsScopeService } from './analytics-scope.js';
import { AnalyticsController } from './analytics.controller.js';
import { AnalyticsService } from './analytics.service.js';
import { CompareService } from './compare.service.js';
import { DataVersionPrefetch } from './data-version-prefetch.js';
import { ExportFiltersRepository } from './export-filters.repository.js';
import { IndicatorRowsRepository } from './indicator-rows.repository.js';
import { IndicatorsService } from './indicators.service.js';
import { MetricRowsRepository } from './metric-rows.repository.js';
import { OverviewRepository } from './overview.repository.js';
import { OverviewService } from './overview.service.js';
import { ProblemsService } from './problems.service.js';
import { QualitySummaryService } from './quality-summary.service.js';
import { RankingsService } from './rankings.service.js';
import { RecheckRulesController } from './recheck-rules.controller.js';
import { RecheckService } from './recheck.service.js';
import { ResultsApplicationService } from './results-application.service.js';
import { TrendsService } from './trends.service.js';

@Module({
  imports: [RegionsModule, SettingsModule],
  controllers: [AnalyticsController, RecheckRulesController],
  providers: [
    AnalyticsScopeService, AnalyticsCache, MetricRowsRepository, AnalyticsService, OverviewRepository, OverviewService, CompareService, TrendsService,
    IndicatorRowsRepository, IndicatorsService, RankingsService, RecheckService, ProblemsService, ExportFiltersRepository,
    QualitySummaryService, ResultsApplicationService,
  ],
  exports: [AnalyticsScopeService, MetricRowsRepository, ExportFiltersRepository],
})
export class AnalyticsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(DataVersionPrefetch).forRoutes(AnalyticsController);
  }
}
