/** Half-up rounding to `digits` decimals that survives binary floats (1.005 → 1.01). */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round((value + Number.EPSILON * Math.sign(value)) * factor) / factor;
}

/** a ÷ b × 100 rounded to 2 decimals; null when either is missing or b is 0. */
export function percent(numerator: number | null | undefined, denominator: number | null | undefined): number | null {
  if (numerator == null || denominator == null || denominator === 0) return null;
  return round((numerator / denominator) * 100);
}
