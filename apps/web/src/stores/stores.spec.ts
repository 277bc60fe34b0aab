import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IngestResult } from '@/api/types';
import { buildPickerTree, useCatalogStore } from './catalog';
import { outcomeOf, useImportStore } from './import';
import { useReportStore } from './report';
import { areasFor, useSessionStore } from './session';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
/** A fetch stub answering by "METHOD path". */
function api(routes: Record<string, () => Response>) {
  const fn = vi.fn(async (url: string, init?: RequestInit) => {
    const key = `${(init?.method ?? 'GET').toUpperCase()} ${url}`;
    const hit = routes[key];
    if (!hit) throw new Error(`unexpected ${key}`);
    return hit();
  });
  vi.stubGlobal('fetch', fn);
  return fn;
}
const user = { id: 'u', username: 'zhang', displayName: '张三', role: 'viewer', regionCode: null };

describe('session store', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => vi.unstubAllGlobals());

  it('gives each role only its areas', () => {
    expect(areasFor('viewer')).toEqual(['dashboards', 'rectification', 'reports', 'status', 'spotChecks']);
    expect(areasFor('submitter')).toContain('spotChecks');
    expect(areasFor('submitter')).toContain('rectification');
    expect(areasFor('submitter')).not.toContain('dashboards');
    expect(areasFor('submitter')).toContain('import');
    expect(areasFor('analyst')).toContain('review');
    expect(areasFor(null)).toEqual([]);
  });

  it('logs in, keeps the user and answers may() by role', async () => {
    const fetch = api({ 'POST /api/auth/login': () => json(200, { user, csrfToken: 't' }) });
    const s = useSessionStore();
    expect(await s.login('zhang', 'pw')).toBe(true);
    expect(JSON.parse(String(fetch.mock.calls[0]![1]!.body))).toEqual({ username: 'zhang', password: 'pw' });
    expect(s.may('dashboards')).toBe(true);
    expect(s.may('import')).toBe(false);
  });

  it('shows the API message of a refused login', async () => {
    api({ 'POST /api/auth/login': () => json(401, { statusCode: 401, error: 'BAD_CREDENTIALS', message: '用户名或密码错误', requestId: 'x' }) });
    const s = useSessionStore();
    expect(await s.login('zhang', 'bad')).toBe(false);
    expect(s.error).toBe('用户名或密码错误');
    expect(s.user).toBeNull();
  });

  it('restores the session once; a 401 means signed out, not an error', async () => {
    const fetch = api({ 'GET /api/auth/me': () => json(401, { statusCode: 401, error: 'UNAUTHENTICATED', message: '请先登录' }) });
    const s = useSessionStore();
    await s.restore();
    await s.restore();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(s.user).toBeNull();
    expect(s.error).toBeNull();
    expect(s.checked).toBe(true);
  });
});

describe('catalog store', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => vi.unstubAllGlobals());

  const regions = [{ code: '430000', name: '湖南省', level: 'province' as const, parentCode: null, children: [
    { code: '430100', name: '长沙市', level: 'city' as const, parentCode: '430000', children: [
      { code: '430181', name: '浏阳市', level: 'county' as const, parentCode: '430100', children: [] },
      { code: '430102', name: '芙蓉区', level: 'county' as const, parentCode: '430100', children: [] },
    ] },
  ] }];
  const units = [{ id: 'u1', name: '浏阳市工业和信息化局', regionCode: '430181', regionName: '浏阳市', regionLevel: 'county' as const, aliases: [] }];

  it('builds the picker tree: regions with units only, units as leaves', () => {
    expect(buildPickerTree(regions, units)).toEqual([{ value: 'region:430000', label: '湖南省', kind: 'region', children: [
      { value: 'region:430100', label: '长沙市', kind: 'region', children: [
        { value: 'region:430181', label: '浏阳市', kind: 'region', children: [{ value: 'u1', label: '浏阳市工业和信息化局', kind: 'unit' }] },
      ] },
    ] }]);
  });

  it('loads regions and units once and names them', async () => {
    const fetch = api({ 'GET /api/regions': () => json(200, regions), 'GET /api/units': () => json(200, units) });
    const c = useCatalogStore();
    await Promise.all([c.load(), c.load()]);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(c.regionName.get('430102')).toBe('芙蓉区');
    expect(c.unitName.get('u1')).toBe('浏阳市工业和信息化局');
  });
});

