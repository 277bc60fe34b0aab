import { AnalyticsCache, MAX_CACHE_BYTES, MAX_ENTRY_BYTES } from '../src/modules/analytics/analytics-cache.js';
import { sessionAs, startTestApp, type TestApp } from './support/test-app.js';

const MB = 1024 * 1024;

describe('analytics cache: bytes counted once per entry, one computation per key at a time', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const newCache = () => new AnalyticsCache(t.dataSource);

  it('a burst of misses storing the same key does not inflate the count, and caching goes on afterwards', () => {
    const cache = newCache();
    const big = 'x'.repeat(15 * MB);
    // Before single flight, every concurrent miss of one key stored its own answer under that key.
    for (let i = 0; i < 10; i += 1) cache.set('overview|2021', big);
    // Counted once per store (the count passes 64 MB at the fifth), the answer itself was evicted.
    cache.set('compare|2021', '{"rows":[]}');
    expect(cache.get('compare|2021')).toBe('{"rows":[]}');
    expect(cache.get('overview|2021')?.length).toBe(big.length);
    expect(cache.size).toBe(15 * MB + 11);
  });

  it('replacing an entry subtracts the old size; eviction is least recently used first, by UTF-8 bytes', () => {
    const cache = newCache();
    cache.set('a', 'x'.repeat(1000));
    cache.set('a', 'y'.repeat(10));
    expect(cache.size).toBe(10);
    // 湖 is three bytes in UTF-8: 5 M characters are 15 MB, under the entry limit.
    const chinese = '湖'.repeat(5 * MB);
    for (const key of ['k1', 'k2', 'k3', 'k4']) cache.set(key, chinese);
    expect(cache.size).toBe(10 + 4 * 15 * MB);
    cache.get('k1'); // k1 used: a is now the oldest, then k2
    cache.set('k5', chinese);
    expect(cache.size).toBeLessThanOrEqual(MAX_CACHE_BYTES);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('k2')).toBeUndefined();
    expect(cache.get('k1')?.length).toBe(chinese.length);
    expect(cache.get('k5')?.length).toBe(chinese.length);
    expect(cache.size).toBe(4 * 15 * MB);
    // 6 M characters are 18 MB: over the entry limit although its length is not.
    const tooBig = '湖'.repeat(6 * MB);
    expect(tooBig.length).toBeLessThan(MAX_ENTRY_BYTES);
    cache.set('huge', tooBig);
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
    expect(answers.map((a) => a.json)).toEqual(Array(20).fill('{"n":1}'));
    expect(answers.filter((a) => !a.hit)).toHaveLength(1);
    expect((await other).json).toBe('{"n":2}');
    expect(cache.size).toBe(14);
    expect(await cache.getOrCompute('trends|x', compute)).toEqual({ json: '{"n":1}', hit: true });
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
    expect(await cache.getOrCompute('k', async () => '{}')).toEqual({ json: '{}', hit: false });
  });

  it('through the API: a burst of the same request computes once and the cache holds that answer once', async () => {
    const viewer = await sessionAs(t, 'viewer');
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => viewer.agent.get('/api/analytics/overview?year=2021').expect(200)),
    );
    expect(responses.filter((r) => r.headers['x-cache'] === 'miss')).toHaveLength(1);
    const bodies = new Set(responses.map((r) => r.text));
    expect(bodies.size).toBe(1);
    expect(t.app.get(AnalyticsCache).size).toBe(Buffer.byteLength([...bodies][0]!, 'utf8'));
  });
});
