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
  kind: 'problems' | 'measures';
  from: number;
  to: number;
}

/** First sentence of an item: "合理编制年度预算。科学设置…" → "合理编制年度预算". */
export function itemText(rest: string): string {
  const first = rest.split(/[。；;!！?？]/)[0] ?? rest;
  return first.replace(/[：:，,、\s]+$/, '').trim();
}

/** 存在的问题 / 改进措施 lists, one entry per numbered item. */
export function extractFindings(ctx: ExtractContext): { problems: FoundItem[]; measures: FoundItem[] } {
  const lines = ctx.lines;
  const sections: Section[] = [];
  lines.forEach((line, idx) => {
    const h = headingOf(line);
    if (!h || h.title.length > 40) return;
    const kind = PROBLEMS.test(h.title) && !MEASURES.test(h.title) ? 'problems' : MEASURES.test(h.title) ? 'measures' : null;
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
    const target = s.kind === 'problems' ? problems : measures;
    let style: string | null = null;
    const found: FoundItem[] = [];
    for (let i = s.from; i < s.to; i++) {
      const line = lines[i]!;
      const marker = itemMarker(line.text);
      if (!marker) continue;
      style ??= marker.style;
      if (marker.style !== style) continue;
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
  return { problems, measures };
}
