import type { ExtractContext } from './context.js';
import { headingOf, itemMarker, stripMarkers, type Heading } from '../segment/sections.js';

const PROBLEMS = /存在(的)?(主要)?问题|问题及原因|主要问题|问题与不足|不足之处/;
const MEASURES = /改进措施|整改措施|改进建议|下一步(工作)?(改进)?(措施|打算|计划|工作)|改进方向|工作建议/;

export interface FoundItem {
  text: string;
  line: number;
}

interface Section {
  heading: Heading;
  kind: 'problems' | 'measures' | 'both';
  from: number;
  to: number;
}

const SENTENCE_END = /[。；;!！?？]/;
const TRAILING = /[：:，,、\s]/;

/** First sentence of an item: "合理编制年度预算。科学设置…" → "合理编制年度预算". */
export function itemText(rest: string): string {
  const cut = rest.search(SENTENCE_END);
  const first = cut < 0 ? rest : rest.slice(0, cut);
  // What .replace(/[：:，,、\s]+$/, '') removes, without retrying the class run from each of its characters.
  let end = first.length;
  while (end > 0 && TRAILING.test(first[end - 1]!)) end--;
  return first.slice(0, end).trim();
}

/**
 * The item number after leading blanks, a bullet and an opening bracket. The blank runs are matched
 * atomically ((?=(\s*))\1): giving blanks back to the next \s* can never help, and trying to is
 * quadratic in a long run.
 */
