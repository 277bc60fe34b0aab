import type { SourceLine } from '../segment/lines.js';
import type { Table } from '../segment/tables.js';
import type { Heading } from '../segment/sections.js';
import { Candidates } from './candidates.js';
import { cellStream, type StreamCell } from '../segment/cells.js';

/** What every extractor reads: the lines of one report, its tables and headings, and the shared candidates. */
export interface ExtractContext {
  lines: SourceLine[];
  lineByNo: Map<number, SourceLine>;
  tables: Table[];
  /** Every cell in reading order, whatever the layout (segment/cells.ts). */
  cells: StreamCell[];
  headings: Heading[];
  candidates: Candidates;
  fiscalYear: number | null;
}

export function createContext(lines: SourceLine[], tables: Table[], headings: Heading[], lineByNo: Map<number, SourceLine>): ExtractContext {
  return { lines, lineByNo, tables, cells: cellStream(lines, tables), headings, candidates: new Candidates(lineByNo), fiscalYear: null };
}

/** Splits prose into sentences (。；;!?) and clauses (，,、 kept inside sentences). Parenthetical asides removed. */
export function sentencesOf(text: string): string[][] {
  const withoutAsides = text.replace(/[（(][^（()）]{0,80}[)）]/g, '');
  return withoutAsides
    .split(/[。；;！!？?]/)
    .map((s) => s.split(/，|,(?!\d{3}(?:\D|$))/).map((c) => c.trim()).filter(Boolean))
    .filter((s) => s.length);
}
