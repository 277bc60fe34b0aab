import { PassThrough, Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CSV_BOM, csvLine } from '@hunan-perf/contracts';
import { round, toFixedHalfAway } from '@hunan-perf/metrics';
import ExcelJS from 'exceljs';
import yazl from 'yazl';
import type { Column, ColumnType, ExportContext, ExportTable } from './table.js';

/** Amounts, rates and scores: two decimals, rounded half away from zero in decimal (the contract's one rule). */
const TWO_DECIMALS: ReadonlySet<Column<unknown>['type']> = new Set(['amount', 'rate', 'score']);

const cellValue = <Row>(column: Column<Row>, row: Row) => {
  const v = column.value(row);
  if (v === undefined) return null;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number' && Number.isFinite(v) && TWO_DECIMALS.has(column.type)) return round(v, 2);
  return v;
};

/**
 * One CSV cell as written: two-decimal columns with both decimals (5.6 → "5.60", −96.875 → "-96.88"),
 * as the XLSX shows them — a number, so never defused or quoted; anything else through csvLine's rules.
 */
const csvCell = <Row>(column: Column<Row>, row: Row): string => {
  const v = cellValue(column, row);
  if (typeof v === 'number' && TWO_DECIMALS.has(column.type)) return toFixedHalfAway(v, 2);
  return csvLine([v]).slice(0, -2);
};

/** Lines are gathered into chunks of about this many characters before each write. */
const CHUNK = 64 * 1024;

async function* csvChunks<Row>(table: ExportTable<Row>, count: { rows: number }): AsyncGenerator<string> {
  let chunk = CSV_BOM + csvLine(table.columns.map((c) => c.header));
  for await (const row of table.rows) {
    chunk += `${table.columns.map((c) => csvCell(c, row)).join(',')}\r\n`;
    count.rows += 1;
    if (chunk.length >= CHUNK) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/**
 * Writes the table as CSV (UTF-8 BOM, RFC 4180, formula-looking cells defused), streaming in chunks
 * piped with backpressure (one drain listener for the whole table); out stays open.
 */
export async function writeCsv<Row>(table: ExportTable<Row>, out: Writable): Promise<number> {
  const count = { rows: 0 };
  await pipeline(Readable.from(csvChunks(table, count), { objectMode: false }), out, { end: false });
  return count.rows;
}

/** The defused text an XLSX text cell gets: the same rule as CSV, so a formula never runs. */
function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const NUM_FMT: Partial<Record<Column<unknown>['type'], string>> = { amount: '#,##0.00', rate: '0.00', score: '0.00', int: '0' };

/** Display width of a text in characters: a CJK character takes two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

/** Streamed rows cannot be measured before the columns are laid out: names get room for a long unit name. */
const defaultWidth = <Row>(c: Column<Row>) => c.width ?? (c.type === 'text' && /单位|名称|文件|说明|示例/.test(c.header) ? 40 : null);

/** Column widths from the header and, for rows held in memory, every cell (capped at 60). */
function widths<Row>(table: ExportTable<Row>): number[] {
  const measured = table.columns.map((c) => Math.max(defaultWidth(c) ?? 10, displayWidth(c.header) + 2));
  if (Array.isArray(table.rows)) {
    for (const row of table.rows as Row[]) {
      table.columns.forEach((c, i) => {
        const v = cellValue(c, row);
        if (v != null) measured[i] = Math.max(measured[i]!, Math.max(...String(v).split('\n').map(displayWidth)) + 2);
      });
    }
  }
  return measured.map((w) => Math.min(60, w));
}

/** The client went away before the file was complete: the writer stops reading rows. */
export class ClientGone extends Error {
  constructor() {
    super('client went away');
  }
}

/**
 * exceljs (4.4, its last release) writes a committed row into the sheet's buffer, which hands it on
 * to the zip entry's stream without looking at write()'s answer: nothing holds a fast query back
 * from a slower deflate or client, and the whole sheet piles up in memory. The entry's stream is
 * where the backlog shows, so the writer waits there for 'drain' (deflate and the response pipe
 * pass backpressure on), and stops when `out` closes first.
 */
/** archiver's buffers (each side of its stream) hold up to 256 KB of deflated bytes, not its default 1 MB; exceljs's types omit the option. */
const ZIP_OPTIONS = { highWaterMark: 256 * 1024 } as Partial<ExcelJS.stream.xlsx.ArchiverZipOptions>;

type Entry = Writable & { _writableState?: { needDrain?: unknown } };

function sheetEntry(sheet: ExcelJS.Worksheet): Entry {
  // readable-stream 2 (archiver's): no writableNeedDrain getter, the state says it.
  const entry = (sheet as unknown as { stream: { pipes?: Entry[] } }).stream.pipes?.[0];
  if (typeof entry?._writableState?.needDrain !== 'boolean') throw new Error('exceljs sheet stream without its zip entry: check the exceljs version (table-writers.ts)');
  return entry;
}

function room(entry: Entry, out: Writable): Promise<void> | undefined {
  if (out.destroyed) throw new ClientGone();
  if (!entry._writableState!.needDrain) return undefined;
  return new Promise((resolve, reject) => {
    const drained = () => {
      out.off('close', gone);
      resolve();
    };
    const gone = () => {
      entry.off('drain', drained);
      reject(new ClientGone());
    };
    entry.once('drain', drained);
    out.once('close', gone);
  });
}

/**
 * Streams an .xlsx: a data sheet with Chinese headers, number formats and readable widths, then a
 * 说明 sheet counting the rows written. Rows are committed as they come and read no faster than the
 * zip and `out` take them, so memory stays flat however many there are; rejects with ClientGone
 * (having stopped iterating the rows) when `out` closes first.
 */
export async function writeXlsx<Row>(table: ExportTable<Row>, out: Writable): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false, zip: ZIP_OPTIONS });
  const sheet = workbook.addWorksheet('数据', { views: [{ state: 'frozen', ySplit: 1 }] });
  const entry = sheetEntry(sheet);
  const w = widths(table);
  // One style object per column, given to each of its cells: exceljs looks a style object it has
  // seen up by identity, and renders any other to XML to find its id (half the time per row).
  // Safe: without dates among the values, a style's id does not depend on the cell's type.
  const styles = table.columns.map((c) => (NUM_FMT[c.type] ? { numFmt: NUM_FMT[c.type] } : {}));
  sheet.columns = table.columns.map((c, i) => ({ header: c.header, width: w[i], style: styles[i] }));
  sheet.getRow(1).font = { bold: true };
  let rows = 0;
  for await (const row of table.rows) {
    const added = sheet.addRow(table.columns.map((c) => {
      const v = cellValue(c, row);
      return typeof v === 'string' ? safeText(v) : v;
    }));
    for (let i = 0; i < styles.length; i++) added.getCell(i + 1).style = styles[i]!;
    added.commit();
    rows += 1;
    await room(entry, out);
  }
  sheet.commit();
  const about = workbook.addWorksheet('说明');
  about.columns = [{ width: 34 }, { width: 90 }];
  for (const line of contextLines(counted(table.context, rows))) about.addRow(line.map(safeText)).commit();
  about.commit();
  await workbook.commit();
  return rows;
}

