import { type Decimal, addDecimal, decimalOf, divideDecimal, formatDecimal, numberOf, roundDecimal } from './decimal.js';

/**
 * The contract's one rounding rule: half away from zero, in decimal arithmetic, the same as
 * PostgreSQL's round(numeric, 2) — 1.005 → 1.01, 5.625 → 5.63, −96.875 → −96.88.
 */
export function round(value: number, digits = 2): number {
  return numberOf(roundDecimal(decimalOf(value), digits));
}

/** A value as the tables store it (numeric(…, 2)): rounded half away from zero to two decimals. */
export function stored(value: number): Decimal {
  return roundDecimal(decimalOf(value), 2);
}

/** n ÷ d × 100 rounded half away from zero to two decimals, computed exactly; null when d is 0. */
export function percentOf(numerator: Decimal, denominator: Decimal): number | null {
  const hundredfold = { units: numerator.units * 100n, scale: numerator.scale };
  const result = divideDecimal(hundredfold, denominator, 2);
  return result === null ? null : numberOf(result);
}

/** a ÷ b × 100 rounded to 2 decimals (exactly, on the numbers as given); null when either is missing or b is 0. */
export function percent(numerator: number | null | undefined, denominator: number | null | undefined): number | null {
  if (numerator == null || denominator == null) return null;
  return percentOf(decimalOf(numerator), decimalOf(denominator));
}

/** The value with exactly `digits` decimals, rounded by the same rule (exports print this): 5.6 → "5.60". */
export function toFixedHalfAway(value: number, digits = 2): string {
  return formatDecimal(roundDecimal(decimalOf(value), digits));
}

/** The mean of stored values, summed in decimal and rounded by the same rule (as SQL's round(avg(x), 2)); null when empty. */
export function meanOf(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sum = values.reduce<Decimal>((s, v) => addDecimal(s, stored(v)), { units: 0n, scale: 2 });
  const result = divideDecimal(sum, { units: BigInt(values.length), scale: 0 }, 2);
  return result === null ? null : numberOf(result);
}
