import tsCharacters from 'opencc-js/dict/TSCharacters';

/**
 * Matching form of a line: full-width ASCII to half-width, ideographic space to space, traditional
 * characters to simplified. Every mapping is one UTF-16 unit to one, so offsets in the matching form
 * are offsets in the original line too (provenance excerpts are cut from the original).
 */
const charMap = buildMap();

function buildMap(): Map<number, number> {
  const map = new Map<number, number>();
  for (const entry of String(tsCharacters).split('|')) {
    const space = entry.indexOf(' ');
    if (space < 0) continue;
    const from = entry.slice(0, space);
    const to = entry.slice(space + 1).split(' ')[0] ?? '';
    if (from.length === 1 && to.length === 1 && from !== to) map.set(from.charCodeAt(0), to.charCodeAt(0));
  }
  // Punctuation and variants seen in exports and OCR: keep them one-to-one.
  const extra: Record<string, string> = { '〇': '〇', '．': '.', '，': '，', '∶': ':', '﹪': '%', '％': '%', '～': '~', '—': '—', '–': '-', '﹣': '-', '−': '-', '≦': '≤', '≧': '≥', '＜': '<', '＞': '>', '﹤': '<', '﹥': '>', '単': '单' };
  for (const [from, to] of Object.entries(extra)) if (from !== to) map.set(from.charCodeAt(0), to.charCodeAt(0));
  return map;
}

// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[^\x00-\x7f\u4e00-\u9fa5，。；：、“”‘’（）《》【】]/;

export function normalizeForMatching(line: string): string {
  if (!NEEDS_WORK.test(line)) return line;
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) {
      // Full-width ASCII, except the Chinese punctuation people use as such (，：；（）！？ stay).
      if (c === 0xff0c || c === 0xff1a || c === 0xff1b || c === 0xff08 || c === 0xff09) out += line[i];
      else out += String.fromCharCode(c - 0xfee0);
    } else if (c === 0x3000) out += ' ';
    else {
      const mapped = charMap.get(c);
      out += mapped === undefined ? line[i] : String.fromCharCode(mapped);
    }
  }
  return out;
}
