/**
 * Decimal arithmetic over scaled integers (value = units ÷ 10^scale), so metrics are computed
 * the way PostgreSQL computes on numeric: no binary float enters a sum, a difference or a
 * quotient before rounding. A JS number is read as the decimal it prints as (0.1 is 0.1, not
 * 0.1000000000000000055…), which is also what node-postgres sends for a numeric parameter.
 */
export interface Decimal {
  units: bigint;
  scale: number;
}

const TEN = 10n;
const pow10 = (n: number): bigint => TEN ** BigInt(n);
const abs = (n: bigint): bigint => (n < 0n ? -n : n);

/** Linear: one optional sign, digits, an optional fraction and an optional exponent. */
const NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

/** The exact decimal a finite JS number prints as. */
export function decimalOf(value: number): Decimal {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const m = NUMBER_TEXT.exec(String(value));
  if (!m) throw new RangeError(`not a decimal number: ${value}`);
  const [, sign, whole, fraction = '', exponent = '0'] = m;
  const digits = BigInt(`${whole}${fraction}`);
  let scale = fraction.length - Number(exponent);
  let units = sign === '-' ? -digits : digits;
  if (scale < 0) {
    units *= pow10(-scale);
    scale = 0;
  }
  return { units, scale };
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * pow10(scale - a.scale), b.units * pow10(scale - b.scale), scale];
}

export function addDecimal(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return { units: x + y, scale };
}

export function subtractDecimal(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return { units: x - y, scale };
}

export function multiplyDecimal(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

/** n ÷ d rounded half away from zero to an integer. */
function divideRounded(n: bigint, d: bigint): bigint {
  const q = n / d; // truncates toward zero
  const r = n % d;
  if (2n * abs(r) < abs(d)) return q;
  return (n < 0n) === (d < 0n) ? q + 1n : q - 1n;
}

/** Rounded half away from zero to `digits` decimals (5.625 → 5.63, −96.875 → −96.88). */
export function roundDecimal(a: Decimal, digits = 2): Decimal {
  if (a.scale <= digits) return { units: a.units * pow10(digits - a.scale), scale: digits };
  return { units: divideRounded(a.units, pow10(a.scale - digits)), scale: digits };
}

/** a ÷ b rounded half away from zero to `digits` decimals; null when b is 0. */
export function divideDecimal(a: Decimal, b: Decimal, digits = 2): Decimal | null {
  if (b.units === 0n) return null;
  // a/b × 10^digits = (a.units × 10^(b.scale + digits)) ÷ (b.units × 10^a.scale)
  return { units: divideRounded(a.units * pow10(b.scale + digits), b.units * pow10(a.scale)), scale: digits };
}

/** The decimal written out with exactly its scale's decimals: { 563n, 2 } → "5.63", { -5n, 2 } → "-0.05". */
export function formatDecimal(a: Decimal): string {
  const digits = abs(a.units).toString().padStart(a.scale + 1, '0');
  const whole = digits.slice(0, digits.length - a.scale);
  const fraction = a.scale > 0 ? `.${digits.slice(digits.length - a.scale)}` : '';
  return `${a.units < 0n ? '-' : ''}${whole}${fraction}`;
}

/** The JS number nearest the decimal (what PostgreSQL's numeric::float8 gives); −0 becomes 0. */
export function numberOf(a: Decimal): number {
  return Number(formatDecimal(a)) + 0;
}
