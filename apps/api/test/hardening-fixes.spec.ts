import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import pino from 'pino';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { createApp } from '../src/create-app.js';
import { connect } from '../src/database/connect.js';
import { ReportWorkflowService } from '../src/modules/reports/report-workflow.service.js';
import { seed, upload } from './support/uploads.js';
import { newUser, sessionAs, startTestApp, type Session, type TestApp } from './support/test-app.js';

/** Captures the structured log lines the app writes. */
function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: 'info' }, { write: (s: string) => lines.push(JSON.parse(s)) });
  return { logger, lines };
}

/** Polls (no timing assumption) until a backend of this database waits on a lock. */
async function untilWaitingOnLock(ds: DataSource, waiters = 1): Promise<void> {
  for (;;) {
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (n >= waiters) return;
    await new Promise((r) => setImmediate(r));
  }
}

/** A hashed asset of the built web app, large enough to be worth compressing. */
const CHART_SOURCE = 'export const chart = "' + '图表'.repeat(2_000) + '";';

describe('issue 12: the race, the 500s, draft year moves, web caching', () => {
  let t: TestApp;
  let analyst: Session;
  let webDir: string;
  const log = capturingLogger();
  beforeAll(async () => {
    webDir = mkdtempSync(path.join(os.tmpdir(), 'hp-web-'));
    mkdirSync(path.join(webDir, 'assets'));
    writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><div id="app"></div>');
    writeFileSync(path.join(webDir, 'favicon.svg'), '<svg/>');
    writeFileSync(path.join(webDir, 'assets', 'index-3f2a9c1b.js'), 'console.log("app")');
    // The build's files are listed once, at the first asset asked for: this one is there from the start.
    writeFileSync(path.join(webDir, 'assets', 'chart-9d8e7f6a.js'), CHART_SOURCE);
    t = await startTestApp({ webDistDir: webDir }, log.logger);
    analyst = await sessionAs(t, 'analyst');
  });
  afterAll(async () => {
    await t.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  const patch = (s: Session, id: string, body: object) => s.agent.patch(`/api/reports/${id}`).set('x-csrf-token', s.csrf).send(body);
  const count = async (sql: string, params: unknown[] = []) => (await t.dataSource.query(sql, params))[0].n as number;
  const errorsLogged = () => log.lines.filter((l) => (l.level as number) >= 50);

  it('a submitter PATCH that waited on the row lock while an analyst confirmed is refused; no draft is created', async () => {
    const id = (await upload(analyst, [seed('004')]).expect(201)).body[0].reportId as string;
    const [{ region }] = await t.dataSource.query(`SELECT region_code AS region FROM report WHERE id = $1`, [id]);
    const submitter = await sessionAs(t, 'submitter', region);
    const reportsBefore = await count(`SELECT count(*)::int AS n FROM report`);
    const editsBefore = await count(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'report.edit'`);

    // The analyst's confirm holds the report's row lock; the submitter's PATCH (a draft when it asked) waits behind it.
    const confirmer = t.dataSource.createQueryRunner();
    await confirmer.connect();
    await confirmer.startTransaction();
    await confirmer.query(`SELECT 1 FROM report WHERE id = $1 FOR UPDATE`, [id]);
    const pending = patch(submitter, id, { reason: '核对原表', edits: [{ path: 'score.total', value: 97 }] }).then((r) => r);
    await untilWaitingOnLock(t.dataSource);
    await t.app.get(ReportWorkflowService).confirm(id, null, null, confirmer.manager);
    await confirmer.commitTransaction();
    await confirmer.release();

    const res = await pending;
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ statusCode: 403, error: 'FORBIDDEN', message: '报告当前状态为“已确认”，提交单位只能更正草稿和已退回的报告' });
    expect(await count(`SELECT count(*)::int AS n FROM report`)).toBe(reportsBefore);
    expect(await count(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'report.edit'`)).toBe(editsBefore);
    const [{ status, score }] = await t.dataSource.query(`SELECT status, score_total::float AS score FROM report WHERE id = $1`, [id]);
    expect(status).toBe('confirmed');
    expect(score).not.toBe(97);
  });

  it('moving a draft to a year that already has that version number renumbers it within the target series', async () => {
    const id = (await upload(analyst, [seed('001')]).expect(201)).body[0].reportId as string;
    const original = (await analyst.agent.get(`/api/reports/${id}`).expect(200)).body;
    await analyst.agent.post(`/api/reports/${id}/confirm`).set('x-csrf-token', analyst.csrf).expect(200);
    const year = original.fiscalYear as number;
    // A correction of the confirmed version that moves the year: a new draft, version 1 of the next year.
    const moved = (await patch(analyst, id, { reason: '年度填错', edits: [{ path: 'fiscalYear', value: year + 1 }] }).expect(200)).body;
    expect(moved).toMatchObject({ status: 'draft', fiscalYear: year + 1, version: 1 });
    const reports = await count(`SELECT count(*)::int AS n FROM report`);

    // Moving that draft back: version 1 of the original year is taken by the confirmed version.
    const back = await patch(analyst, moved.id, { reason: '年度改回', edits: [{ path: 'fiscalYear', value: year } ] });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ id: moved.id, status: 'draft', fiscalYear: year, version: 2 });
    expect(await count(`SELECT count(*)::int AS n FROM report`)).toBe(reports);
    const series = await t.dataSource.query(
      `SELECT version, status FROM report WHERE unit_id = $1 AND fiscal_year = $2 AND kind = $3 ORDER BY version`,
      [original.unit.id, year, original.kind],
    );
    expect(series).toEqual([{ version: 1, status: 'confirmed' }, { version: 2, status: 'draft' }]);
    expect(await count(`SELECT count(*)::int AS n FROM report WHERE unit_id = $1 AND fiscal_year = $2`, [original.unit.id, year + 1])).toBe(0);
  });

  it('q=%00 answers 400 in Chinese and the log carries neither the query nor its parameters', async () => {
    log.lines.length = 0;
    for (const url of ['/api/units?q=%00', '/api/reports?q=a%00b']) {
      const res = await analyst.agent.get(url).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'BAD_REQUEST', requestId: expect.any(String) });
      expect(res.body.message).toMatch(/空字符/);
    }
    const logged = JSON.stringify(log.lines);
    expect(logged).not.toMatch(/\\u0000|%00|"parameters"|"query"/);
    expect(errorsLogged()).toEqual([]);
  });

  it('NUL inside a JSON body value is a 400 too, not a 500', async () => {
    const id = (await upload(analyst, [seed('002')]).expect(201)).body[0].reportId as string;
    const res = await patch(analyst, id, { reason: 'a\u0000b', edits: [{ path: 'score.total', value: 90 }] });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('an If-None-Match revalidation answers a clean 304 and logs no error', async () => {
    log.lines.length = 0;
    const first = await analyst.agent.get('/api/analytics/overview').expect(200);
    expect(first.headers.etag).toBeTruthy();
    await analyst.agent.get('/api/analytics/overview').set('if-none-match', first.headers.etag).expect(304);
    expect(errorsLogged()).toEqual([]);
    const requests = log.lines.filter((l) => l.msg === 'request' && l.path === '/api/analytics/overview').map((l) => l.status);
    expect(requests).toEqual([200, 304]);
  });

  it('serves hashed assets as immutable for a year and index.html (also as the SPA fallback) with no-cache', async () => {
    const asset = await analyst.agent.get('/assets/index-3f2a9c1b.js').expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/index.html', '/reports/some-page']) {
      const page = await analyst.agent.get(url).expect(200);
      expect(page.text).toContain('<div id="app">');
      expect(page.headers['cache-control']).toBe('no-cache');
    }
    expect((await analyst.agent.get('/favicon.svg').expect(200)).headers['cache-control']).toBe('no-cache');
  });

  it('sends a hashed asset as brotli or gzip bytes made once, with its tag; 304 when held; a client taking neither gets the file as it is', async () => {
    if (!t.server.listening) await new Promise<void>((resolve) => t.server.listen(0, '127.0.0.1', resolve));
    const { port } = t.server.address() as AddressInfo;
    const raw = (file: string, headers: Record<string, string>) =>
      new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        get({ host: '127.0.0.1', port, path: file, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        }).on('error', reject);
      });
    const br = await raw('/assets/chart-9d8e7f6a.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers).toMatchObject({ 'content-encoding': 'br', 'content-type': 'text/javascript; charset=utf-8', vary: 'Accept-Encoding', 'cache-control': 'public, max-age=31536000, immutable' });
    expect(br.headers['x-content-type-options']).toBe('nosniff');
    expect(brotliDecompressSync(br.body).toString()).toBe(CHART_SOURCE);
    expect(br.body.length).toBeLessThan(Buffer.byteLength(CHART_SOURCE) / 10);
    const gz = await raw('/assets/chart-9d8e7f6a.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(CHART_SOURCE);
    expect(gz.headers.etag).toBe(br.headers.etag);
    expect((await raw('/assets/chart-9d8e7f6a.js', { 'accept-encoding': 'br', 'if-none-match': br.headers.etag! })).status).toBe(304);
    const plain = await raw('/assets/chart-9d8e7f6a.js', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(CHART_SOURCE);
    // Nothing outside assets/ is reached through it; a missing asset goes on to the static files (the SPA fallback).
    const outside = await raw('/assets/..%2Findex.html', { 'accept-encoding': 'br' });
    expect(outside.headers['cache-control']).toBe('no-cache');
    const missing = await raw('/assets/missing-00000000.js', { 'accept-encoding': 'br' });
    expect(missing.headers['content-type']).not.toMatch(/javascript/);
    expect(missing.headers.etag).not.toBe(br.headers.etag);
  });
});

