import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough, Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Pool } from 'pg';
import QueryStream from 'pg-query-stream';
import request from 'supertest';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { RAW_TABLES } from '../src/modules/exports/raw-tables.js';
import { ClientGone, writeXlsx } from '../src/modules/exports/table-writers.js';
import { startSeededApp } from './support/seeded-app.js';
import { JS_RAW } from './support/js-raw-tables.js';
import { previousXlsx } from './support/previous-xlsx.js';
import { binary } from './support/uploads.js';
import { newUser, type TestApp } from './support/test-app.js';

type Row = Record<string, string | number | boolean | null>;

async function collect(write: (out: PassThrough) => Promise<unknown>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => out.on('end', resolve));
  await write(out);
  if (!out.writableEnded) out.end();
  await done;
  return Buffer.concat(chunks);
}

async function load(file: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(file as unknown as Parameters<typeof book.xlsx.load>[0]);
  return book;
}

/** Every cell of a sheet as Excel reads it: value, type and number format (an empty cell is null). */
function cells(sheet: ExcelJS.Worksheet, width: number) {
  const out: { value: unknown; type: ExcelJS.ValueType; numFmt: string | undefined }[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    out.push(Array.from({ length: width }, (_, i) => {
      const cell = row.getCell(i + 1);
      return { value: cell.value ?? null, type: cell.type, numFmt: cell.numFmt };
    }));
  }
  return out;
}

