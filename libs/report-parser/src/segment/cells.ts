import type { SourceLine } from './lines.js';
import type { Table } from './tables.js';
import { PAGE_BANNERS } from '../lexicon/noise.js';

/** One cell of the document's cell stream: a table cell, a `|`/tab-separated piece, or a line of prose. */
export interface StreamCell {
  /** Matching form, runs of whitespace shrunk to one space. */
  text: string;
  /** Line where the cell starts. */
  line: number;
  /** For pages joined into one cell: where each later page starts in `text`, and its line. */
  parts?: { offset: number; line: number }[];
}

/** The line of a character of a joined cell. */
export function lineAt(cell: StreamCell, offset: number): number {
  let line = cell.line;
  for (const p of cell.parts ?? []) if (p.offset <= offset) line = p.line;
  return line;
}

/** Whitespace removed: how labels are compared (PDF text puts spaces inside words: "部门决 策"). */
const SPACE = /[\s\u3000]/;
const SPACES = /[\s\u3000]+/g;
export const compact = (s: string): string => (SPACE.test(s) ? s.replace(SPACES, '') : s);

const clean = (s: string): string => s.replace(/[\s\u3000]+/g, ' ').trim();

/**
 * The layout-agnostic view of a document: every cell in reading order, whatever the layout —
 * rows of a tab/pipe/space-aligned table, one cell per line with blank or `|` separators, or prose.
 * Label → value reading ("人员编制" then "128") and the scoring-sheet reader work on this stream.
 * Pages of a table flattened into one line each ("1、…" "2、…" "3、…") are joined back.
 */
export function cellStream(lines: SourceLine[], tables: Table[]): StreamCell[] {
  const tableCells = new Map<number, StreamCell[]>();
  const covered = new Set<number>();
  for (const t of tables) {
    for (let n = t.start; n <= t.end; n++) covered.add(n);
    for (const row of t.rows) {
      for (const c of row.cells) {
        if (!c.text) continue;
        const list = tableCells.get(c.line) ?? [];
        list.push({ text: c.text, line: c.line });
        tableCells.set(c.line, list);
      }
    }
  }
  const out: StreamCell[] = [];
  let chunk: { marker: number; cell: StreamCell } | null = null;
  for (const line of lines) {
    if (covered.has(line.no)) {
      out.push(...(tableCells.get(line.no) ?? []));
      chunk = null;
      continue;
    }
    const pieces = line.text.split(/[|\t]/);
    for (const piece of pieces) {
      const text = clean(piece);
      if (!text) continue;
      const marker = pageMarker(text);
      if (chunk && marker === chunk.marker + 1 && pieces.length === 1) {
        const parts = (chunk.cell.parts ??= []);
        parts.push({ offset: chunk.cell.text.length, line: line.no });
        chunk.cell.text += text.slice(String(marker).length + 1);
        chunk.marker = marker;
        continue;
      }
      const cell: StreamCell = { text, line: line.no };
      out.push(cell);
      chunk = marker === 1 && text.length > 200 && pieces.length === 1 ? { marker, cell } : null;
    }
  }
  return joinSplitNumbers(out.filter((c) => !isBanner(c.text)));
}

function isBanner(text: string): boolean {
  const c = compact(text);
  return c.length <= 16 && PAGE_BANNERS.some((re) => re.test(c));
}

/** A number a PDF split over two lines ("95." / "10%") is one cell again ("95.10%"). */
function joinSplitNumbers(cells: StreamCell[]): StreamCell[] {
  const out: StreamCell[] = [];
  for (const cell of cells) {
    const prev = out[out.length - 1];
    if (prev && /^-?\d{1,9}\.$/.test(prev.text) && /^\d{1,4}(?:%|分)?$/.test(cell.text)) {
      out[out.length - 1] = { ...prev, text: prev.text + cell.text };
      continue;
    }
    out.push(cell);
  }
  return out;
}

/** "2、任务计1分…" → 2 when the line starts with a page-chunk marker. */
function pageMarker(text: string): number | null {
  const m = /^(\d{1,2})、/.exec(text);
  return m ? Number(m[1]) : null;
}
