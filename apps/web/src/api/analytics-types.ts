/** Analytics response shapes: names for the generated OpenAPI types (schema.d.ts). */
import type { MetricKey } from '@hunan-perf/metrics';
import type { components } from './schema';

export type { MetricKey };
export type Grade = '优' | '良' | '中' | '差';
export type RegionLevel = 'province' | 'city' | 'county';

type S = components['schemas'];
export type UnitMetricRow = S['UnitMetricRowDto'];
export type Overview = S['OverviewDto'];
export type AnalyticsYears = S['AnalyticsYearsDto'];
export type CategoryRate = S['CategoryRateDto'];
export type CompareRow = S['CompareRowDto'];
export type Compare = S['CompareDto'];
export type TrendPoint = S['TrendPointDto'];
export type TrendSeries = S['TrendSeriesDto'];
export type Trends = S['TrendsDto'];
export type IndicatorCategory = S['CategoryCompletionDto'];
export type IndicatorCell = S['CellCompletionDto'];
export type IndicatorUnit = S['UnitCompletionDto'];
export type OverviewPoint = S['OverviewPointDto'];
/** 总览's points, one array per field. */
export type OverviewPoints = S['OverviewPointsDto'];
/** A unit's row without kind and ranks: what 总览's points carry. */
export type UnitRow = Omit<UnitMetricRow, 'kind' | 'rankInLevel' | 'rankInParent'>;
/** One point of OverviewPoints as an object (pointRows()). */
export type PointRow = UnitRow & Pick<OverviewPoint, 'gradeDerived' | 'anomalies'>;
export type Anomaly = S['AnomalyDto'];
export type KpiStats = S['KpiStatsDto'];
export type IndicatorRow = S['IndicatorRowDto'];
export type IndicatorStatus = IndicatorRow['status'];
export type Indicators = S['IndicatorsDto'];
export type Rankings = S['RankingsDto'];
export type ProblemTheme = S['ProblemThemeDto'];
export type RecheckItem = S['RecheckItemDto'];
export type RecheckRow = S['RecheckRowDto'];
export type Recheck = S['RecheckDto'];
export type Problems = S['ProblemsDto'];
export type QualitySummary = S['QualitySummaryDto'];
export type QualityRegion = S['QualityRegionDto'];
export type ReportQuality = S['ReportQualityDto'];
export type QualitySettings = S['QualitySettingsDto'];
export type QualityThresholds = S['QualityThresholdsDto'];
export type ResultsApplication = S['ResultsApplicationDto'];
export type ResultsRow = S['ResultsApplicationRowDto'];
export type ResultsGrade = S['ResultsGradeSummaryDto'];

/** The common query-string filters of every analytics endpoint. */
export interface AnalyticsFilters {
  year?: number;
  years?: number[];
  regionCode?: string;
  regionCodes?: string[];
  level?: 'city' | 'county';
  unitIds?: string[];
  metric?: MetricKey;
  metrics?: MetricKey[];
  status?: IndicatorStatus;
  kind?: 'department_overall' | 'project';
  includeSynthetic?: boolean;
  /** 总览: count 异常 values in the KPIs (default: leave them out). */
  includeImplausible?: boolean;
  /** Unit lists (rankings, recheck, a theme's units): the page from 1 and its size (default 50, at most 500). */
  page?: number;
  pageSize?: number;
  /** 自评复核: only 自评偏高 rows / only 需关注 rows. */
  flagged?: boolean;
  attention?: boolean;
}
