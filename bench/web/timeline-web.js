// Timeline of one cold load of a page: when each resource was asked for and arrived, the long
// tasks on the main thread, and when each chart's canvas first had pixels. Against a running
// server (BASE, e.g. http://127.0.0.1:3999) whose admin password is ADMIN_PASSWORD.
// Run: BASE=… ADMIN_PASSWORD=… node bench/web/timeline-web.js '/overview?year=2024&synthetic=1' [rounds]
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const base = process.env.BASE;
const path = process.argv[2] ?? '/overview?year=2024&synthetic=1';
const rounds = Number(process.argv[3] ?? 2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: process.env.ADMIN_PASSWORD }) });
const cookies = login.headers.getSetCookie().map((c) => {
  const [pair] = c.split(';');
  const at = pair.indexOf('=');
  return { name: pair.slice(0, at), value: pair.slice(at + 1), url: base };
});

for (let round = 0; round < rounds; round++) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  await context.addCookies(cookies);
  await context.addInitScript(() => {
    window.__long = [];
    window.__charts = {};
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push([Math.round(e.startTime), Math.round(e.duration)]))).observe({ type: 'longtask', buffered: true });
    const look = () => {
      document.querySelectorAll('.base-chart').forEach((el) => {
        const name = el.getAttribute('data-test') ?? el.getAttribute('aria-label');
        const c = el.querySelector('canvas');
        if (c && c.width > 0 && !(name in window.__charts)) window.__charts[name] = Math.round(performance.now());
      });
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  const page = await context.newPage();
  const cdp = process.env.PROFILE ? await context.newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const started = Date.now();
  await page.goto(base + path, { waitUntil: 'commit' });
  await page.waitForFunction(() => [...document.querySelectorAll('.base-chart canvas')].some((c) => c.width > 0 && c.height > 0), null, { timeout: 60_000, polling: 'raf' });
  const ms = Date.now() - started;
  const profile = cdp ? (await cdp.send('Profiler.stop')).profile : null;
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  if (profile) {
    // Self time per function (µs between samples), and total (inclusive) time per function, up to the first chart.
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const self = new Map();
    const total = new Map();
    const name = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
    profile.samples.forEach((id, i) => {
      const dt = profile.timeDeltas[i + 1] ?? 0;
      const n = byId.get(id);
      self.set(name(n), (self.get(name(n)) ?? 0) + dt);
      const seen = new Set();
      for (let x = id; x != null; x = parent.get(x)) {
        const k = name(byId.get(x));
        if (seen.has(k)) continue;
        seen.add(k);
        total.set(k, (total.get(k) ?? 0) + dt);
      }
    });
    const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([f, us]) => `${String(Math.round(us / 1000)).padStart(6)} ms  ${f}`).join('\n');
    console.log('self time:\n' + top(self, 25));
    console.log('inclusive time:\n' + top(total, 60));
  }
  const t = await page.evaluate(() => ({
    nav: performance.getEntriesByType('navigation').map((e) => ({ responseEnd: Math.round(e.responseEnd), dcl: Math.round(e.domContentLoadedEventEnd) }))[0],
    res: performance.getEntriesByType('resource').map((e) => ({
      name: e.name.replace(location.origin, ''), start: Math.round(e.startTime), ttfb: Math.round(e.responseStart), end: Math.round(e.responseEnd), kb: Math.round(e.transferSize / 1024), raw: Math.round(e.decodedBodySize / 1024),
    })),
    long: window.__long,
    charts: window.__charts,
  }));
  console.log(`\n— round ${round + 1}: first chart ${ms} ms (wall, from goto)`);
  console.log('navigation', t.nav);
  for (const r of t.res.sort((a, b) => a.start - b.start)) console.log(`${String(r.start).padStart(5)} → ttfb ${String(r.ttfb).padStart(5)} → end ${String(r.end).padStart(5)}  ${String(r.kb).padStart(5)} KB (${r.raw} KB)  ${r.name.slice(0, 90)}`);
  const sum = (re) => t.res.filter((r) => re.test(r.name)).reduce((a, r) => a + r.kb, 0);
  // As bench-web.js counts: each file's bytes gzipped (level 6), read from the built dist.
  const gz = (re) => t.res.filter((r) => re.test(r.name) && r.name.startsWith('/assets/')).reduce((a, r) => a + gzipSync(readFileSync(`apps/web/dist${r.name}`)).length, 0) / 1024;
  console.log(`JS ${sum(/\.js$/)} KB, CSS ${sum(/\.css$/)} KB transferred; gzip as bench-web counts: JS ${gz(/\.js$/).toFixed(1)} KB, CSS ${gz(/\.css$/).toFixed(1)} KB`);
  console.log('long tasks [start, ms]:', JSON.stringify(t.long));
  console.log('chart canvases (ms):', JSON.stringify(t.charts));
  await context.close();
}
await browser.close();
