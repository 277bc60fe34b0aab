import type { UnitLevel } from '@hunan-perf/contracts';
import { ORG_SUFFIXES } from '../lexicon/fields.js';

/**
 * County-level cities (县级市) of Hunan (GB/T 2260): they end in 市 but count as county level.
 * Domain data for the whole province, not tied to any one report.
 */
const COUNTY_LEVEL_CITIES = new Set([
  '浏阳市', '宁乡市', '醴陵市', '湘乡市', '韶山市', '耒阳市', '常宁市', '武冈市', '邵东市', '汨罗市',
  '临湘市', '津市市', '沅江市', '资兴市', '洪江市', '冷水江市', '涟源市', '吉首市',
]);

export function looksLikeUnitName(text: string): boolean {
  return text.length >= 4 && text.length <= 40 && ORG_SUFFIXES.some((s) => text.endsWith(s)) && /^[\u4e00-\u9fa5（）()]+$/.test(text);
}

const SEGMENT = /^([\u4e00-\u9fa5]{1,12}?(?:自治州|自治县|地区|林区|特区|新区|州|市|县|区|省))/;

/** Administrative prefixes of a unit name: "长沙市望城区工业…局" → ["长沙市", "望城区"]. */
export function regionChain(unitName: string): string[] {
  const chain: string[] = [];
  let rest = unitName;
  for (let i = 0; i < 3; i++) {
    const m = SEGMENT.exec(rest);
    if (!m || !m[1]) break;
    const seg = m[1];
    // A region name is short; "工业和信息化局" style words are not regions.
    if (seg.length > 10 || /(工业|信息|科技|财政|发展|管理|服务|中心)/.test(seg)) break;
    chain.push(seg);
    rest = rest.slice(seg.length);
  }
  return chain;
}

export function levelOf(regionName: string | null): UnitLevel | null {
  if (!regionName) return null;
  if (regionName.endsWith('省')) return 'province';
  if (COUNTY_LEVEL_CITIES.has(regionName)) return 'county';
  if (/(自治县|县|区)$/.test(regionName)) return 'county';
  if (/(州|市|地区)$/.test(regionName)) return 'city';
  return null;
}
