/** Numbers as people write them in these reports. Input is the matching form (half-width digits). */

const NUMBER = /-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?/;

export function round2(value: number): number {
  return Math.round((value + Number.EPSILON * Math.sign(value)) * 100) / 100;
}

/** The first number in a cell such as "1,554.97", "45家以上", "≥90%", "204.03 万"; null when none. */
export function firstNumber(text: string): number | null {
  const m = NUMBER.exec(text);
  return m ? Number(m[0].replace(/,/g, '')) : null;
}

/** A cell that is only a number (with optional unit), e.g. "96", "1,943.63", "10分", "100%". */
export function cellNumber(text: string): number | null {
  const t = text.replace(/[\s\u3000]/g, '');
  const m = /^(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)(万元|万|元|亿元|亿|分|%|人|个)?$/.exec(t);
  return m && m[1] ? Number(m[1].replace(/,/g, '')) : null;
}

export type AmountUnit = '万元' | '元' | '亿元';

/** Converts an amount to 万元 (2 decimals). */
export function toWanYuan(value: number, unit: AmountUnit): number {
  if (unit === '元') return round2(value / 10000);
  if (unit === '亿元') return round2(value * 10000);
  return round2(value);
}

export function unitOf(suffix: string | undefined, fallback: AmountUnit = '万元'): AmountUnit {
  if (!suffix) return fallback;
  if (suffix.startsWith('亿')) return '亿元';
  if (suffix.startsWith('万')) return '万元';
  if (suffix === '元') return '元';
  return fallback;
}

/** An amount cell: "1943.63", "204.03 万", "12,000元", "0.5亿元"; "—", "/", "" → null. Result in 万元. */
export function cellAmount(text: string, tableUnit: AmountUnit = '万元'): number | null {
  const t = text.replace(/[\s\u3000]/g, '');
  const m = /^(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)(万元|万|元|亿元|亿)?$/.exec(t);
  if (!m || !m[1]) return null;
  return toWanYuan(Number(m[1].replace(/,/g, '')), unitOf(m[2], tableUnit));
}

/** A percentage cell "93.56%" → 93.56; a bare number is taken as percent too. */
export function cellPercent(text: string): number | null {
  const t = text.replace(/[\s\u3000]/g, '');
  const m = /^(-?\d+(?:\.\d+)?)%?$/.exec(t);
  return m && m[1] ? round2(Number(m[1])) : null;
}

/** Looks like a value rather than a label: "≥95%", "100%", "2021.12.31前", "45家以上", "204.03 万". */
export function isValueLike(text: string): boolean {
  const t = text.trim();
  if (!t) return false;
  return /^[≥≤<>=约达超过不低于高于]*\s*-?\d/.test(t) && t.length <= 24;
}

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, O: 0, o: 0, '0': 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "二〇二二" → 2022 (digit by digit); "十四" → 14, "二十" → 20, "三十一" → 31. */
export function chineseNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (text.includes('十')) {
    const [tens, ones] = text.split('十');
    const t = tens ? CN_DIGITS[tens] : 1;
    const o = ones ? CN_DIGITS[ones] : 0;
    return t === undefined || o === undefined ? null : t * 10 + o;
  }
  let value = 0;
  for (const ch of text) {
    const d = CN_DIGITS[ch];
    if (d === undefined) return null;
    value = value * 10 + d;
  }
  return text.length ? value : null;
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
/** `\s` of a regex without the u flag, by UTF-16 unit. */
const isBlank = (c: number): boolean =>
  c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

export interface FindAmountOptions {
  /** -? before each number, as in /(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)\s*(…)/. */
  negative?: boolean;
  /**
   * The unit alternatives, a sticky regex (default /万元|亿元|元/y). A unit must not start with a
   * blank, a digit, '.', ',' or '-' (what the number and \s* around it could take).
   */
  unit?: RegExp;
  /** Where to start looking, as a global regex's lastIndex. */
  from?: number;
}

const UNITS = /万元|亿元|元/y;

