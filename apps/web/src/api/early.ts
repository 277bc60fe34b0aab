/**
 * GET answers asked for ahead of the page that reads them: the router starts one while the
 * page's chunk loads, and the page's own apiFetch of the same path takes it (once) instead of
 * asking again. An answer not taken within a few seconds is dropped, never shown late.
 */
const FRESH_MS = 10_000;
const early = new Map<string, { at: number; response: Promise<Response> }>();

/** Starts GET /api`path` now (same credentials as apiFetch), unless it is already under way. */
export function askEarly(path: string): void {
  const now = Date.now();
  for (const [p, e] of early) if (now - e.at > FRESH_MS) early.delete(p);
  if (early.has(path)) return;
  const response = fetch(`/api${path}`, { credentials: 'same-origin' });
  // A failure surfaces when (if) the page takes it; an untaken one must not be an unhandled rejection.
  response.catch(() => undefined);
  early.set(path, { at: now, response });
}

/** The early answer for `path`, if one was asked for in the last few seconds; taken once. */
export function takeEarly(path: string): Promise<Response> | undefined {
  const e = early.get(path);
  early.delete(path);
  return e && Date.now() - e.at <= FRESH_MS ? e.response : undefined;
}
