import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useHealthStore } from './health';

const respond = (status: number, body: unknown) =>
  vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));

describe('health store', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => vi.unstubAllGlobals());

  it('keeps the health answer and calls /api/health', async () => {
    const fetch = respond(200, { status: 'ok', database: 'up', databaseKind: 'embedded', databaseVersion: '18.4', readDatabase: { connection: 'primary', database: 'up', standby: false, lagBytes: null, lagSeconds: null }, uptimeSeconds: 5 });
    vi.stubGlobal('fetch', fetch);
    const store = useHealthStore();
    await store.refresh();
    expect(fetch).toHaveBeenCalledWith('/api/health', expect.objectContaining({ credentials: 'same-origin' }));
    expect(store.health?.database).toBe('up');
    expect(store.error).toBeNull();
    expect(store.loading).toBe(false);
  });

  it('keeps the body of a 503 and says the service is unavailable', async () => {
    vi.stubGlobal('fetch', respond(503, { status: 'degraded', database: 'down', databaseKind: 'external', databaseVersion: null, uptimeSeconds: 9 }));
    const store = useHealthStore();
    await store.refresh();
    expect(store.health?.database).toBe('down');
    expect(store.error).toBe('服务暂时不可用，请稍后重试');
  });

  it('says plainly when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    const store = useHealthStore();
    await store.refresh();
    expect(store.health).toBeNull();
    expect(store.error).toBe('无法连接服务器，请检查网络或稍后重试');
  });
});
