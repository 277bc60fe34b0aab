import type { PlausibilityMetric } from '@hunan-perf/metrics';

/**
 * The SQL mirror of isImplausible() (libs/metrics/src/plausibility.ts): true when the value lies
 * below the band's min or above its max, a null bound being open; false for a missing value.
 * `bandsParam` is a jsonb parameter holding PlausibilityBands['bands'] (e.g. '$7').
 */
export function implausibleSql(column: string, metric: PlausibilityMetric, bandsParam: string): string {
  const bound = (b: 'min' | 'max') => `(${bandsParam}::jsonb -> '${metric}' ->> '${b}')::numeric`;
  return `COALESCE(${column}::numeric < ${bound('min')} OR ${column}::numeric > ${bound('max')}, false)`;
}

/** A median in decimal arithmetic: the mean of the lower and upper middle values, rounded to 2 decimals. */
export function medianSql(column: string, filter: string): string {
  return `round(((percentile_disc(0.5) WITHIN GROUP (ORDER BY ${column}::numeric) FILTER (WHERE ${filter}))
                - (percentile_disc(0.5) WITHIN GROUP (ORDER BY -(${column}::numeric)) FILTER (WHERE ${filter}))) / 2, 2)`;
}