const until = async (ok: () => Promise<boolean> | boolean) => {
  for (let i = 0; i < 400; i++) {
    if (await ok()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
};

/** Texts that Excel would run, that need quoting, that are empty or only look like numbers. */
const TEXTS = ['=SUM(A1)', '+3%', '-5', '@user', '\tTab', '\r回车', 'a,b', 'say "hi"', 'line\nbreak', 'crlf\r\nend', '"', ',', '', '普通文字'];

describe('XLSX exports stream from a cursor with backpressure, cell for cell what the previous writer made', () => {
  let t: TestApp;
  let pool: Pool;
  let cookie: string;
  beforeAll(async () => {
    ({ t } = await startSeededApp());
    pool = (t.dataSource.driver as PostgresDriver).master as Pool;
    const user = await newUser(t, 'viewer');
    const login = await request(t.server).post('/api/auth/login').send({ username: user.username, password: user.password }).expect(200);
    cookie = (login.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
  });
  afterAll(() => t.close());

  const download = async (path: string) => (await request(t.server).get(path).set('cookie', cookie).buffer(true).parse(binary).expect(200)).body as Buffer;

  /** The previous writer's workbook: the float8 query through a cursor into previousXlsx. */
  async function previous(table: string, params: unknown[]): Promise<Buffer> {
    const spec = JS_RAW[table]!;
    const client = await pool.connect();
    try {
      const rows = client.query(new QueryStream(spec.sql, params, { batchSize: 100 })) as AsyncIterable<Row>;
      return await collect((out) => previousXlsx(spec.columns, rows, out));
    } finally {
      client.release();
    }
  }

  it('every raw table: values, number formats, defused formulas and empty nulls as before; the 说明 sheet counts the rows', async () => {
    const [indicator] = await t.dataSource.query(`SELECT i.id, i.report_id FROM report_indicator i JOIN report r ON r.id = i.report_id WHERE r.status = 'confirmed' ORDER BY i.id LIMIT 1`);
    const others = await t.dataSource.query(`SELECT id FROM report_indicator WHERE report_id = $1 AND id <> $2 ORDER BY id LIMIT 3`, [indicator.report_id, indicator.id]);
    await t.dataSource.query(`UPDATE report_indicator SET name = $2, target = $3, actual = $4, note = $5 WHERE id = $1`, [indicator.id, ...TEXTS.slice(0, 4)]);
    await t.dataSource.query(`UPDATE report_indicator SET level1 = $2, level2 = $3, note = $4, weight = -12.5, score = NULL WHERE id = $1`, [others[0].id, ...TEXTS.slice(4, 7)]);
    await t.dataSource.query(`UPDATE report_indicator SET name = $2, target = $3, actual = $4, note = $5, weight = 1.005, score = 2.675 WHERE id = $1`, [others[1].id, ...TEXTS.slice(7, 11)]);
    await t.dataSource.query(`UPDATE report_indicator SET name = $2, target = $3, actual = $4, note = NULL WHERE id = $1`, [others[2].id, ...TEXTS.slice(11, 14)]);
    await t.dataSource.query(`UPDATE report_budget SET actual_amount = -96.88, initial_amount = 0, adjusted_amount = NULL WHERE report_id = $1 AND line = 'basic'`, [indicator.report_id]);
    await t.dataSource.query(`UPDATE unit SET name = '=单位,甲 "乙"' WHERE id = (SELECT unit_id FROM report WHERE id = $1)`, [indicator.report_id]);
    await t.dataSource.query(`UPDATE report_warning SET message = E'=第一行\\n第二行' WHERE id = (SELECT min(id) FROM report_warning)`);

    const all = ['department_overall', true, null, null, null, null];
    for (const table of RAW_TABLES) {
      const width = JS_RAW[table]!.columns.length;
      const streamed = await load(await download(`/api/exports/${table}.xlsx?includeSynthetic=true`));
      const before = await load(await previous(table, all));
      const got = cells(streamed.getWorksheet('数据')!, width);
      expect(got.length).toBeGreaterThan(1);
      expect(got).toEqual(cells(before.getWorksheet('数据')!, width));
      const about = streamed.getWorksheet('说明')!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1, 3).join('='));
      expect(about).toContain(`行数=${got.length - 1}`);
      expect(about).toContain(`其中来自已确认报告的行数=${got.length - 1}`);
    }

    // What the comparison covers, spelled out on the indicators sheet.
    const sheet = (await load(await download('/api/exports/indicators.xlsx'))).getWorksheet('数据')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const crafted = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2)).find((r) => r.getCell(header.indexOf('三级指标') + 1).value === "'=SUM(A1)")!;
    expect(crafted.getCell(header.indexOf('三级指标') + 1).type).toBe(ExcelJS.ValueType.String);
    expect(crafted.getCell(header.indexOf('单位') + 1).value).toBe(`'=单位,甲 "乙"`);
    expect(crafted.getCell(header.indexOf('备注') + 1).value).toBe("'@user");
    const rounded = crafted.worksheet.getRow(crafted.number + 2);
    expect(rounded.getCell(header.indexOf('分值') + 1).value).toBe(1.01);
    expect(rounded.getCell(header.indexOf('得分') + 1).value).toBe(2.68);
    expect(rounded.getCell(header.indexOf('分值') + 1).numFmt).toBe('0.00');
    const nulls = crafted.worksheet.getRow(crafted.number + 1);
    expect(nulls.getCell(header.indexOf('得分') + 1).value).toBeNull();
    expect(nulls.getCell(header.indexOf('分值') + 1).value).toBe(-12.5);
    const budget = (await load(await download('/api/exports/budget.xlsx'))).getWorksheet('数据')!;
    expect(budget.getColumn(5).numFmt).toBe('#,##0.00');
    const basic = Array.from({ length: budget.rowCount - 1 }, (_, i) => budget.getRow(i + 2)).find((r) => r.getCell(7).value === -96.88)!;
    expect([basic.getCell(5).value, basic.getCell(6).value ?? null]).toEqual([0, null]);
    const reports = (await load(await download('/api/exports/reports.xlsx'))).getWorksheet('数据')!;
    expect(reports.getColumn(13).numFmt).toBe('0.00');
    expect(reports.getCell('M1').value).toBe('预算执行率（%）');

    // Filters reach the cursor as they reach COPY.
    const filtered = await load(await download('/api/exports/indicators.xlsx?year=2021'));
    expect(cells(filtered.getWorksheet('数据')!, 13)).toEqual(cells((await load(await previous('indicators', ['department_overall', false, [2021], null, null, null]))).getWorksheet('数据')!, 13));
  });

  it('a client that stops reading holds the rows back: the writer reads only what the zip has room for, then finishes', async () => {
    const total = 200_000;
    let pulled = 0;
    // Text that hardly compresses (a pseudo-random walk), so the deflated bytes in between stand for few rows.
    let seed = 7;
    const noise = () => Array.from({ length: 12 }, () => (seed = (seed * 48_271) % 2_147_483_647).toString(36)).join('');
    async function* rows() {
      for (let i = 0; i < total; i++) {
        pulled += 1;
        yield { n: i, text: noise(), amount: i / 7 };
      }
    }
    let held: (() => void) | null = null;
    let stalled = true;
    const chunks: Buffer[] = [];
    const out = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        if (stalled && chunks.length > 1) held = () => done();
        else done();
      },
    });
    const columns = [
      { header: '序号', type: 'int' as const, value: (r: { n: number }) => r.n },
      { header: '说明', type: 'text' as const, value: (r: { text: string }) => r.text },
      { header: '金额（万元）', type: 'amount' as const, value: (r: { amount: number }) => r.amount },
    ];
    const context = { title: '测试', filters: {}, generatedAt: '2026-12-01 08:00', dataAsOf: null, metricDefinitionsVersion: 'x' };
    const writing = writeXlsx({ fileName: 't', columns, rows: rows(), context }, out);
    // The client holds its first write; the writer goes quiet once the buffers in between are full.
    let last = -1;
    let quiet = 0;
    await until(() => {
      quiet = held && pulled === last ? quiet + 1 : 0;
      last = pulled;
      return quiet >= 8;
    });
    expect(held).not.toBeNull();
    // Without backpressure every row is read at once; with it, what ~1 MB of buffers (mostly deflated) holds.
    expect(pulled).toBeLessThan(total / 8);
    stalled = false;
    held!();
    const finished = new Promise((resolve) => out.on('finish', resolve));
    expect(await writing).toBe(total);
    await finished;
    const sheet = (await load(Buffer.concat(chunks))).getWorksheet('数据')!;
    expect(sheet.rowCount).toBe(total + 1);
    expect(sheet.getCell(`C${total + 1}`).value).toBe(Math.round(((total - 1) / 7) * 100) / 100);
  });

  it('a writer whose client went away rejects with ClientGone and stops reading rows', async () => {
    let pulled = 0;
    async function* rows() {
      for (let i = 0; i < 1_000_000; i++) {
        pulled += 1;
        yield { text: `行 ${i} ${'字'.repeat(40)}` };
      }
    }
    const out = new Writable({
      write(_chunk, _encoding, done) {
        setImmediate(() => out.destroy());
        done();
      },
    });
    out.on('error', () => undefined);
    const context = { title: '测试', filters: {}, generatedAt: '2026-12-01 08:00', dataAsOf: null, metricDefinitionsVersion: 'x' };
    await expect(writeXlsx({ fileName: 't', columns: [{ header: '说明', type: 'text', value: (r: { text: string }) => r.text }], rows: rows(), context }, out)).rejects.toBeInstanceOf(ClientGone);
    const at = pulled;
    await new Promise((r) => setTimeout(r, 50));
    expect(pulled).toBe(at);
    expect(pulled).toBeLessThan(100_000);
  });

  it('a download aborted mid-file closes its cursor and returns the connection to the pool, which answers on', async () => {
    // A report with 40,000 indicator rows: a file that is still streaming when the client hangs up.
    const [{ id }] = await t.dataSource.query(`SELECT id FROM report WHERE status = 'confirmed' AND kind = 'department_overall' ORDER BY id LIMIT 1`);
    await t.dataSource.query(
      `INSERT INTO report_indicator (report_id, position, level1, level2, name, target, actual, weight, score, note)
       SELECT $1, 1000 + g, '产出指标', '数量指标', '批量指标 ' || g, '≥' || g, g || '个', 5, 4.5, repeat('备注', 20) FROM generate_series(1, 40000) g`,
      [id],
    );
    await new Promise<void>((resolve) => t.server.listen(0, '127.0.0.1', resolve));
    const { port } = t.server.address() as AddressInfo;
    for (let i = 0; i < 3; i++) {
      await new Promise<void>((resolve, reject) => {
        const req = http.get({ host: '127.0.0.1', port, path: '/api/exports/indicators.xlsx?includeSynthetic=true', headers: { cookie } }, (res) => {
          expect(res.statusCode).toBe(200);
          res.once('data', () => {
            req.destroy();
            resolve();
          });
        });
        req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
      });
    }
    // Every connection the exports took is back in the pool, and none is left running the export's query.
    expect(await until(() => pool.totalCount > 0 && pool.idleCount === pool.totalCount && pool.waitingCount === 0)).toBe(true);
    const running = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state <> 'idle' AND query LIKE '%report_indicator i%' AND pid <> pg_backend_pid()`))[0].n as number;
    expect(await until(async () => (await running()) === 0)).toBe(true);
    const [{ alive }] = await t.dataSource.query(`SELECT count(*)::int AS alive FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction'`);
    expect(alive).toBe(0);
    // The pool answers on: a whole download after the aborted ones, with every row.
    const book = await load(await download('/api/exports/indicators.xlsx?includeSynthetic=true'));
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM report_indicator i JOIN report r ON r.id = i.report_id WHERE r.status = 'confirmed' AND r.kind = 'department_overall'`);
    expect(book.getWorksheet('数据')!.rowCount).toBe(n + 1);
    await new Promise<void>((resolve) => t.server.close(() => resolve()));
  });
});
