import { afterEach, describe, expect, it, vi } from 'vitest';
import { askEarly, takeEarly } from './early';
import { apiFetch } from './http';

const answering = (body: unknown) => vi.fn(async () => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }));

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('answers asked for early (the router, while a page loads)', () => {
  it('apiFetch of the same path takes the early answer instead of asking again, once', async () => {
    const fetch = answering({ year: 2024 });
    vi.stubGlobal('fetch', fetch);
    askEarly('/analytics/overview?year=2024');
    askEarly('/analytics/overview?year=2024');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith('/api/analytics/overview?year=2024', { credentials: 'same-origin' });
    expect(await apiFetch('/analytics/overview?year=2024')).toEqual({ year: 2024 });
    expect(fetch).toHaveBeenCalledTimes(1);
    // Taken: the next apiFetch asks the server.
    expect(await apiFetch('/analytics/overview?year=2024')).toEqual({ year: 2024 });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('another path, a write, or an answer older than ten seconds is not taken', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('fetch', answering({}));
    askEarly('/a');
    expect(takeEarly('/b')).toBeUndefined();
    vi.advanceTimersByTime(10_001);
    expect(takeEarly('/a')).toBeUndefined();
    askEarly('/c');
    const fetch = answering({ ok: true });
    vi.stubGlobal('fetch', fetch);
    await apiFetch('/c', { method: 'POST', body: '{}' });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(takeEarly('/c')).toBeDefined();
  });

  it('a failed early answer is the same error the page would have met', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    askEarly('/x');
    await expect(apiFetch('/x')).rejects.toMatchObject({ status: 0 });
  });
});
