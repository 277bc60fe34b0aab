import type { SourceLine } from './lines.js';

export interface Cell {
  /** Matching form, trimmed; multi-line cells are joined without separator. */
  text: string;
  /** Line where the cell starts. */
  line: number;
}

export interface Row {
  line: number;
  cells: Cell[];
}

export type TableLayout = 'tab-rows' | 'cell-per-line' | 'pipe' | 'space-aligned';

export interface Table {
  layout: TableLayout;
  start: number;
  end: number;
  rows: Row[];
}

type Kind = 'blank' | 'tabrow' | 'cell' | 'pipe' | 'text';

function kindOf(text: string): Kind {
  if (!text.trim()) {
    // "\t" alone is an empty cell of a cell-per-line table; several tabs are an empty tab row.
    const tabs = text.match(/\t/g)?.length ?? 0;
    return tabs === 1 ? 'cell' : tabs > 1 ? 'tabrow' : 'blank';
  }
  const lead = /^[ \u3000]*\t+/.exec(text);
  const rest = lead ? text.slice(lead[0].length) : text;
  // A tab after some text (linear: no rescanning from each character of a tab-less line).
  if (rest.includes('\t') && (lead || rest.split('\t').slice(0, -1).some((p) => /\S/.test(p)))) return 'tabrow';
  if (lead) return 'cell';
  if (/^\s*\|.*\|\s*$/.test(text) && (text.match(/\|/g)?.length ?? 0) >= 3) return 'pipe';
  // A pipe row without its outer pipes ("产出指标 | 数量指标 | 企业数 | ≥10家 | 12家 | 10 | 10").
  if (text.includes('|') && text.split('|').filter((c) => c.trim()).length >= 3) return 'pipe';
  return 'text';
}

const clean = (s: string): string => s.replace(/[\s\u3000]+/g, ' ').trim();

function tabRow(line: SourceLine): Row {
  return { line: line.no, cells: line.text.split('\t').map((t) => ({ text: clean(t), line: line.no })) };
}

function pipeRow(line: SourceLine): Row | null {
  if (/^[\s|:\-+]+$/.test(line.text)) return null;
  const parts = line.text.trim().replace(/^\|/, '').replace(/\|$/, '').split('|');
  return { line: line.no, cells: parts.map((t) => ({ text: clean(t), line: line.no })) };
}

const SPACE_SPLIT = /[ \u3000]{2,}/;

function isSpaceAligned(line: SourceLine): boolean {
  const parts = line.text.trim().split(SPACE_SPLIT);
  return parts.length >= 3 && (/\d/.test(line.text) || /指标/.test(line.text)) && line.text.trim().length < 200;
}

/** Cell-per-line exports (one cell a line, starting with a tab; blank line between rows). */
function readCellBlock(lines: SourceLine[], from: number): { table: Table; next: number } {
  const rows: Row[] = [];
  let current: Cell[] = [];
  let i = from;
  for (; i < lines.length; i++) {
    const line = lines[i] as SourceLine;
    const kind = kindOf(line.text);
    if (kind === 'blank') {
      if (current.length) rows.push({ line: current[0]!.line, cells: current });
      current = [];
      const nextLine = lines[i + 1];
      const nextKind = nextLine ? kindOf(nextLine.text) : 'blank';
      if (nextKind !== 'cell' && nextKind !== 'blank') break;
      if (nextKind === 'blank') {
        // Several blank lines: the table goes on only if a cell line follows them.
        let j = i + 1;
        while (j < lines.length && kindOf((lines[j] as SourceLine).text) === 'blank') j++;
        if (j >= lines.length || kindOf((lines[j] as SourceLine).text) !== 'cell') break;
      }
      continue;
    }
    if (kind === 'cell') {
      current.push({ text: clean(line.text.replace(/^[ \u3000]*\t+/, '')), line: line.no });
    } else if (kind === 'text' && current.length) {
      const last = current[current.length - 1] as Cell;
      last.text = clean(last.text + line.text.trim());
    } else break;
  }
  if (current.length) rows.push({ line: current[0]!.line, cells: current });
  return { table: { layout: 'cell-per-line', start: lines[from]!.no, end: lines[Math.max(from, i - 1)]!.no, rows: mergeSplitRows(rows) }, next: i };
}

/** A blank line inside a cell splits one row in two; join neighbours whose cells add up to the usual width. */
function mergeSplitRows(rows: Row[]): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Row;
    const next = rows[i + 1];
    const width = widthAround(rows, i);
    if (next && width >= 5 && row.cells.length < width && row.cells.length + next.cells.length === width && row.cells.length >= 3) {
      out.push({ line: row.line, cells: [...row.cells, ...next.cells] });
      i++;
    } else out.push(row);
  }
  return out;
}

function widthAround(rows: Row[], i: number): number {
  const prev = rows[i - 1]?.cells.length ?? 0;
  const after = rows[i + 2]?.cells.length ?? 0;
  return prev === after ? prev : Math.max(prev, after);
}

/** Finds every table in the lines, in the layouts the reports use. */
export function findTables(lines: SourceLine[]): Table[] {
  const tables: Table[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as SourceLine;
    const kind = kindOf(line.text);
    if (kind === 'tabrow') {
      const rows: Row[] = [];
      let j = i;
      for (;;) {
        while (j < lines.length && kindOf((lines[j] as SourceLine).text) === 'tabrow') rows.push(tabRow(lines[j++] as SourceLine));
        // A page break (one blank line) inside a table: the rows go on.
        const after = lines[j + 1];
        if (j < lines.length && kindOf((lines[j] as SourceLine).text) === 'blank' && after && kindOf(after.text) === 'tabrow') j++;
        else break;
      }
      tables.push({ layout: 'tab-rows', start: line.no, end: lines[j - 1]!.no, rows });
      i = j;
    } else if (kind === 'cell') {
      const { table, next } = readCellBlock(lines, i);
      if (table.rows.length) tables.push(table);
      i = Math.max(next, i + 1);
    } else if (kind === 'pipe') {
      const rows: Row[] = [];
      let j = i;
      while (j < lines.length && kindOf((lines[j] as SourceLine).text) === 'pipe') {
        const row = pipeRow(lines[j++] as SourceLine);
        if (row) rows.push(row);
      }
      tables.push({ layout: 'pipe', start: line.no, end: lines[j - 1]!.no, rows });
      i = j;
    } else if (kind === 'text' && isSpaceAligned(line) && lines[i + 1] && isSpaceAligned(lines[i + 1] as SourceLine)) {
      const rows: Row[] = [];
      let j = i;
      while (j < lines.length && kindOf((lines[j] as SourceLine).text) === 'text' && isSpaceAligned(lines[j] as SourceLine)) {
        const l = lines[j++] as SourceLine;
        rows.push({ line: l.no, cells: l.text.trim().split(SPACE_SPLIT).map((t) => ({ text: clean(t), line: l.no })) });
      }
      tables.push({ layout: 'space-aligned', start: line.no, end: lines[j - 1]!.no, rows });
      i = j;
    } else i++;
  }
  return tables;
}

/** Only the rows between two line numbers (inclusive), for one report inside a larger document. */
export function tablesWithin(tables: Table[], from: number, to: number): Table[] {
  const out: Table[] = [];
  for (const t of tables) {
    if (t.end < from || t.start > to) continue;
    const rows = t.rows.filter((r) => r.line >= from && r.line <= to);
    if (rows.length) out.push({ ...t, rows });
  }
  return out;
}