const NUMBER_OF = /^(?=(\s*))\1(?:[-*•](?=(\s+))\2)?[（(]?(?=(\s*))\3([0-9一二三四五六七八九十①-⑩]+)/;

function numberOf(text: string): string {
  return NUMBER_OF.exec(text)?.[4] ?? '';
}

/** 存在的问题 / 改进措施 lists, one entry per numbered item. */
export function extractFindings(ctx: ExtractContext): { problems: FoundItem[]; measures: FoundItem[] } {
  const lines = ctx.lines;
  const headings = lines.map(headingOf);
  // A section ends at the next heading of its level or above (circled items aside), at the next
  // 附件 heading or line. One backward sweep keeps, for each section level, the nearest such line.
  const starts: { idx: number; heading: Heading; kind: Section['kind'] }[] = [];
  headings.forEach((h, idx) => {
    if (!h || h.title.length > 40) return;
    const kind = PROBLEMS.test(h.title) ? (MEASURES.test(h.title) ? 'both' : 'problems') : MEASURES.test(h.title) ? 'measures' : null;
    if (kind) starts.push({ idx, heading: h, kind });
  });
  const levels = [...new Set(starts.map((s) => s.heading.level))];
  const nextStop = new Map<number, number>(levels.map((l) => [l, lines.length]));
  const sections: Section[] = [];
  let k = starts.length - 1;
  for (let j = lines.length - 1; j >= 0 && k >= 0; j--) {
    while (k >= 0 && starts[k]!.idx === j) {
      const s = starts[k--]!;
      sections.push({ heading: s.heading, kind: s.kind, from: j + 1, to: nextStop.get(s.heading.level)! });
    }
    const h = headings[j];
    const all = (h && h.level === 0) || /^附件/.test(stripMarkers(lines[j]!.text));
    for (const level of levels) {
      if (all || (h && h.level <= level && h.style !== 'circled')) nextStop.set(level, j);
    }
  }
  sections.reverse();
  // An outer section holding a more specific one ("八、…存在的问题…" over "2.存在的问题…") gives way to it.
  // Sections are in line order, so the nearest one starting inside a section is the next one.
  const inner = sections.filter((s, i) => !(i + 1 < sections.length && sections[i + 1]!.from <= s.to));
  const problems: FoundItem[] = [];
  const measures: FoundItem[] = [];
  for (const s of inner) {
    let target = s.kind === 'measures' ? measures : problems;
    let style: string | null = null;
    const found: FoundItem[] = [];
    for (let i = s.from; i < s.to; i++) {
      const line = lines[i]!;
      const marker = itemMarker(line.text);
      if (!marker) continue;
      style ??= marker.style;
      if (marker.style !== style) continue;
      // "存在的问题及改进措施" with one list after the other: the second numbering run is the measures.
      if (s.kind === 'both' && found.length && /^[1一①]$/.test(numberOf(line.text)) && target === problems) {
        problems.push(...found.splice(0));
        target = measures;
      }
      const text = itemText(marker.rest);
      if (text) found.push({ text, line: line.no });
    }
    if (!found.length) {
      for (let i = s.from; i < s.to; i++) {
        const t = stripMarkers(lines[i]!.text);
        if (!t || /[：:]$/.test(t) || t.length < 6) continue;
        found.push({ text: itemText(t), line: lines[i]!.no });
      }
    }
    target.push(...found);
  }
  if (!problems.length && !measures.length) return inlineFindings(ctx);
  return { problems, measures };
}

const OCR_LABELS = /存在的问题及原因分析|存在的问题|存在的问|题分析及|问题分析及|改进措施|原因分析/g;

/**
 * A number before a list item: /(?:^|\s)(\d{1,2})\s*[.、．]?\s+(?=[\u4e00-\u9fa5])/g with its blank
 * runs matched atomically. Without a separator the blanks are one run that \s+ takes; with one,
 * the blanks before it and after it are separate runs. (The plain form retries every split of a
 * blank run between \s* and \s+: quadratic in the run.)
 */
const INLINE_MARKER = /(?:^|\s)(\d{1,2})(?:(?=(\s*))\2[.、．](?=(\s+))\3|(?=(\s+))\4)(?=[\u4e00-\u9fa5])/g;

/**
 * text.replace(/其他需要说明.*$/, ''). `.*` does not cross U+2028/U+2029, so the cut is at the first
 * 其他需要说明 after the last of them (the regex would retry from every earlier one).
 */
function cutFromNote(text: string): string {
  let last = text.length - 1;
  while (last >= 0 && !TERMINATOR.test(text[last]!)) last--;
  const at = text.indexOf('其他需要说明', last + 1);
  return at < 0 ? text : text.slice(0, at);
}
const TERMINATOR = /[\n\r\u2028\u2029]/;

/**
 * OCR of a two-column table can flatten 存在的问题 and 改进措施 into one line: "1. … 2. … 1. … 2 …",
 * the labels scattered between. Two numbered runs that each restart at 1 are the two lists.
 */
function inlineFindings(ctx: ExtractContext): { problems: FoundItem[]; measures: FoundItem[] } {
  for (const line of ctx.lines) {
    const t = line.text;
    if (!/存在的问题/.test(t) || !/改进措施|整改措施/.test(t)) continue;
    const markers = [...t.matchAll(INLINE_MARKER)].map((m) => ({ n: Number(m[1]), at: m.index! + m[0].length, start: m.index! }));
    const runs: { at: number; start: number }[][] = [];
    let current: { at: number; start: number }[] = [];
    for (const m of markers) {
      if (m.n === 1) {
        if (current.length) runs.push(current);
        current = [m];
      } else if (current.length && m.n === current.length + 1) current.push(m);
    }
    if (current.length) runs.push(current);
    const lists = runs.filter((r) => r.length >= 1).slice(-2);
    if (lists.length < 2) continue;
    const toItems = (run: { at: number; start: number }[], end: number): FoundItem[] =>
      run.map((m, i) => {
        const raw = cutFromNote(t.slice(m.at, i + 1 < run.length ? run[i + 1]!.start : end).replace(OCR_LABELS, ' '));
        const joined = raw.replace(/\s+/g, ' ').replace(/(?<=[\u4e00-\u9fa5]) (?=[\u4e00-\u9fa5])/g, '').trim();
        return { text: itemText(joined), line: line.no };
      }).filter((item) => item.text);
    return { problems: toItems(lists[0]!, lists[1]![0]!.start), measures: toItems(lists[1]!, t.length) };
  }
  return { problems: [], measures: [] };
}
