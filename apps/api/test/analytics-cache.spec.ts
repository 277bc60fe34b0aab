import { AnalyticsCache, MAX_CACHE_BYTES, MAX_ENTRY_BYTES } from '../src/modules/analytics/analytics-cache.js';
import { answerBytes, chooseCoding, type EncodedAnswer } from '../src/modules/analytics/encoded-answer.js';
import { get, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import request from 'supertest';
import { startSeededApp } from './support/seeded-app.js';
import { newUser, sessionAs, type TestApp } from './support/test-app.js';

const MB = 1024 * 1024;

describe('analytics cache: bytes counted once per entry, one computation per key at a time', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The five seed reports, confirmed: answers big enough to travel compressed.
    ({ t } = await startSeededApp());
  });
  afterAll(() => t.close());

  const newCache = () => new AnalyticsCache(t.dataSource);
  /** An answer kept as it is (no compressed copies), so its size is its JSON's UTF-8 bytes. */
  const plain = (text: string): EncodedAnswer => {
    const json = Buffer.from(text, 'utf8');
    return { json, gzip: json, br: json, etag: '"t"' };
  };

  it('a burst of misses storing the same key does not inflate the count, and caching goes on afterwards', () => {
    const cache = newCache();
    const big = 'x'.repeat(15 * MB);
    // Before single flight, every concurrent miss of one key stored its own answer under that key.
    for (let i = 0; i < 10; i += 1) cache.set('overview|2021', plain(big));
    // Counted once per store (the count passes 64 MB at the fifth), the answer itself was evicted.
    cache.set('compare|2021', plain('{"rows":[]}'));
    expect(cache.get('compare|2021')).toBe('{"rows":[]}');
    expect(cache.get('overview|2021')?.length).toBe(big.length);
    expect(cache.size).toBe(15 * MB + 11);
  });

  it('replacing an entry subtracts the old size; eviction is least recently used first, by UTF-8 bytes', () => {
    const cache = newCache();
    cache.set('a', plain('x'.repeat(1000)));
    cache.set('a', plain('y'.repeat(10)));
    expect(cache.size).toBe(10);
    // 湖 is three bytes in UTF-8: 5 M characters are 15 MB, under the entry limit.
    const chinese = '湖'.repeat(5 * MB);
    for (const key of ['k1', 'k2', 'k3', 'k4']) cache.set(key, plain(chinese));
    expect(cache.size).toBe(10 + 4 * 15 * MB);
    cache.get('k1'); // k1 used: a is now the oldest, then k2
    cache.set('k5', plain(chinese));
    expect(cache.size).toBeLessThanOrEqual(MAX_CACHE_BYTES);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('k2')).toBeUndefined();
    expect(cache.get('k1')?.length).toBe(chinese.length);
    expect(cache.get('k5')?.length).toBe(chinese.length);
    expect(cache.size).toBe(4 * 15 * MB);
    // 6 M characters are 18 MB: over the entry limit although its length is not.
    const tooBig = '湖'.repeat(6 * MB);
    expect(tooBig.length).toBeLessThan(MAX_ENTRY_BYTES);
    cache.set('huge', plain(tooBig));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.size).toBe(4 * 15 * MB);
  });

  it('concurrent misses of one key wait for the first computation (single flight)', async () => {
    const cache = newCache();
    let computations = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const compute = async () => {
      computations += 1;
      await gate;
      return '{"n":1}';
    };
    const callers = Array.from({ length: 20 }, () => cache.getOrCompute('trends|x', compute));
    const other = cache.getOrCompute('trends|y', async () => '{"n":2}');
    release();
    const answers = await Promise.all(callers);
    expect(computations).toBe(1);
    expect(answers.map((a) => a.answer.json.toString())).toEqual(Array(20).fill('{"n":1}'));
    expect(answers.filter((a) => !a.hit)).toHaveLength(1);
    expect((await other).answer.json.toString()).toBe('{"n":2}');
    await cache.idle(); // each kept once its codings are made and the version checked
    expect(cache.size).toBe(14);
    const again = await cache.getOrCompute('trends|x', compute);
    expect([again.answer.json.toString(), again.hit]).toEqual(['{"n":1}', true]);
    expect(computations).toBe(1);
  });

  it('a failed computation reaches every waiter, is not cached, and the next caller computes again', async () => {
    const cache = newCache();
    let attempts = 0;
    const failing = async (): Promise<string> => {
      attempts += 1;
      throw new Error('数据库连接中断');
    };
    const results = await Promise.allSettled([cache.getOrCompute('k', failing), cache.getOrCompute('k', failing)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(attempts).toBe(1);
    expect(cache.size).toBe(0);
    const next = await cache.getOrCompute('k', async () => '{}');
    expect([next.answer.json.toString(), next.hit]).toEqual(['{}', false]);
  });

  it('keys on data_version as the read connection sees it; an answer computed while it moved is returned but not kept', async () => {
    const cache = newCache();
    const bump = () => t.dataSource.query(`UPDATE data_version SET version = version + 1`);
    const before = await cache.version();
    // Another process confirms a report while this answer is being computed.
    const moving = await cache.versioned('overview|x', async () => {
      await bump();
      return '{"n":"mixed"}';
    });
    expect([moving.answer.json.toString(), moving.hit]).toEqual(['{"n":"mixed"}', false]);
    await cache.idle();
    expect(cache.size).toBe(0);
    const after = await cache.version();
    expect(BigInt(after)).toBe(BigInt(before) + 1n);
    const steady = await cache.versioned('overview|x', async () => '{"n":"steady"}');
    expect(steady.hit).toBe(false);
    await cache.idle();
    expect(cache.get(`overview|x|${after}`)).toBe('{"n":"steady"}');
    expect((await cache.versioned('overview|x', async () => '{"n":"again"}')).answer.json.toString()).toBe('{"n":"steady"}');
    // A version read for the request already (DataVersionPrefetch) is the one the key holds.
    const prefetched = await cache.versioned('overview|x', async () => '{"n":"prefetched"}', Promise.resolve(after));
    expect([prefetched.hit, prefetched.answer.json.toString()]).toEqual([true, '{"n":"steady"}']);
  });

  it('through the API: a burst of the same request computes once and the cache holds that answer once', async () => {
    const viewer = await sessionAs(t, 'viewer');
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => viewer.agent.get('/api/analytics/indicators?year=2021').expect(200)),
    );
    expect(responses.filter((r) => r.headers['x-cache'] === 'miss')).toHaveLength(1);
    const bodies = new Set(responses.map((r) => r.text));
    expect(bodies.size).toBe(1);
    const kept = t.app.get(AnalyticsCache);
    // The one entry: its JSON is the body, and the count holds its JSON and both compressed copies once.
    expect(kept.get(cacheKeyOf(kept))).toBe([...bodies][0]);
    expect(kept.size).toBe(answerBytes(kept.entry(cacheKeyOf(kept))!));
    expect(kept.size).toBeGreaterThan(Buffer.byteLength([...bodies][0]!, 'utf8'));
  });

  it('a kept answer is sent as brotli, gzip or plain JSON as the client accepts, each the same JSON, with a strong ETag and 304', async () => {
    const viewer = await sessionAs(t, 'viewer');
    // The indicator table of 2021 (three seeds) is over the size below which answers travel as they are.
    const path = '/api/analytics/indicators?year=2021';
    const raw = (encoding: string) => viewer.agent.get(path).set('Accept-Encoding', encoding).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    const br = await raw('gzip, deflate, br').expect(200);
    const gz = await raw('gzip').expect(200);
    const none = await raw('identity').expect(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(none.headers['content-encoding']).toBeUndefined();
    const json = (none.body as Buffer).toString('utf8');
    // The client decodes each coding to the same JSON; on the wire each is smaller than the JSON.
    expect((br.body as Buffer).toString('utf8')).toBe(json);
    expect((gz.body as Buffer).toString('utf8')).toBe(json);
    expect(Number(br.headers['content-length'])).toBeLessThan(Number(gz.headers['content-length']));
    expect(Number(gz.headers['content-length'])).toBeLessThan(Buffer.byteLength(json));
    expect(Number(none.headers['content-length'])).toBe(Buffer.byteLength(json));
    expect(JSON.parse(json).year).toBe(2021);
    expect(json.length).toBeGreaterThan(2048);
    const etag = none.headers.etag as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect([br.headers.etag, gz.headers.etag]).toEqual([etag, etag]);
    expect(none.headers.vary).toContain('Accept-Encoding');
    expect(none.headers['cache-control']).toBe('private, no-cache');
    const notModified = await viewer.agent.get(path).set('If-None-Match', etag).expect(304);
    expect(notModified.text ?? '').toBe('');
    // Another question has another answer and tag; the held tag does not answer it.
    const other = await viewer.agent.get('/api/analytics/rankings?year=2021').set('If-None-Match', etag).expect(200);
    expect(other.headers.etag).not.toBe(etag);
  });

  it('a hit sends the kept bytes as they are: no new encoding, deflate-only clients get the JSON untouched; a confirmation makes a new answer and tag', async () => {
    const analyst = await sessionAs(t, 'analyst');
    const path = '/api/analytics/compare?year=2021';
    // The bytes as they travel (superagent would decode them): node:http on the app's own port.
    const user = await newUser(t, 'viewer');
    const login = await request(t.server).post('/api/auth/login').send({ username: user.username, password: user.password }).expect(200);
    const cookie = (login.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
    if (!t.server.listening) await new Promise<void>((resolve) => t.server.listen(0, '127.0.0.1', resolve));
    const { port } = t.server.address() as AddressInfo;
    const raw = (encoding: string, etag?: string) =>
      new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        const headers: Record<string, string> = { cookie, 'accept-encoding': encoding, ...(etag ? { 'if-none-match': etag } : {}) };
        get({ host: '127.0.0.1', port, path, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        }).on('error', reject);
      });
    const cache = t.app.get(AnalyticsCache);
    const first = expectStatus(await raw('gzip, deflate, br'), 200);
    expect(first.headers['x-cache']).toBe('miss');
    // The miss went out with its own coding made; the entry is kept once the other one is.
    await cache.idle();
    const key = [...(cache as unknown as { entries: Map<string, unknown> }).entries.keys()].find((k) => k.startsWith('compare|'))!;
    const kept = cache.entry(key)!;
    expect(kept.br.length).toBeLessThan(kept.json.length); // big enough to travel compressed
    const encodings = cache.encodings;
    const second = expectStatus(await raw('gzip, deflate, br'), 200);
    const gz = expectStatus(await raw('gzip'), 200);
    // The kept Buffers go out byte for byte; nothing was serialised or compressed again.
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.body.equals(kept.br)).toBe(true);
    expect(first.body.equals(kept.br)).toBe(true);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.body.equals(kept.gzip)).toBe(true);
    expect(cache.entry(key)).toBe(kept);
    expect(cache.encodings).toBe(encodings);
    // A client taking only deflate gets the kept JSON itself, not a deflate made per request by the middleware.
    const deflateOnly = expectStatus(await raw('deflate'), 200);
    expect(deflateOnly.headers['content-encoding']).toBeUndefined();
    expect(deflateOnly.body.equals(kept.json)).toBe(true);
    expect(Number(deflateOnly.headers['content-length'])).toBe(kept.json.length);
    expect(cache.encodings).toBe(encodings);
    expectStatus(await raw('gzip', kept.etag), 304);

    // A corrected report of 2021 confirmed: the next request is computed, under a new tag.
    // One of the answer's own rows (浏阳's 项目支出 report, also confirmed for 2021, is not compared).
    const id = (JSON.parse(kept.json.toString('utf8')) as { rows: { reportId: string }[] }).rows[0]!.reportId;
    const draft = await analyst.agent.patch(`/api/reports/${id}`).set('x-csrf-token', analyst.csrf)
      .send({ reason: '按复核意见调整得分', edits: [{ path: 'score.total', value: 61.5 }] }).expect(200);
    expect((expectStatus(await raw('gzip', kept.etag), 304)).headers['x-cache']).toBe('hit');
    await analyst.agent.post(`/api/reports/${draft.body.id}/confirm`).set('x-csrf-token', analyst.csrf).expect(200);
    const after = expectStatus(await raw('identity', kept.etag), 200);
    expect(after.headers['x-cache']).toBe('miss');
    expect(after.headers.etag).not.toBe(kept.etag);
    expect(cache.encodings).toBe(encodings + 1);
    const rows = (JSON.parse(after.body.toString('utf8')) as { rows: { reportId: string; scoreTotal: number }[] }).rows;
    expect(rows.find((r) => r.reportId === draft.body.id)?.scoreTotal).toBe(61.5);
  });

  it('the computing caller gets the coding it sends first; the entry kept holds every coding, those bytes among them', async () => {
    const cache = newCache();
    const big = JSON.stringify({ rows: Array.from({ length: 400 }, (_, i) => ({ unit: `单位${i}`, value: i / 7 })) });
    const waiting = cache.getOrCompute('overview|gz', async () => big, async () => true, 'gzip');
    const other = cache.getOrCompute('overview|gz', async () => '{"never":true}');
    const mine = await waiting;
    expect(mine.hit).toBe(false);
    expect(gunzipSync(mine.answer.gzip!).toString('utf8')).toBe(big);
    expect(mine.answer.br).toBeUndefined(); // not waited for
    const theirs = await other;
    expect(theirs.hit).toBe(true);
    await cache.idle();
    const kept = cache.entry('overview|gz')!;
    expect(kept.gzip.equals(mine.answer.gzip!)).toBe(true);
    expect(brotliDecompressSync(kept.br).toString('utf8')).toBe(big);
    expect(theirs.answer).toBe(kept);
    expect([kept.etag, cache.encodings]).toEqual([mine.answer.etag, 1]);
    // A client taking no coding is answered with the JSON at once; the entry still gets both codings.
    const plain = await cache.getOrCompute('overview|plain', async () => big, async () => true, 'identity');
    expect([plain.answer.gzip, plain.answer.br, plain.answer.json.toString('utf8')]).toEqual([undefined, undefined, big]);
    await cache.idle();
    expect(gunzipSync(cache.entry('overview|plain')!.gzip).toString('utf8')).toBe(big);
  });

  it('Accept-Encoding is read with its q values', () => {
    expect(chooseCoding('gzip, deflate, br')).toBe('br');
    expect(chooseCoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseCoding('*')).toBe('gzip');
    expect(chooseCoding(undefined)).toBe('identity');
    expect(chooseCoding('gzip;q=0, br;q=0')).toBe('identity');
  });
});

function expectStatus<R extends { status: number }>(res: R, status: number): R {
  expect(res.status).toBe(status);
  return res;
}

/** The only key an API-filled cache holds (found through its entries, as a caller would not). */
function cacheKeyOf(cache: AnalyticsCache): string {
  const keys = [...(cache as unknown as { entries: Map<string, unknown> }).entries.keys()];
  expect(keys).toHaveLength(1);
  return keys[0]!;
}
