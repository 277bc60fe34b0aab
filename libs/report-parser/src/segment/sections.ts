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

/** Strips list markers ("- ", "* ", "[bookmark: …]") that exports put before headings. */
export function stripMarkers(text: string): string {
  return text
    .replace(/\[bookmark:[^\]]*\]/g, '')
    .replace(/^[\s\t]*(?:[-*•]\s+)?/, '')
    .trim();
}

export function headingOf(line: SourceLine): Heading | null {
  let text = stripMarkers(line.text);
  const md = /^(#{1,6})\s+(.*)$/.exec(text);
  if (md) text = (md[2] ?? '').trim();
  for (const p of PATTERNS) {
    const m = p.re.exec(text);
    if (m) return { line: line.no, level: p.level, title: (m[1] ?? '').trim(), style: p.style };
  }
  if (md) return { line: line.no, level: Math.max(1, (md[1] ?? '#').length - 1), title: text, style: 'md' };
  return null;
}

/** The enumerator of a list item line ("1、", "（一）", "(2)", "①"), or null. */
export function itemMarker(text: string): { style: string; rest: string } | null {
  const t = stripMarkers(text);
  for (const p of PATTERNS) {
    if (p.style === 'annex') continue;
    const m = p.re.exec(t);
    if (m) return { style: p.style, rest: (m[1] ?? '').trim() };
  }
  const loose = /^(\d{1,2})\s+(?=[\u4e00-\u9fa5])(.*)$/.exec(t);
  if (loose) return { style: 'num', rest: (loose[2] ?? '').trim() };
  return null;
}
