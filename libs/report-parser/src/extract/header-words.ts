import { HEADER_WORDS, type ColumnRole } from '../lexicon/indicator-headers.js';

/** Header words longest first, so "指标说明及评分标准" wins over "指标说明". */
const WORDS: { word: string; role: ColumnRole }[] = HEADER_WORDS.flatMap((h) => h.words.map((word) => ({ word, role: h.role }))).sort(
  (a, b) => b.word.length - a.word.length,
);
const BY_WORD = new Map(WORDS.map((w) => [w.word, w.role]));

/** Fragments of a header cell wrapped over two lines ("一级" / "指标"). */
const FRAGMENTS = new Set(['指标', '值', '分', '分值', '情况', '名称', '得分', '原因', '说明']);

/** The role of a whole header cell (compact text), or null. */
export function headerRole(compactText: string): ColumnRole | null {
  return BY_WORD.get(compactText.replace(/[（(](万元|元|%|分)[)）]$/, '')) ?? null;
}

export function isHeaderFragment(compactText: string): boolean {
  return FRAGMENTS.has(compactText);
}

/** Header words written one after another inside a run-on text, from `from`: roles and where they end. */
export function inlineHeader(text: string, from: number): { roles: ColumnRole[]; words: string[]; end: number } {
  const roles: ColumnRole[] = [];
  const words: string[] = [];
  let at = from;
  for (;;) {
    const hit = WORDS.find((w) => text.startsWith(w.word, at));
    if (!hit) break;
    roles.push(hit.role);
    words.push(hit.word);
    at += hit.word.length;
  }
  return { roles, words, end: at };
}