/** The context with the rows as written (every row confirmed unless the table said how many were). */
type Counted = ExportContext & { rows: number; confirmedRows: number };
const counted = (context: ExportContext, rows: number): Counted => ({ ...context, rows, confirmedRows: context.confirmedRows ?? rows });

export function contextLines(context: Counted): [string, string][] {
  return [
    ['内容', context.title],
    ...Object.entries(context.filters).map(([k, v]): [string, string] => [`筛选：${k}`, v]),
    ['生成时间（北京时间）', context.generatedAt],
    ['数据截至（最近一次确认，北京时间）', context.dataAsOf ?? '尚无已确认的报告'],
    ['行数', String(context.rows)],
    ['其中来自已确认报告的行数', String(context.confirmedRows)],
    ...(context.definitions ?? []).map(([name, definition]): [string, string] => [`指标：${name}`, definition]),
    ['指标定义版本', context.metricDefinitionsVersion],
    ...(context.rulesVersion ? [['复核规则版本', context.rulesVersion] as [string, string]] : []),
    ['口径', '金额单位万元，比率单位 %；空白表示报告未提供（不是 0）；只统计各单位各年度当前确认的版本'],
  ];
}

/** A zip of the CSV and manifest.json (filters, data as of, definition versions, row counts). */
export function writeCsvWithManifest<Row>(table: ExportTable<Row>, out: Writable): Promise<number> {
  return zipCsvWithManifest(table, out, (csv) => writeCsv(table, csv));
}

/** The zip of writeCsvWithManifest around a CSV that `writeBody` writes (and counts). */
export async function zipCsvWithManifest(
  table: { fileName: string; columns: readonly { header: string; type: ColumnType }[]; context: ExportContext },
  out: Writable,
  writeBody: (csv: Writable) => Promise<number>,
): Promise<number> {
  const zip = new yazl.ZipFile();
  zip.outputStream.pipe(out);
  const csv = new PassThrough();
  zip.addReadStream(csv, `${table.fileName}.csv`);
  const rows = await writeBody(csv);
  csv.end();
  const manifest = { ...counted(table.context, rows), columns: table.columns.map((c) => ({ header: c.header, type: c.type })) };
  zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), 'manifest.json');
  zip.end();
  await new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('error', reject);
  });
  return rows;
}

export type ExportFormat = 'csv' | 'xlsx' | 'csv+manifest';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'csv+manifest': 'application/zip',
};

export const EXTENSIONS: Record<ExportFormat, string> = { csv: 'csv', xlsx: 'xlsx', 'csv+manifest': 'zip' };