/** Money units in prose, where a bare 万 stands for 万元 ("331.37万") unless another unit follows it (万人, 万亩 …). */
export const PROSE_MONEY_UNIT = /万元|亿元|元|万(?![人亩户平方吨册次件个座套株头只辆台千米公里字余多])/y;

/**
 * The first amount with its unit in a text: exactly what
 *   /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(万元|亿元|元)/.exec(text)
 * returns (with `negative`, the same with -? before each number; with `unit`, other units; with
 * `from`, a global regex's exec from lastIndex = from), in linear time. The regex retries from
 * every digit of a long run of digits that no unit follows, and re-reads a long 1,000,000,… chain
 * from each of its groups: quadratic in the run.
 *
 * At a digit run [start, end): \d+ must take the whole run (a digit left over can start nothing
 * that follows), so the plain form's answer is the same from every digit of the run. The grouped
 * form needs at most three digits before the run's comma, so it can only start in the last three
 * digits of the run, and its answer depends only on where its comma chain ends — shared by all
 * the runs inside that chain.
 */
export function findAmount(text: string, options: FindAmountOptions = {}): RegExpExecArray | null {
  const { negative = false, unit = UNITS, from: first = 0 } = options;
  const n = text.length;
  const code = (i: number): number => (i < n ? text.charCodeAt(i) : -1);
  const digitsFrom = (i: number): number => {
    while (isDigit(code(i))) i++;
    return i;
  };
  /** \s*(unit) at i: the end of the unit and the unit, or null. */
  const unitAt = (i: number): [number, string] | null => {
    while (isBlank(code(i))) i++;
    unit.lastIndex = i;
    const m = unit.exec(text);
    return m ? [i + m[0].length, m[0]] : null;
  };
  /** (?:\.\d+)?\s*(unit) after a number ending at i: [number end, match end, unit] or null. */
  const tailAt = (i: number): [number, number, string] | null => {
    if (code(i) === 0x2e && isDigit(code(i + 1))) {
      const f = digitsFrom(i + 1);
      const u = unitAt(f);
      return u ? [f, u[0], u[1]] : null;
    }
    const u = unitAt(i);
    return u ? [i, u[0], u[1]] : null;
  };
  /** (?:,\d{3})+ from a comma at i: where the greedy groups end (-1 if none). */
  const groupsFrom = (i: number): number => {
    let p = i;
    while (code(p) === 0x2c && isDigit(code(p + 1)) && isDigit(code(p + 2)) && isDigit(code(p + 3))) p += 4;
    return p === i ? -1 : p;
  };
  // The comma chain last read: commas at chainFrom, chainFrom + 4, … all end at chainTo.
  let chainFrom = -1;
  let chainTo = -1;
  let chainTail: [number, number, string] | null = null;
  const grouped = (commaAt: number): [number, number, string] | null => {
    if (chainFrom >= 0 && commaAt >= chainFrom && commaAt < chainTo && (commaAt - chainFrom) % 4 === 0) return chainTail;
    const end = groupsFrom(commaAt);
    if (end < 0) return null;
    chainFrom = commaAt;
    chainTo = end;
    chainTail = tailAt(end);
    return chainTail;
  };
  const result = (start: number, numberEnd: number, tail: [number, number, string]): RegExpExecArray => {
    const m = [text.slice(start, tail[1]), text.slice(start, numberEnd), tail[2]] as unknown as RegExpExecArray;
    m.index = start;
    m.input = text;
    return m;
  };
  for (let start = Math.max(0, first); start < n; ) {
    if (!isDigit(code(start))) {
      start++;
      continue;
    }
    const end = digitsFrom(start);
    const from = negative && start > first && code(start - 1) === 0x2d ? start - 1 : start;
    const a = code(end) === 0x2c ? grouped(end) : null;
    if (a && end - start <= 3) return result(from, a[0], a);
    const b = tailAt(end);
    if (b) return result(from, b[0], b);
    if (a) return result(end - 3, a[0], a);
    start = end;
  }
  return null;
}
