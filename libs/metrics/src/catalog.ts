/**
 * The metrics every chart, table and export offers: one key, one Chinese label, one unit, and
 * which direction is better. The formulas are in budget-metrics.ts / indicator-status.ts and
 * mirrored by the SQL view v_report_metric.
 */
export const METRIC_KEYS = [
  'scoreTotal',
  'executionRate',
  'adjustmentRatio',
  'threePublicControlRate',
  'projectShare',
  'indicatorCompletion',
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export interface MetricInfo {
  key: MetricKey;
  label: string;
  unit: '分' | '%';
  /** higher: more is better; lower: less is better; neutral: a description, not a judgement. */
  better: 'higher' | 'lower' | 'neutral';
  definition: string;
}

export const METRICS: Record<MetricKey, MetricInfo> = {
  scoreTotal: { key: 'scoreTotal', label: '自评得分', unit: '分', better: 'higher', definition: '报告所填自评得分（综合得分/总分）' },
  executionRate: { key: 'executionRate', label: '预算执行率', unit: '%', better: 'higher', definition: '全年执行数 ÷ 全年预算数 × 100（无全年预算数时 ÷ 年初预算数）' },
  adjustmentRatio: { key: 'adjustmentRatio', label: '预算调整率', unit: '%', better: 'lower', definition: '报告所填追加/调整数 ÷ 年初预算数 × 100；未填时为（全年预算数 − 上年结转结余 − 年初预算数）÷ 年初预算数 × 100（结转结余不算调整）' },
  threePublicControlRate: { key: 'threePublicControlRate', label: '三公经费控制率', unit: '%', better: 'lower', definition: '三公经费决算数 ÷ 三公经费预算数 × 100' },
  projectShare: { key: 'projectShare', label: '项目支出占比', unit: '%', better: 'neutral', definition: '项目支出执行数 ÷ 部门整体执行数 × 100' },
  indicatorCompletion: { key: 'indicatorCompletion', label: '指标完成率', unit: '%', better: 'higher', definition: '定量指标中达标数 ÷（达标数 + 未达标数）× 100' },
};

/**
 * Bumped whenever a formula changes; exports record it. A change also needs a migration that
 * replaces the SQL view and recomputes report_metric (or `npm run recompute-metrics`), which moves data_version.
 */
export const METRIC_DEFINITIONS_VERSION = '2026-12-01.1';

export function isMetricKey(value: string): value is MetricKey {
  return (METRIC_KEYS as readonly string[]).includes(value);
}
