import type { SourceLine } from './lines.js';

export interface Heading {
  line: number;
  /** 0 附件, 1 一、, 2 （一）, 3 1. / 1、, 4 （1）; markdown # adds its own depth. */
  level: number;
  /** Heading text without its number. */
  title: string;
  /** The enumerator style, e.g. "cn", "cn-paren", "num", "num-paren". */
  style: string;
}

const PATTERNS: { re: RegExp; level: number; style: string }[] = [
  { re: /^附\s*件\s*\d+\s*[、.:：]?\s*(.*)$/, level: 0, style: 'annex' },
  { re: /^[一二三四五六七八九十]{1,3}\s*[、.．]\s*(.*)$/, level: 1, style: 'cn' },
  { re: /^[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]\s*(.*)$/, level: 2, style: 'cn-paren' },
  { re: /^\d{1,2}\s*[、.．](?!\d)\s*(.*)$/, level: 3, style: 'num' },
  { re: /^[（(]\s*\d{1,2}\s*[)）]\s*(.*)$/, level: 4, style: 'num-paren' },
  { re: /^[①②③④⑤⑥⑦⑧⑨⑩]\s*(.*)$/, level: 5, style: 'circled' },
];
const MARKDOWN = /^(#{1,6})\s+(.*)$/;
const LOOSE_NUMBER = /^(\d{1,2})\s+(?=[\u4e00-\u9fa5])(.*)$/;

/** What `.` does not match. A line never holds \n or \r, but U+2028/U+2029 pass through splitLines. */
const TERMINATOR = /[\n\r\u2028\u2029]/;
const DOT_ALL = new Map<RegExp, RegExp>();

/**
 * `re.exec(text)` for the patterns above, which end in `(.*)$`. When the rest of the line holds a
 * U+2028 or U+2029, `(.*)$` fails and the engine retries every split of the whitespace runs before
 * it (cubic in the run). Same answer in linear time: match with a dot that takes every character
 * (the first, greedy, path is the longest prefix), then reject a rest that holds a terminator, as
 * every shorter prefix leaves a longer rest holding the same terminator.
 */
function execRest(re: RegExp, text: string, rest: number, hasTerminator: boolean): RegExpExecArray | null {
  if (!hasTerminator) return re.exec(text);
  let all = DOT_ALL.get(re);
  if (!all) DOT_ALL.set(re, (all = new RegExp(re.source, `${re.flags}s`)));
  const m = all.exec(text);
  return m && !TERMINATOR.test(m[rest] ?? '') ? m : null;
}

/** Strips list markers ("- ", "* ", "[bookmark: …]") that exports put before headings. */
export function stripMarkers(text: string): string {
  return withoutBookmarks(text)
    .replace(/^[\s\t]*(?:[-*•]\s+)?/, '')
    .trim();
}

const BOOKMARK = '[bookmark:';

/**
 * `text.replace(/\[bookmark:[^\]]*\]/g, '')` in linear time: the regex scans to the end of the line
 * from every "[bookmark:" that no "]" closes (quadratic in their number). None after the first
 * unclosed one can be closed either.
 */
function withoutBookmarks(text: string): string {
  let at = text.indexOf(BOOKMARK);
  if (at < 0) return text;
  const kept: string[] = [];
  let from = 0;
  while (at >= 0) {
    const close = text.indexOf(']', at + BOOKMARK.length);
    if (close < 0) break;
    kept.push(text.slice(from, at));
    from = close + 1;
    at = text.indexOf(BOOKMARK, from);
  }
  kept.push(text.slice(from));
  return kept.join('');
}

/** The heading a line is, read once per line (several extractors ask). */
export function headingOf(line: SourceLine): Heading | null {
  const memo = (line.memo ??= {});
  if (memo.heading === undefined) memo.heading = readHeading(line);
  return memo.heading as Heading | null;
}

function readHeading(line: SourceLine): Heading | null {
  let text = stripMarkers(line.text);
  const crossing = TERMINATOR.test(text);
  const md = execRest(MARKDOWN, text, 2, crossing);
  if (md) text = (md[2] ?? '').trim();
  for (const p of PATTERNS) {
    const m = execRest(p.re, text, 1, crossing);
    if (m) return { line: line.no, level: p.level, title: (m[1] ?? '').trim(), style: p.style };
  }
  if (md) return { line: line.no, level: Math.max(1, (md[1] ?? '#').length - 1), title: text, style: 'md' };
  return null;
}

/** The enumerator of a list item line ("1、", "（一）", "(2)", "①"), or null. */
export function itemMarker(text: string): { style: string; rest: string } | null {
  const t = stripMarkers(text);
  const crossing = TERMINATOR.test(t);
  for (const p of PATTERNS) {
    if (p.style === 'annex') continue;
    const m = execRest(p.re, t, 1, crossing);
    if (m) return { style: p.style, rest: (m[1] ?? '').trim() };
  }
  const loose = execRest(LOOSE_NUMBER, t, 2, crossing);
  if (loose) return { style: 'num', rest: (loose[2] ?? '').trim() };
  return null;
}
