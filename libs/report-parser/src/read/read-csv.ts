import { parseCsv } from '@hunan-perf/contracts';
import { rowLine } from './html-to-lines.js';

/** Decoded .csv text → rows of cells (RFC 4180: quoted fields, doubled quotes, CRLF or LF). */
export function csvRows(text: string): string[][] {
  return parseCsv(text);
}

/**
 * A .csv that is not the province template is read as text, like a sheet of .xlsx: each row one
 * line, its cells separated by tabs (so the engine sees a table); a row with one filled first cell
 * is a plain line.
 */
export function csvText(rows: readonly string[][]): string {
  return rows
    .map((row) => {
      const cells = row.map((c) => c.replace(/[\t\r\n]+/g, ' ').trim());
      while (cells.length && !cells[cells.length - 1]) cells.pop();
      if (!cells.length) return '';
      if (cells.filter(Boolean).length === 1 && cells[0]) return cells[0];
      return rowLine(cells);
    })
    .join('\n');
}
