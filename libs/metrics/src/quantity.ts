/** A target or actual value as written, parsed: 45家以上 → { value: 45, unit: '家', comparator: 'atLeast' }. */
export type Comparator = 'atLeast' | 'atMost' | 'equal';

export interface Quantity {
  value: number;
  /** Normalised unit; money is always 万元. Null when none is written. */
  unit: string | null;
  /** The comparator the text states, if any. */
  comparator: Comparator | null;
}

const PREFIX: Array<[RegExp, Comparator]> = [
  [/^(≥|>=|＞=|不低于|不少于|大于等于|大于或等于|至少|达到)/, 'atLeast'],
  [/^(≤|<=|＜=|不超过|不高于|不多于|小于等于|小于或等于|控制在)/, 'atMost'],
  [/^(=|＝|等于)/, 'equal'],
  [/^(>|＞|大于|高于|超过)/, 'atLeast'],
  [/^(<|＜|小于|低于)/, 'atMost'],
];

const SUFFIX: Array<[RegExp, Comparator]> = [
  [/^(及以上|以上|或以上|之上)/, 'atLeast'],
  [/^(及以下|以下|以内|之内|或以下)/, 'atMost'],
];

const UNITS = ['万元', '亿元', '元', '万', '%', '家', '个', '人', '次', '件', '项', '场', '户', '天', '日', '座', '台', '套', '条', '份', '篇', '批', '期', '所', '名', '人次', '家次', '小时', '公里', '亩', '吨', '册', '本'];
const UNIT_PATTERN = new RegExp(`^(${[...UNITS].sort((a, b) => b.length - a.length).join('|')})`);

/** Money to 万元: 元 ÷ 10 000, 亿元 × 10 000; "万" alone is read as 万元. */
const MONEY: Record<string, number> = { 元: 0.0001, 万元: 1, 万: 1, 亿元: 10_000 };

function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/[％﹪]/g, '%');
}

/**
 * Reads the leading quantity of a target/actual text; null when the text is not a number
 * with an optional unit and comparator (合规, 高于全省平均增速, 2021.12.31前 …).
 */
export function parseQuantity(raw: string | null | undefined): Quantity | null {
  if (!raw) return null;
  let text = toHalfWidth(raw).replace(/\s+/g, '');
  let comparator: Comparator | null = null;
  for (const [pattern, cmp] of PREFIX) {
    const m = pattern.exec(text);
    if (m) {
      comparator = cmp;
      text = text.slice(m[0].length);
      break;
    }
  }
  const number = /^-?\d{1,3}(,\d{3})+(\.\d+)?|^-?\d+(\.\d+)?/.exec(text);
  if (!number) return null;
  text = text.slice(number[0].length);
  // A date such as 2021.12.31 is not a quantity.
  if (/^(\.\d|年|月)/.test(text)) return null;
  let value = Number(number[0].replace(/,/g, ''));
  let unit: string | null = null;
  const u = UNIT_PATTERN.exec(text);
  if (u) {
    unit = u[0];
    text = text.slice(u[0].length);
  }
  for (const [pattern, cmp] of SUFFIX) {
    const m = pattern.exec(text);
    if (m) {
      comparator = comparator ?? cmp;
      text = text.slice(m[0].length);
      break;
    }
  }
  // Whatever follows must be a separate clause (、；（ …), not more of this value.
  if (text && !/^[、,，;；(（/]/.test(text)) return null;
  if (unit && unit in MONEY) {
    value = value * MONEY[unit]!;
    unit = '万元';
  }
  return { value, unit, comparator };
}

export function unitsComparable(a: Quantity, b: Quantity): boolean {
  return a.unit === null || b.unit === null || a.unit === b.unit;
}