describe('import store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('tells new, duplicate and error apart', () => {
    expect(outcomeOf({ fileName: 'a', created: true })).toBe('new');
    expect(outcomeOf({ fileName: 'a', created: false })).toBe('duplicate');
    expect(outcomeOf({ fileName: 'a', error: { code: 'EMPTY_FILE', message: '文件是空的' } })).toBe('error');
  });

  it('uploads files one by one with progress; a thrown error stays on its file', async () => {
    const answers: Record<string, IngestResult | Error> = {
      'a.txt': { fileName: 'a.txt', created: true, reportId: 'r1' },
      'b.txt': { fileName: 'b.txt', created: false, reportId: 'r2' },
      'c.txt': new Error('无法连接服务器，请检查网络或稍后重试'),
    };
    const seen: number[] = [];
    const send = vi.fn(async (f: File, progress: (p: number) => void) => {
      progress(0.5);
      seen.push(store.items.find((i) => i.fileName === f.name)!.progress);
      const a = answers[f.name]!;
      if (a instanceof Error) throw a;
      return a;
    });
    const store = useImportStore();
    await store.upload(['a.txt', 'b.txt', 'c.txt'].map((n) => new File(['x'], n)), send);
    expect(seen).toEqual([0.5, 0.5, 0.5]);
    expect(store.items.map((i) => [i.fileName, i.outcome, i.error])).toEqual([
      ['a.txt', 'new', null], ['b.txt', 'duplicate', null], ['c.txt', 'error', '无法连接服务器，请检查网络或稍后重试'],
    ]);
    expect(store.busy).toBe(false);
  });
});

describe('report store', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => vi.unstubAllGlobals());
  const detail = (score: number) => ({
    id: 'r1', status: 'draft', version: 1, document: { score: { total: score }, provenance: { 'score.total': { line: 12, excerpt: String(score) } } },
    source: { lines: [] }, warnings: [], corrections: [], candidates: [],
  });

  it('maps the selected field to its source line', async () => {
    api({ 'GET /api/reports/r1': () => json(200, detail(96)), 'GET /api/reports/r1/versions': () => json(200, []) });
    const s = useReportStore();
    await s.load('r1');
    expect(s.highlightLine).toBeNull();
    s.select('score.total');
    expect(s.highlightLine).toBe(12);
    s.select('budget.total.initial');
    expect(s.highlightLine).toBeNull();
  });

  it('sends a correction with its reason and the CSRF header, and keeps the answer', async () => {
    document.cookie = 'hp_csrf=abc%3D';
    const fetch = api({
      'GET /api/reports/r1': () => json(200, detail(96)),
      'GET /api/reports/r1/versions': () => json(200, []),
      'PATCH /api/reports/r1': () => json(200, detail(97)),
    });
    const s = useReportStore();
    await s.load('r1');
    expect(await s.edit('score.total', 97, '原文第 12 行')).toBe(true);
    const patch = fetch.mock.calls.find((c) => c[1]?.method === 'PATCH')!;
    expect(JSON.parse(String(patch[1]!.body))).toEqual({ reason: '原文第 12 行', edits: [{ path: 'score.total', value: 97 }] });
    expect(new Headers(patch[1]!.headers).get('X-CSRF-Token')).toBe('abc=');
    expect(s.doc?.score.total).toBe(97);
  });

  it('keeps the API message when a write is refused', async () => {
    api({
      'GET /api/reports/r1': () => json(200, detail(96)),
      'GET /api/reports/r1/versions': () => json(200, []),
      'POST /api/reports/r1/confirm': () => json(409, { statusCode: 409, error: 'CONFLICT', message: '该报告已被确认' }),
    });
    const s = useReportStore();
    await s.load('r1');
    expect(await s.confirm()).toBe(false);
    expect(s.saveError).toBe('该报告已被确认');
  });
});
