import { ReportParseError } from '../errors.js';
import type { ResolvedOptions } from '../options.js';
import { checkPdfStreams } from './pdf-guard.js';
import { shortReason } from './read-docx.js';
import { rowLine } from './html-to-lines.js';

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

interface Segment {
  x: number;
  text: string;
}

/** One visual line → segments separated by wide gaps (table cells). */
function segmentsOf(items: TextItem[]): Segment[] {
  items.sort((a, b) => (a.transform[4] ?? 0) - (b.transform[4] ?? 0));
  const segments: Segment[] = [];
  let end: number | null = null;
  for (const item of items) {
    if (!item.str.trim()) continue;
    const x = item.transform[4] ?? 0;
    const size = Math.abs(item.transform[3] ?? item.height) || 10;
    const last = segments[segments.length - 1];
    if (end === null || !last || x - end > size * 1.5) segments.push({ x, text: item.str });
    else {
      const spaced = x - end > size * 0.25 && /[\x21-\x7e]$/.test(last.text) && /^[\x21-\x7e]/.test(item.str);
      last.text += (spaced ? ' ' : '') + item.str;
    }
    end = x + item.width;
  }
  return segments;
}

/**
 * Runs of multi-cell lines are tables: their cell start positions are clustered into columns, so a
 * row with empty cells keeps its cells under the right header (as in tab-separated exports).
 */
function alignColumns(lines: Segment[][]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    if ((lines[i]?.length ?? 0) < 2) {
      out.push((lines[i] ?? []).map((s) => s.text).join(''));
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && (lines[j]?.length ?? 0) >= 2) j++;
    const block = lines.slice(i, j);
    const starts = block.flat().map((s) => s.x).sort((a, b) => a - b);
    const columns: number[] = [];
    for (const x of starts) if (!columns.length || x - columns[columns.length - 1]! > 4) columns.push(x);
    for (const row of block) {
      const cells: string[] = new Array<string>(columns.length).fill('');
      for (const s of row) {
        let best = 0;
        for (let c = 1; c < columns.length; c++) if (Math.abs(columns[c]! - s.x) < Math.abs(columns[best]! - s.x)) best = c;
        cells[best] = cells[best] ? `${cells[best]} ${s.text}` : s.text;
      }
      out.push(rowLine(cells));
    }
    i = j;
  }
  return out;
}

type PdfLimits = Pick<ResolvedOptions, 'maxPdfPages' | 'maxPdfTextItems' | 'maxPdfTextOperators' | 'maxPdfDecompressedBytes'>;

const NO_LIMITS: PdfLimits = { maxPdfPages: Infinity, maxPdfTextItems: Infinity, maxPdfTextOperators: Infinity, maxPdfDecompressedBytes: Infinity };

/** A PDF over one of the reading limits: names the file and the limit. */
class PdfLimitError extends ReportParseError {
  constructor(fileName: string, problem: string) {
    super('TOO_LARGE', fileName, problem);
  }
}

/**
 * One page's text items, read as a stream and counted as they come: past the limit (all pages
 * together) no more is read (pdf.js evaluates a page in chunks, on demand) and the document is destroyed.
 */
async function pageItems(page: { streamTextContent(): ReadableStream<{ items: unknown[] }> }, fileName: string, counted: { n: number }, max: number): Promise<TextItem[]> {
  const reader = page.streamTextContent().getReader();
  const items: TextItem[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return items;
    counted.n += value.items.length;
    if (counted.n > max) {
      // Stop reading: no more chunks are asked for, and doc.destroy() ends the page's evaluation.
      throw new PdfLimitError(fileName, `文字项超过 ${max.toLocaleString('en-US')} 个的上限（PDF 文字项上限 maxPdfTextItems），未读取`);
    }
    for (const i of value.items) if (typeof (i as TextItem).str === 'string' && (i as TextItem).str.length > 0) items.push(i as TextItem);
  }
}

/**
 * PDF text layer → lines: items grouped by baseline, wide gaps become tabs (table columns). Bounded:
 * the inflated size of its streams and their text operators are checked before pdf.js starts, then
 * its pages and the text items pdf.js reads.
 */
export async function readPdf(bytes: Uint8Array, fileName: string, limits: PdfLimits = NO_LIMITS): Promise<string> {
  if (Number.isFinite(limits.maxPdfDecompressedBytes) || Number.isFinite(limits.maxPdfTextOperators)) checkPdfStreams(bytes, fileName, limits);
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  } catch (error) {
    throw new ReportParseError('CORRUPT_FILE', fileName, `无法作为 PDF 读取（${shortReason(error)}）`);
  }
  const out: string[] = [];
  const counted = { n: 0 };
  try {
    if (doc.numPages > limits.maxPdfPages) {
      throw new PdfLimitError(fileName, `共 ${doc.numPages} 页，超过 ${limits.maxPdfPages} 页的上限（PDF 页数上限 maxPdfPages），未读取`);
    }
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const items = await pageItems(page as never, fileName, counted, limits.maxPdfTextItems);
      const rows: { y: number; items: TextItem[] }[] = [];
      for (const item of items) {
        const y = item.transform[5] ?? 0;
        const size = Math.abs(item.transform[3] ?? item.height) || 10;
        const row = rows.find((r) => Math.abs(r.y - y) < size * 0.4);
        if (row) row.items.push(item);
        else rows.push({ y, items: [item] });
      }
      rows.sort((a, b) => b.y - a.y);
      out.push(...alignColumns(rows.map((row) => segmentsOf(row.items))));
      out.push('');
      page.cleanup();
    }
  } catch (error) {
    if (error instanceof PdfLimitError) throw error;
    throw new ReportParseError('CORRUPT_FILE', fileName, `是损坏的 PDF（${shortReason(error)}）`);
  } finally {
    await doc.destroy();
  }
  return out.join('\n');
}
