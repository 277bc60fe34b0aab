import { PassThrough, Writable } from 'node:stream';
import type { Pool } from 'pg';
import QueryStream from 'pg-query-stream';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { copyCsv } from '../src/modules/exports/copy-csv.js';
import { RAW_TABLES } from '../src/modules/exports/raw-tables.js';
import { sqlCell } from '../src/modules/exports/sql-cells.js';
import type { ColumnType } from '../src/modules/exports/table.js';
import { writeCsv } from '../src/modules/exports/table-writers.js';
import { startSeededApp } from './support/seeded-app.js';
import { JS_RAW } from './support/js-raw-tables.js';
import { binary } from './support/uploads.js';
import { sessionAs, type Session, type TestApp } from './support/test-app.js';

type Row = Record<string, string | number | boolean | null>;

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

/** Texts that Excel would run, that need quoting, that are empty or only look like numbers. */
const TEXTS = ['=SUM(A1)', '+3%', '-5', '@user', '\tTab', '\r回车', 'a,b', 'say "hi"', 'line\nbreak', 'crlf\r\nend', '"', ',', '', '普通文字', "it's", '1e5', ' =lead space'];
/** Two-decimal values: exact halves, binary floats just below a half, negatives, a negative rounding to zero. */
const NUMBERS = ['5.625', '-96.875', '1.005', '2.675', '5.6', '100', '-0.004', '0', '1234567.891', '-1234567.895', '0.125'];

