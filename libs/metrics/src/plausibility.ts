/**
 * 异常 (implausible) values: a band per metric, editable by an admin and stored as a setting.
 * A value is 异常 when it lies below the band's min or above its max (a null bound is open).
 * The API's SQL mirrors isImplausible() in one expression (analytics/plausibility.repository.ts).
 */
export const PLAUSIBILITY_METRICS = ['executionRate', 'adjustmentRatio', 'threePublicControlRate', 'scoreTotal'] as const;
export type PlausibilityMetric = (typeof PLAUSIBILITY_METRICS)[number];

export interface PlausibilityBand {
  /** Lowest plausible value (inclusive), or null for no lower bound. */
  min: number | null;
  /** Highest plausible value (inclusive), or null for no upper bound. */
  max: number | null;
}

export interface PlausibilityBands {
  version: string;
  bands: Record<PlausibilityMetric, PlausibilityBand>;
}

export const PLAUSIBILITY_LABELS: Record<PlausibilityMetric, { label: string; unit: '%' | '分' }> = {
  executionRate: { label: '预算执行率', unit: '%' },
  adjustmentRatio: { label: '预算调整率', unit: '%' },
  threePublicControlRate: { label: '三公经费控制率', unit: '%' },
  scoreTotal: { label: '自评得分', unit: '分' },
};

/** Defaults: 执行率 outside 60–110 %, 调整率 above 100 %, 三公控制率 above 100 %, score above 100. */
export const DEFAULT_PLAUSIBILITY_BANDS: PlausibilityBands = {
  version: 'default-2026.1',
  bands: {
    executionRate: { min: 60, max: 110 },
    adjustmentRatio: { min: null, max: 100 },
    threePublicControlRate: { min: null, max: 100 },
    scoreTotal: { min: null, max: 100 },
  },
};

/** True when the value lies outside its band; a missing value is never 异常. */
export function isImplausible(value: number | null | undefined, band: PlausibilityBand): boolean {
  if (value == null || Number.isNaN(value)) return false;
  return (band.min !== null && value < band.min) || (band.max !== null && value > band.max);
}

/** The band in words: "60%–110%", "不高于 100%", "不低于 0 分". */
export function describeBand(metric: PlausibilityMetric, band: PlausibilityBand): string {
  const u = PLAUSIBILITY_LABELS[metric].unit;
  const v = (n: number) => (u === '%' ? `${n}%` : `${n} 分`);
  if (band.min !== null && band.max !== null) return `${v(band.min)}–${v(band.max)}`;
  if (band.max !== null) return `不高于 ${v(band.max)}`;
  if (band.min !== null) return `不低于 ${v(band.min)}`;
  return '不设范围';
}

export interface Anomaly {
  metric: PlausibilityMetric;
  label: string;
  value: number;
  /** The plausible range in words. */
  band: string;
}

/** Every 异常 value of one row, in the order of PLAUSIBILITY_METRICS. */
export function anomaliesOf(row: Partial<Record<PlausibilityMetric, number | null>>, bands: PlausibilityBands): Anomaly[] {
  return PLAUSIBILITY_METRICS.flatMap((metric) => {
    const value = row[metric];
    return value != null && isImplausible(value, bands.bands[metric])
      ? [{ metric, label: PLAUSIBILITY_LABELS[metric].label, value, band: describeBand(metric, bands.bands[metric]) }]
      : [];
  });
}
