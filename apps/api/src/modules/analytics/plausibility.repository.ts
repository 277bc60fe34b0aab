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

/**
 * The fractions whose percentile_disc is the lower and the upper middle value: row ceil(f·n) of n
 * sorted rows is row n/2 and n/2 + 1 for an even n, (n + 1)/2 for both when n is odd (for n below
 * 5·10⁸). One sort gives both, where a second percentile_disc over the values negated sorted again.
 */
const MIDDLES = `'{0.5,0.500000001}'::float8[]`;

/** A median in decimal arithmetic: the mean of the lower and upper middle values, rounded to 2 decimals. */
export function medianSql(column: string, filter: string): string {
  const middles = `(percentile_disc(${MIDDLES}) WITHIN GROUP (ORDER BY ${column}::numeric) FILTER (WHERE ${filter}))`;
  return `round((${middles}[1] + ${middles}[2]) / 2, 2)`;
}
