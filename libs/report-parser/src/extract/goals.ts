import type { ReportKind } from '@hunan-perf/contracts';
import { splitReports } from '../document/split-reports.js';
import { GOAL_HEADING, PART_HEADING, PART_LEVEL } from '../lexicon/goal-headings.js';
import { splitLines, type SourceLine } from '../segment/lines.js';
import { headingOf, stripMarkers } from '../segment/sections.js';

/** One paragraph of a 绩效目标 section: its text as written and its 1-based line in the source text. */
export interface GoalParagraph {
  text: string;
  line: number;
}

/** A table row (tab-separated cells, or cells joined by " | "): its cells are never headings nor paragraphs. */
const isTableRow = (raw: string): boolean => raw.includes('\t') || raw.includes('|');

/** Whitespace removed, a trailing colon dropped. */
function compact(text: string): string {
  const t = text.replace(/\s+/g, '');
  return t.endsWith('：') || t.endsWith(':') ? t.slice(0, -1) : t;
}

function isGoalTitle(title: string): boolean {
  const t = compact(title);
  if (!t || t.length > GOAL_HEADING.maxTitleLength) return false;
  if (!GOAL_HEADING.endings.some((e) => t.endsWith(e))) return false;
  return !GOAL_HEADING.exclude.some((w) => t.includes(w));
}

/** The rank of a heading line (lower is higher), its title, or null when the line is no heading. */
function rankOf(line: SourceLine): { level: number; title: string; numbered: boolean } | null {
  const part = PART_HEADING.exec(stripMarkers(line.text));
  if (part) return { level: PART_LEVEL, title: stripMarkers(line.text).slice(part[0].length), numbered: true };
  const h = headingOf(line);
  if (h && h.style !== 'circled') return { level: h.level, title: h.title, numbered: true };
  return null;
}

/**
 * The 绩效目标 sections of a department report's text: a heading whose title names the goals
 * ("（二）单位年度整体支出绩效目标", "二、绩效目标", "第二部分 年度绩效目标", or such a title on a line of
 * its own) — not one about them ("绩效目标完成情况") and not a table cell — and its paragraphs: every
 * non-empty line that is no table row, until the next heading of the same or a higher rank (or 附件).
 * Lines are the source text's lines, lines[0] being line 1; the paragraphs carry those numbers.
 */
export function findGoalParagraphs(lines: readonly SourceLine[]): GoalParagraph[] {
  const out: GoalParagraph[] = [];
  let open: number | null = null; // the level of the section being read
  for (const line of lines) {
    if (isTableRow(line.raw)) continue;
    const rank = rankOf(line);
    if (open !== null && rank && rank.level <= open) open = null;
    if (rank && isGoalTitle(rank.title)) {
      open = rank.level;
      continue;
    }
    if (!rank && open === null && isGoalTitle(stripMarkers(line.text))) {
      open = GOAL_HEADING.unnumberedLevel;
      continue;
    }
    if (open === null) continue;
    const text = stripMarkers(line.raw);
    if (text) out.push({ text, line: line.no });
  }
  return out;
}

/**
 * The 绩效目标 paragraphs of a report, from the decoded text of its source document (as stored,
 * the text provenance lines refer to). A document may hold a department report and, in its
 * annexes, 项目支出 self-evaluation tables: only the department report's lines are read; a
 * project report's 年度绩效目标 is a table cell, so it has none.
 */
export function reportGoalParagraphs(text: string, kind: ReportKind): GoalParagraph[] {
  if (kind !== 'department_overall') return [];
  const part = splitReports(splitLines(text)).find((p) => p.kind === 'department_overall');
  return part ? findGoalParagraphs(part.lines) : [];
}
