import { decimalOf, divideDecimal, numberOf } from './decimal.js';

/**
 * Near-duplicate text: a paragraph as the set of its hashed character shingles (every window of
 * SHINGLE_SIZE characters after normalisation), and the Jaccard similarity of two such sets in
 * percent. The SQL function shingle_similarity (migration 1764870000000) computes the same
 * similarity on the stored arrays.
 */
export const SHINGLE_SIZE = 3;

/** Names this shingling (window size, normalisation, hash): stored rows made with another are made again. */
export const SHINGLING_VERSION = 'wording-nfkc/3-chars/fnv1a32/v1';

/** Enumeration markers a paragraph may start with: 1. 2、 (一) （二） 一是 ① — not part of its wording. */
const LEADING_MARKER = /^\s*(?:[(（]?[0-9一二三四五六七八九十]{1,3}[)）.、．:：]|[一二三四五六七八九十]{1,2}是|[①-⑳])/u;

/** What counts towards the wording: letters (Chinese characters included) and digits; punctuation, spaces and symbols do not. */
const WORDING = /[\p{L}\p{N}]/u;

/** A paragraph's wording: its letters and digits (NFKC, lower case) and where each came from in the original. */
export interface NormalisedText {
  text: string;
  /** For each character of `text`: [start, end) of the characters it came from in the original (UTF-16 offsets). */
  from: [number, number][];
}

export function normaliseWording(original: string): NormalisedText {
  const marker = LEADING_MARKER.exec(original);
  let offset = marker ? marker[0].length : 0;
  let text = '';
  const from: [number, number][] = [];
  for (const char of original.slice(offset)) {
    const start = offset;
    offset += char.length;
    for (const c of char.normalize('NFKC').toLowerCase()) {
      if (!WORDING.test(c)) continue;
      text += c;
      for (let i = 0; i < c.length; i++) from.push([start, offset]);
    }
  }
  return { text, from };
}

/** FNV-1a over the UTF-16 code units, as a signed 32-bit integer (what PostgreSQL's integer[] holds). */
export function shingleHash(shingle: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < shingle.length; i++) {
    h ^= shingle.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** The windows of the normalised wording (the whole wording when shorter than one window); none for an empty one. */
function windows(text: string): { shingle: string; at: number }[] {
  if (!text) return [];
  if (text.length <= SHINGLE_SIZE) return [{ shingle: text, at: 0 }];
  const out: { shingle: string; at: number }[] = [];
  for (let i = 0; i + SHINGLE_SIZE <= text.length; i++) out.push({ shingle: text.slice(i, i + SHINGLE_SIZE), at: i });
  return out;
}

/** The paragraph's distinct shingle hashes, ascending. */
export function textShingles(paragraph: string): number[] {
  const hashes = new Set(windows(normaliseWording(paragraph).text).map((w) => shingleHash(w.shingle)));
  return [...hashes].sort((a, b) => a - b);
}

/** How many characters of wording the paragraph has (letters and digits after the leading marker). */
export function wordingLength(paragraph: string): number {
  return normaliseWording(paragraph).text.length;
}

/**
 * |A ∩ B| ÷ |A ∪ B| × 100 of two distinct shingle sets, rounded half away from zero to two decimals
 * (exactly, as SQL's round(numeric, 2)); null when either set is empty.
 */
export function jaccardPercent(a: readonly number[], b: readonly number[]): number | null {
  if (!a.length || !b.length) return null;
  const other = new Set(b);
  const shared = a.filter((x) => other.has(x)).length;
  const result = divideDecimal(decimalOf(shared * 100), decimalOf(a.length + b.length - shared), 2);
  return result === null ? null : numberOf(result);
}

/**
 * The parts of `paragraph` whose wording `other` shares: [start, end) ranges of the original
 * text covered by a shingle both have, merged, in order (for highlighting side by side).
 */
export function sharedRanges(paragraph: string, other: string): [number, number][] {
  const mine = normaliseWording(paragraph);
  const theirs = new Set(textShingles(other));
  const ranges: [number, number][] = [];
  for (const w of windows(mine.text)) {
    if (!theirs.has(shingleHash(w.shingle))) continue;
    const start = mine.from[w.at]![0];
    const end = mine.from[w.at + w.shingle.length - 1]![1];
    const last = ranges.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else ranges.push([start, end]);
  }
  return ranges;
}