describe('issue 12: a database connection that dies mid-request answers 503', () => {
  let t: TestApp;
  let proxied: { app: INestApplication; dataSource: DataSource };
  let proxy: net.Server;
  const sockets = new Set<net.Socket>();
  beforeAll(async () => {
    t = await startTestApp();
    // The second app reaches PostgreSQL through a TCP relay the test can cut.
    const target = new URL((t.dataSource.options as { url: string }).url);
    proxy = net.createServer((downstream) => {
      const upstream = net.connect(Number(target.port || 5432), target.hostname);
      for (const s of [downstream, upstream]) {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
        s.on('error', () => undefined);
      }
      downstream.pipe(upstream).pipe(downstream);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
    const via = new URL(target);
    via.port = String((proxy.address() as net.AddressInfo).port);
    const dataSource = await connect(via.toString());
    const app = await createApp(dataSource, t.config, pino({ level: 'silent' }));
    await app.init();
    proxied = { app, dataSource };
  });
  afterAll(async () => {
    await proxied.app.close();
    await proxied.dataSource.destroy().catch(() => undefined);
    await new Promise((r) => proxy.close(r));
    await t.close();
  });

  it('the request waiting in the database when its connection drops gets 503 DATABASE_UNAVAILABLE', async () => {
    const analyst = await sessionAs(t, 'analyst');
    const id = (await upload(analyst, [seed('003')]).expect(201)).body[0].reportId as string;
    const agent = request.agent(proxied.app.getHttpServer());
    // Sign in through the proxied app.
    const user = await newUser(t, 'analyst');
    const signed = await agent.post('/api/auth/login').send({ username: user.username, password: user.password }).expect(200);
    const csrf = signed.body.csrfToken as string;

    const holder = t.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query(`SELECT 1 FROM report WHERE id = $1 FOR UPDATE`, [id]);
    const pending = agent.post(`/api/reports/${id}/confirm`).set('x-csrf-token', csrf).then((r) => r);
    await untilWaitingOnLock(t.dataSource);
    for (const s of sockets) s.destroy();
    const res = await pending;
    await holder.rollbackTransaction();
    await holder.release();
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ statusCode: 503, error: 'DATABASE_UNAVAILABLE', message: '数据库暂时不可用，请稍后重试' });
    const [{ status }] = await t.dataSource.query(`SELECT status FROM report WHERE id = $1`, [id]);
    expect(status).toBe('draft');
  });
});
