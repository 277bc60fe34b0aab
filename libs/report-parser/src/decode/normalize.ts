import tsCharacters from 'opencc-js/dict/TSCharacters';
import { OCR_FIXES, PINYIN_TONE_MARKS } from '../lexicon/ocr.js';

const table = buildTable();

function buildTable(): Uint16Array {
  const t = new Uint16Array(65536);
  for (const entry of String(tsCharacters).split('|')) {
    const space = entry.indexOf(' ');
    if (space < 0) continue;
    const from = entry.slice(0, space);
    const to = entry.slice(space + 1).split(' ')[0] ?? '';
    if (from.length === 1 && to.length === 1 && from !== to) t[from.charCodeAt(0)] = to.charCodeAt(0);
  }
  // Full-width ASCII to half-width, except the Chinese punctuation people use as such (，：；（）).
  for (let c = 0xff01; c <= 0xff5e; c++) t[c] = c - 0xfee0;
  for (const keep of '，：；（）') t[keep.charCodeAt(0)] = 0;
  t[0x3000] = 0x20;
  // Punctuation and variants seen in exports and OCR, one to one.
  const extra: Record<string, string> = { '∶': ':', '﹪': '%', '～': '~', '–': '-', '﹣': '-', '−': '-', '≦': '≤', '≧': '≥', '﹤': '<', '﹥': '>', '単': '单' };
  for (const [from, to] of Object.entries(extra)) t[from.charCodeAt(0)] = to.charCodeAt(0);
  return t;
}

/**
 * Matching form of a line: full-width ASCII to half-width, ideographic space to space, traditional
 * characters to simplified (OpenCC's character table). Every mapping is one UTF-16 unit to one, so
 * offsets in the matching form are offsets in the original line too.
 */
export function normalizeForMatching(line: string): string {
  return repairSlips(mapCharacters(line));
}

const isHan = (code: number): boolean => code >= 0x4e00 && code <= 0x9fff;
const PINYIN_LETTERS = new Set([...'abcdefghijklmnopqrstuvwxyzü', ...PINYIN_TONE_MARKS]);
const TONE_MARKS = new Set([...PINYIN_TONE_MARKS]);

/**
 * Blanks pinyin readings injected after characters ("績效評(píng)價(jià)" → "绩效评      价") and
 * replaces the lexicon's OCR slips, both without changing the length. Linear in the line.
 */
function repairSlips(text: string): string {
  let out: string[] | null = null;
  for (let i = 1; i < text.length; i++) {
    const ch = text[i]!;
    if ((ch !== '(' && ch !== '（') || !isHan(text.charCodeAt(i - 1))) continue;
    let j = i + 1;
    let tone = false;
    while (j < text.length && j - i <= 7 && PINYIN_LETTERS.has(text[j]!)) {
      if (TONE_MARKS.has(text[j]!)) tone = true;
      j++;
    }
    if (!tone || (text[j] !== ')' && text[j] !== '）')) continue;
    out ??= text.split('');
    for (let k = i; k <= j; k++) out[k] = ' ';
    i = j;
  }
  let result = out ? out.join('') : text;
  for (const fix of OCR_FIXES) {
    if (result.includes(fix.from)) result = result.split(fix.from).join(fix.to);
  }
  return result;
}

function mapCharacters(line: string): string {
  let codes: Uint16Array | null = null;
  for (let i = 0; i < line.length; i++) {
    const mapped = table[line.charCodeAt(i)]!;
    if (mapped === 0) continue;
    if (!codes) {
      codes = new Uint16Array(line.length);
      for (let k = 0; k < line.length; k++) codes[k] = line.charCodeAt(k);
    }
    codes[i] = mapped;
  }
  if (!codes) return line;
  let out = '';
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.subarray(i, i + 8192));
  return out;
}
