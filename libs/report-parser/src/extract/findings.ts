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

/** First sentence of an item: "合理编制年度预算。科学设置…" → "合理编制年度预算". */
export function itemText(rest: string): string {
  const first = rest.split(/[。；;!！?？]/)[0] ?? rest;
  return first.replace(/[：:，,、\s]+$/, '').trim();
}

function numberOf(text: string): string {
  return /^[\s\t]*(?:[-*•]\s+)?[（(]?\s*([0-9一二三四五六七八九十①-⑩]+)/.exec(text)?.[1] ?? '';
}

/** 存在的问题 / 改进措施 lists, one entry per numbered item. */
export function extractFindings(ctx: ExtractContext): { problems: FoundItem[]; measures: FoundItem[] } {
  const lines = ctx.lines;
  const sections: Section[] = [];
  lines.forEach((line, idx) => {
    const h = headingOf(line);
    if (!h || h.title.length > 40) return;
    const kind = PROBLEMS.test(h.title) ? (MEASURES.test(h.title) ? 'both' : 'problems') : MEASURES.test(h.title) ? 'measures' : null;
    if (!kind) return;
    let end = idx + 1;
    for (; end < lines.length; end++) {
      const next = headingOf(lines[end]!);
      if (next && next.level <= h.level && next.style !== 'circled') break;
      if (next && next.level === 0) break;
      if (/^附件/.test(stripMarkers(lines[end]!.text))) break;
    }
    sections.push({ heading: h, kind, from: idx + 1, to: end });
  });
  // An outer section holding a more specific one ("八、…存在的问题…" over "2.存在的问题…") gives way to it.
  const inner = sections.filter((s) => !sections.some((o) => o !== s && o.from > s.from && o.from <= s.to));
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
 * OCR of a two-column table can flatten 存在的问题 and 改进措施 into one line: "1. … 2. … 1. … 2 …",
 * the labels scattered between. Two numbered runs that each restart at 1 are the two lists.
 */
function inlineFindings(ctx: ExtractContext): { problems: FoundItem[]; measures: FoundItem[] } {
  for (const line of ctx.lines) {
    const t = line.text;
    if (!/存在的问题/.test(t) || !/改进措施|整改措施/.test(t)) continue;
    const markers = [...t.matchAll(/(?:^|\s)(\d{1,2})\s*[.、．]?\s+(?=[\u4e00-\u9fa5])/g)].map((m) => ({ n: Number(m[1]), at: m.index! + m[0].length, start: m.index! }));
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
        const raw = t.slice(m.at, i + 1 < run.length ? run[i + 1]!.start : end).replace(OCR_LABELS, ' ').replace(/其他需要说明.*$/, '');
        const joined = raw.replace(/\s+/g, ' ').replace(/(?<=[\u4e00-\u9fa5]) (?=[\u4e00-\u9fa5])/g, '').trim();
        return { text: itemText(joined), line: line.no };
      }).filter((item) => item.text);
    return { problems: toItems(lists[0]!, lists[1]![0]!.start), measures: toItems(lists[1]!, t.length) };
  }
  return { problems: [], measures: [] };
}
