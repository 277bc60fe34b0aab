import type { RegionRow } from './regions.repository.js';

export interface RegionMatch {
  region: RegionRow;
  /** How many characters of the text the match consumed. */
  length: number;
}

const SUFFIXES = ['土家族苗族自治州', '苗族侗族自治县', '土家族自治县', '苗族自治县', '侗族自治县', '瑶族自治县', '自治州', '自治县', '市', '县', '区'];

/** The ways people write a region: 湘西土家族苗族自治州 → 湘西自治州, 湘西州, 湘西. */
export function regionForms(name: string): string[] {
  const forms = new Set([name]);
  for (const suffix of SUFFIXES) {
    if (!name.endsWith(suffix) || name.length - suffix.length < 2) continue;
    const stem = name.slice(0, -suffix.length);
    forms.add(stem);
    if (suffix.includes('自治州')) forms.add(`${stem}自治州`).add(`${stem}州`);
    if (suffix.includes('自治县')) forms.add(`${stem}自治县`).add(`${stem}县`);
    break;
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

/**
 * Finds the region a name starts with, then the deepest child region that follows it:
 * "长沙市望城区工业和信息化局" → 望城区; "湘潭县科技…" → 湘潭县 (not 湘潭市); "湘西自治州…" → 湘西州.
 */
export class RegionMatcher {
  private readonly byParent = new Map<string | null, RegionRow[]>();

  constructor(private readonly regions: RegionRow[]) {
    for (const region of regions) {
      const list = this.byParent.get(region.parentCode) ?? [];
      list.push(region);
      this.byParent.set(region.parentCode, list);
    }
  }

  match(text: string | null | undefined): RegionMatch | null {
    if (!text) return null;
    let rest = text.replace(/\s+/g, '');
    const province = this.regions.find((r) => r.level === 'province');
    let best: RegionMatch | null = null;
    let consumed = 0;
    if (province) {
      const p = this.prefix(rest, [province]);
      if (p) {
        rest = rest.slice(p.length);
        consumed += p.length;
      }
    }
    // Cities and counties may be written without their parent, so try every non-province region first.
    let candidates = this.regions.filter((r) => r.level !== 'province');
    for (;;) {
      const m = this.prefix(rest, candidates);
      if (!m) break;
      consumed += m.length;
      best = { region: m.region, length: consumed };
      rest = rest.slice(m.length);
      candidates = this.byParent.get(m.region.code) ?? [];
      if (candidates.length === 0) break;
    }
    return best;
  }

  private prefix(text: string, regions: RegionRow[]): RegionMatch | null {
    let best: RegionMatch | null = null;
    for (const region of regions) {
      for (const form of regionForms(region.name)) {
        if (form.length < 2 || !text.startsWith(form)) continue;
        const better =
          !best || form.length > best.length || (form.length === best.length && depth(region) > depth(best.region));
        if (better) best = { region, length: form.length };
      }
    }
    return best;
  }
}

const depth = (r: RegionRow) => (r.level === 'province' ? 0 : r.level === 'city' ? 1 : 2);
