// The XLSX writer as it was before rows waited for the zip and the client (table-writers.ts at
// ae1c296, the data sheet's cells): kept as the reference the streamed workbook must match cell
// for cell (xlsx-stream.spec.ts), fed with js-raw-tables' float8 rows.
import type { Writable } from 'node:stream';
import { round } from '@hunan-perf/metrics';
import ExcelJS from 'exceljs';
import type { Column } from '../../src/modules/exports/table.js';

const TWO_DECIMALS: ReadonlySet<Column<unknown>['type']> = new Set(['amount', 'rate', 'score']);
const NUM_FMT: Partial<Record<Column<unknown>['type'], string>> = { amount: '#,##0.00', rate: '0.00', score: '0.00', int: '0' };

const cellValue = <Row>(column: Column<Row>, row: Row) => {
  const v = column.value(row);
  if (v === undefined) return null;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number' && Number.isFinite(v) && TWO_DECIMALS.has(column.type)) return round(v, 2);
  return v;
};

const safeText = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** The data sheet of the previous writer (no 说明 sheet: its lines are compared on their own). */
export async function previousXlsx<Row>(columns: Column<Row>[], rows: AsyncIterable<Row>, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('数据', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: 10, style: NUM_FMT[c.type] ? { numFmt: NUM_FMT[c.type] } : {} }));
  sheet.getRow(1).font = { bold: true };
  for await (const row of rows) {
    sheet.addRow(columns.map((c) => {
      const v = cellValue(c, row);
      return typeof v === 'string' ? safeText(v) : v;
    })).commit();
  }
  sheet.commit();
  await workbook.commit();
}
