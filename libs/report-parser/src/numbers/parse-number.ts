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
