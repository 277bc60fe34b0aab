import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { rowCounts, seed, upload } from './support/uploads.js';
import { newUser, signIn, startTestApp, type Session, type TestApp } from './support/test-app.js';

const MB = 1024 * 1024;
const BOUNDARY = 'hp-stream-test';
const partHead = (name: string) => Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n`);
const chunk = Buffer.alloc(256 * 1024, '部门整体支出绩效自评 预算支出 1,234.56 万元\n');

interface Answer { status: number; body: { error?: string; message?: string } }

/** A hand-driven upload: headers now, body bytes as the test writes them, the answer whenever it comes. */
function openUpload(port: number, cookie: string, csrf: string, headers: Record<string, string | number> = {}) {
  const req = http.request({
    port, host: '127.0.0.1', method: 'POST', path: '/api/documents',
    headers: { cookie, 'x-csrf-token': csrf, 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, ...headers },
  });
  req.on('error', () => {}); // the server may close the connection after answering
  let answered = false;
  const answer = new Promise<Answer>((resolve) => {
    req.on('response', (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
    });
  });
  // A write waiting for 'drain' also ends when the server closes the connection (after answering).
  const write = (bytes: Buffer) =>
    new Promise<void>((resolve) => {
      if (req.destroyed || req.write(bytes)) return resolve();
      req.once('drain', resolve);
      req.once('close', resolve);
    });
  return { req, answer, write, answered: () => answered };
}

/** Writes parts of `perPart` bytes until the server answers, never ending the request. */
async function writeUntilAnswered(u: ReturnType<typeof openUpload>, perPart: number, parts: string[]): Promise<number> {
  let sent = 0;
  for (const name of parts) {
    await u.write(partHead(name));
    for (let inPart = 0; inPart < perPart && !u.answered(); inPart += chunk.length) {
      await u.write(chunk);
      sent += chunk.length;
      // Let the server read what was sent so far before writing more.
      await sleep(1);
    }
    if (u.answered()) break;
    await u.write(Buffer.from('\r\n'));
  }
  return sent;
}

describe('uploads stream to disk, limits enforced while reading (UPLOAD_MAX_REQUEST_MB=3, UPLOAD_MAX_PART_MB=2)', () => {
  let t: TestApp;
  let analyst: Session;
  let port: number;
  let cookie: string;
  let csrf: string;
  const tmp = mkdtempSync(path.join(tmpdir(), 'hp-upload-test-'));
  const leftovers = () => readdirSync(tmp, { recursive: true }) as string[];

  beforeAll(async () => {
    const saved = { ...process.env };
    Object.assign(process.env, { UPLOAD_TMP_DIR: tmp, UPLOAD_MAX_REQUEST_MB: '3', UPLOAD_MAX_PART_MB: '2' });
    try {
      t = await startTestApp();
    } finally {
      for (const k of ['UPLOAD_TMP_DIR', 'UPLOAD_MAX_REQUEST_MB', 'UPLOAD_MAX_PART_MB']) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
    }
    const user = await newUser(t, 'analyst');
    analyst = await signIn(t, user.username, user.password);
    await new Promise<void>((resolve) => t.server.listen(0, '127.0.0.1', () => resolve()));
    port = (t.server.address() as AddressInfo).port;
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user.username, password: user.password }),
    });
    cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  });
  afterAll(async () => {
    await t.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('a request over the per-request limit gets 413 while it is still being sent; nothing written, no temp file left', async () => {
    const before = await rowCounts(t.dataSource);
    const u = openUpload(port, cookie, csrf);
    // Three parts of 1.5 MB, each under the part limit; the request passes 3 MB in the third.
    const sent = await writeUntilAnswered(u, 1.5 * MB, ['a.txt', 'b.txt', 'c.txt']);
    const answer = await u.answer;
    // Answered while the body was still open: the request was never ended, no closing boundary sent.
    expect(u.req.writableEnded).toBe(false);
    u.req.destroy();
    expect(sent).toBeGreaterThan(3 * MB);
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ error: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('一次上传超过 3 MB 的上限（UPLOAD_MAX_REQUEST_MB）') });
    expect(leftovers()).toEqual([]);
    expect(await rowCounts(t.dataSource)).toEqual(before);
  });

  it('a part over the per-part limit gets 413 naming the file while it is still being sent', async () => {
    const before = await rowCounts(t.dataSource);
    const u = openUpload(port, cookie, csrf);
    const sent = await writeUntilAnswered(u, 12 * MB, ['巨大的报告.txt']);
    const answer = await u.answer;
    expect(u.req.writableEnded).toBe(false);
    u.req.destroy();
    expect(sent).toBeGreaterThan(2 * MB);
    expect(answer.status).toBe(413);
    expect(answer.body.message).toBe('巨大的报告.txt：超过单个文件 2 MB 的上传上限（UPLOAD_MAX_PART_MB），已停止接收，未导入任何文件');
    expect(leftovers()).toEqual([]);
    expect(await rowCounts(t.dataSource)).toEqual(before);
  });

  it('a declared Content-Length over the limit is refused before any byte of the body is read', async () => {
    const u = openUpload(port, cookie, csrf, { 'content-length': 100 * MB });
    u.req.flushHeaders();
    const answer = await u.answer;
    u.req.destroy();
    expect(answer.status).toBe(413);
    expect(answer.body.message).toMatch(/^上传请求过大：请求体 100 MB，超过一次上传 3 MB 的上限/);
    expect(leftovers()).toEqual([]);
  });

  it('the bytes go to a temporary file as they arrive, and it is removed when the client goes away', async () => {
    const u = openUpload(port, cookie, csrf);
    await u.write(partHead('half.txt'));
    for (let i = 0; i < 4; i++) await u.write(chunk);
    const onDisk = () => leftovers().map((f) => path.join(tmp, f)).filter((f) => statSync(f).isFile()).reduce((n, f) => n + statSync(f).size, 0);
    while (onDisk() < 4 * chunk.length) await sleep(10);
    expect(onDisk()).toBe(4 * chunk.length);
    u.req.destroy();
    while (leftovers().length > 0) await sleep(10);
    expect(leftovers()).toEqual([]);
  });

  it('a normal upload is read from disk, stored, and leaves no temp file', async () => {
    const res = await upload(analyst, [seed('000')]).expect(201);
    expect(res.body[0]).toMatchObject({ created: true });
    while (leftovers().length > 0) await sleep(10);
    expect(leftovers()).toEqual([]);
  });
});
