/**
 * Analytics response shapes, typed from docs/analytics-api.md until the analytics endpoints
 * land in apps/api/openapi.json; then these become aliases of the generated schema types.
 */
import type { MetricKey } from '@hunan-perf/metrics';

export type { MetricKey };
export type Grade = '优' | '良' | '中' | '差';
export type RegionLevel = 'province' | 'city' | 'county';

export interface UnitMetricRow {
  reportId: string; unitId: string; unitName: string;
  regionCode: string; regionName: string; regionLevel: RegionLevel;
  parentRegionCode: string | null; parentRegionName: string | null;
  fiscalYear: number; kind: string; isSynthetic: boolean;
  scoreTotal: number | null; grade: Grade | null;
  executionRate: number | null; adjustmentRatio: number | null; threePublicControlRate: number | null;
  projectShare: number | null; indicatorCompletion: number | null;
  budgetInitial: number | null; budgetAdjusted: number | null; budgetActual: number | null;
  rankInLevel: number | null;
  rankInParent: number | null;
  warningCount: number;
}

export interface Overview {
  year: number; availableYears: number[];
  counts: { reports: number; units: number; regions: number; withWarnings: number };
  score: { mean: number | null; median: number | null; min: number | null; max: number | null };
  grades: { grade: Grade | '未评级'; count: number }[];
  executionRate: { mean: number | null; median: number | null };
  adjustmentRatio: { mean: number | null; median: number | null };
  top: UnitMetricRow[]; bottom: UnitMetricRow[];
  points: UnitMetricRow[];
}

export interface Level1Rate { unitId: string; level1: string; weight: number; score: number; scoreRate: number | null }
export interface Compare { year: number; metrics: MetricKey[]; rows: UnitMetricRow[]; level1Rates: Level1Rate[] }

export interface TrendPoint { year: number; value: number | null; change: number | null }
export interface TrendSeries { key: string; name: string; kind: 'unit' | 'region'; points: TrendPoint[] }
export interface Trends { metric: MetricKey; years: number[]; series: TrendSeries[] }

export type IndicatorStatus = 'met' | 'unmet' | 'qualitative' | 'unknown';
export interface IndicatorCategory { unitId: string; unitName: string; level1: string; level2: string | null; completion: number | null; met: number; unmet: number; total: number }
export interface IndicatorRow {
  reportId: string; unitId: string; unitName: string; level1: string | null; level2: string | null; name: string | null;
  target: string | null; actual: string | null; weight: number | null; score: number | null;
  comparator: 'atLeast' | 'atMost' | 'equal' | null; quantitative: boolean; status: IndicatorStatus;
}
export interface Indicators {
  year: number;
  units: { unitId: string; unitName: string; completion: number | null; met: number; unmet: number; qualitative: number; unknown: number }[];
  categories: IndicatorCategory[];
  rows: IndicatorRow[];
}

export interface Rankings { year: number; metric: MetricKey; rows: (UnitMetricRow & { rank: number; value: number | null })[] }

export interface RecheckItem { rule: string; label: string; basis: number | null; weight: number | null; selfPoints: number | null; recomputedPoints: number | null; difference: number | null }
export interface RecheckRow {
  reportId: string; unitId: string; unitName: string; regionName: string; selfScore: number | null;
  items: RecheckItem[]; flagged: boolean; indicatorScoreRatio: number | null; executionRate: number | null;
  warning: 'red' | 'yellow' | null;
}
export interface Recheck { year: number; rulesVersion: string; rows: RecheckRow[] }

export interface Problems {
  year: number;
  themes: { theme: string; count: number; units: { unitId: string; unitName: string }[]; examples: string[] }[];
  keywords: { word: string; count: number }[];
}

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
}
