import { PassThrough } from 'node:stream';
import { parseCsv } from '@hunan-perf/contracts';
import ExcelJS from 'exceljs';
import type { Column, ExportTable } from '../src/modules/exports/table.js';
import { writeCsv, writeXlsx } from '../src/modules/exports/table-writers.js';

type Row = { v: number | null };

const table = (type: Column<Row>['type'], values: (number | null)[]): ExportTable<Row> => ({
  fileName: 't',
  columns: [{ header: '值', type, value: (r) => r.v }],
  rows: values.map((v) => ({ v })),
  context: { title: '测试', filters: {}, generatedAt: '2026-12-01 08:00', dataAsOf: '2026-12-01 08:00', metricDefinitionsVersion: 'x', rows: values.length, confirmedRows: values.length },
});

async function collect(write: (out: PassThrough) => Promise<unknown>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => out.on('end', resolve));
  await write(out);
  out.end();
  await done;
  return Buffer.concat(chunks);
}

describe('exports print the contract’s two decimals (half away from zero, decimal), the same in CSV and XLSX', () => {
  // 1.005 as a binary float sits just below the half (toFixed prints 1.00); 5.625 is an exact half.
  const values = [5.625, -96.875, 1.005, 5.6, 100, -0.004, null, 1234567.891];
  const expected = ['5.63', '-96.88', '1.01', '5.60', '100.00', '0.00', '', '1234567.89'];

  it.each(['rate', 'amount', 'score'] as const)('%s columns', async (type) => {
    const csv = (await collect((out) => writeCsv(table(type, values), out))).toString('utf8');
    expect(parseCsv(csv).slice(1).map((r) => r[0])).toEqual(expected);
    // A negative number is a number: no apostrophe, no quotes.
    expect(csv).toContain('\r\n-96.88\r\n');
    const book = new ExcelJS.Workbook();
    const xlsx: unknown = await collect((out) => writeXlsx(table(type, values), out));
    await book.xlsx.load(xlsx as Parameters<typeof book.xlsx.load>[0]);
    const sheet = book.getWorksheet('数据')!;
    const cells = values.map((_, i) => sheet.getRow(i + 2).getCell(1));
    expect(cells.map((c) => c.value ?? null)).toEqual(expected.map((e) => (e === '' ? null : Number(e))));
    expect(cells[0]!.numFmt).toMatch(/0\.00$/);
  });

  it('counts stay whole numbers', async () => {
    const csv = (await collect((out) => writeCsv(table('int', [3, 12]), out))).toString('utf8');
    expect(parseCsv(csv).slice(1).map((r) => r[0])).toEqual(['3', '12']);
  });
});