describe('CSV exports made by PostgreSQL (COPY) are byte for byte what the JS writer made', () => {
  let t: TestApp;
  let viewer: Session;
  let pool: Pool;
  beforeAll(async () => {
    ({ t } = await startSeededApp());
    viewer = await sessionAs(t, 'viewer');
    pool = (t.dataSource.driver as PostgresDriver).master as Pool;
  });
  afterAll(() => t.close());

  /** The previous writer's bytes: the float8 query through a cursor into writeCsv. */
  async function jsCsv(table: string, params: unknown[]): Promise<Buffer> {
    const spec = JS_RAW[table]!;
    const client = await pool.connect();
    try {
      const rows = client.query(new QueryStream(spec.sql, params, { batchSize: 100 })) as AsyncIterable<Row>;
      return await collect((out) => writeCsv({ fileName: spec.title, columns: spec.columns, rows, context: undefined as never }, out));
    } finally {
      client.release();
    }
  }

  const download = async (path: string) => (await viewer.agent.get(path).buffer(true).parse(binary).expect(200)).body as Buffer;

  it('every raw table, on the seed reports and on crafted text, negatives and nulls, filters applied', async () => {
    const [indicator] = await t.dataSource.query(`SELECT i.id, i.report_id FROM report_indicator i JOIN report r ON r.id = i.report_id WHERE r.status = 'confirmed' ORDER BY i.id LIMIT 1`);
    const others = await t.dataSource.query(`SELECT id FROM report_indicator WHERE report_id = $1 AND id <> $2 ORDER BY id LIMIT 3`, [indicator.report_id, indicator.id]);
    await t.dataSource.query(`UPDATE report_indicator SET name = $2, target = $3, actual = $4, note = $5 WHERE id = $1`, [indicator.id, ...TEXTS.slice(0, 4)]);
    await t.dataSource.query(`UPDATE report_indicator SET level1 = $2, level2 = $3, note = $4, weight = -12.5, score = NULL WHERE id = $1`, [others[0].id, ...TEXTS.slice(4, 7)]);
    await t.dataSource.query(`UPDATE report_indicator SET name = $2, target = $3, actual = $4, note = $5 WHERE id = $1`, [others[1].id, ...TEXTS.slice(7, 11)]);
    await t.dataSource.query(`UPDATE report_indicator SET name = $2, target = $3, actual = $4, note = NULL WHERE id = $1`, [others[2].id, ...TEXTS.slice(11, 14)]);
    await t.dataSource.query(`UPDATE report_budget SET actual_amount = -96.88, initial_amount = 0, adjusted_amount = NULL WHERE report_id = $1 AND line = 'basic'`, [indicator.report_id]);
    await t.dataSource.query(`UPDATE unit SET name = '单位,甲 "乙"' WHERE id = (SELECT unit_id FROM report WHERE id = $1)`, [indicator.report_id]);
    await t.dataSource.query(`UPDATE report_warning SET message = E'=第一行\\n第二行' WHERE id = (SELECT min(id) FROM report_warning)`);

    const all = ['department_overall', true, null, null, null, null];
    for (const table of RAW_TABLES) {
      const copied = await download(`/api/exports/${table}.csv?includeSynthetic=true`);
      expect(copied.toString('utf8').split('\r\n').length).toBeGreaterThan(2);
      expect(copied.equals(await jsCsv(table, all))).toBe(true);
    }
    const copied = await download('/api/exports/indicators.csv?year=2021');
    expect(copied.equals(await jsCsv('indicators', ['department_overall', false, [2021], null, null, null]))).toBe(true);
    const projects = await download('/api/exports/reports.csv?kind=project');
    expect(projects.equals(await jsCsv('reports', ['project', false, null, null, null, null]))).toBe(true);
    const text = (await download('/api/exports/indicators.csv')).toString('utf8');
    expect(text).toContain(`"单位,甲 ""乙""",`);
    expect(text).toContain(`'=SUM(A1),'+3%,'-5,`);
    expect(text).toContain(`,'@user\r\n`);
    expect(text).toContain(`"say ""hi""","line\nbreak","crlf\r\nend",`);
    expect(text).toContain(`,""""\r\n`);
  });

  it('each kind of cell, SQL against JS, on crafted values: .xx5 halves, negatives, nulls, formulas, quotes and line breaks', async () => {
    const quote = (v: string) => `'${v.replace(/'/g, "''")}'`;
    const literal = (v: string | null, type: 'numeric' | 'text') => (v === null ? `NULL::${type}` : type === 'numeric' ? `${v}::numeric` : `${quote(v)}::text`);
    const n = Math.max(TEXTS.length, NUMBERS.length) + 1;
    const at = <T>(xs: T[], i: number) => (i < xs.length ? xs[i]! : null);
    const rows = Array.from({ length: n }, (_, i) => `(${i}, ${literal(at(NUMBERS, i), 'numeric')}, ${i % 3 === 2 ? 'NULL' : i % 2 === 0}::boolean, ${i % 4 === 3 ? 'NULL' : i - 5}::int, ${literal(at(TEXTS, i), 'text')})`);
    const from = `FROM (VALUES ${rows.join(', ')}) v(k, a, b, i, t) ORDER BY k`;
    const types: [string, ColumnType][] = [['a', 'amount'], ['a', 'rate'], ['a', 'score'], ['b', 'bool'], ['i', 'int'], ['t', 'text']];
    const headers = types.map(([key, type]) => `${key}（${type}）`);
    const client = await pool.connect();
    try {
      const fromSql = await collect((out) => copyCsv(client, `SELECT ${types.map(([key, type]) => sqlCell(type, `v.${key}`)).join(', ')} ${from}`, headers, out));
      const { rows: jsRows } = await client.query(`SELECT v.a::float8 AS a, v.b, v.i, v.t ${from}`);
      const columns = types.map(([key, type], i) => ({ header: headers[i]!, type, value: (r: Row) => r[key] }));
      const fromJs = await collect((out) => writeCsv({ fileName: 'x', columns, rows: jsRows as Row[], context: undefined as never }, out));
      expect(fromSql.toString('utf8')).toBe(fromJs.toString('utf8'));
      expect(fromSql.equals(fromJs)).toBe(true);
      const lines = fromSql.toString('utf8').split('\r\n');
      expect(lines[1]).toBe(`5.63,5.63,5.63,是,-5,'=SUM(A1)`);
      expect(lines[3]).toBe(`1.01,1.01,1.01,,-3,'-5`);
      expect(lines[6]).toBe(`100.00,100.00,100.00,,0,"'\r回车"`);
      expect(lines[7]).toBe(`0.00,0.00,0.00,是,1,"a,b"`);
    } finally {
      client.release();
    }
  });

  it('dashboard sessions run without parallel workers; an export gives its connection back that way too', async () => {
    expect((await t.dataSource.query(`SELECT current_setting('max_parallel_workers_per_gather') AS w`))[0].w).toBe('0');
    await download('/api/exports/indicators.csv');
    await download('/api/exports/reports.xlsx');
    // Every idle connection, the exports' among them (the pool hands out the last released first), is back at 0.
    const idle = await Promise.all(Array.from({ length: pool.idleCount }, () => pool.connect()));
    try {
      const settings = await Promise.all(idle.map(async (c) => (await c.query(`SELECT current_setting('max_parallel_workers_per_gather') AS w`)).rows[0].w));
      expect(settings.length).toBeGreaterThan(0);
      expect(new Set(settings)).toEqual(new Set(['0']));
    } finally {
      for (const c of idle) c.release();
    }
  });

  it('a download cut off mid-COPY rejects and its connection is closed, not pooled; the pool answers on', async () => {
    const client = await pool.connect();
    const [{ pid }] = (await client.query('SELECT pg_backend_pid() AS pid')).rows;
    let written = 0;
    const out = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        written += chunk.length;
        done(written > 256 * 1024 ? new Error('client went away') : null);
      },
    });
    let failure: Error | undefined;
    try {
      await copyCsv(client, `SELECT g::text, repeat('x', 200) FROM generate_series(1, 500000) g`, ['n', 'x'], out);
    } catch (error) {
      failure = error as Error;
    } finally {
      client.release(failure);
    }
    expect(failure?.message).toBe('client went away');
    let alive = 1;
    for (let i = 0; i < 200 && alive; i++) {
      [{ alive }] = await t.dataSource.query(`SELECT count(*)::int AS alive FROM pg_stat_activity WHERE pid = $1`, [pid]);
      if (alive) await new Promise((r) => setTimeout(r, 50));
    }
    expect(alive).toBe(0);
    const again = await download('/api/exports/budget.csv');
    expect(again.equals(await jsCsv('budget', ['department_overall', false, null, null, null, null]))).toBe(true);
  });
});
