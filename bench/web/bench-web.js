// Web benchmark: headless Chromium (Debian's, via playwright-core) against the real server
// (apps/api/dist/main.js serving apps/web/dist) on the province-sized synthetic dataset. For the
// first page, prints the gzip bytes of the JavaScript and CSS it loads; for 总览, 单位对比 and 趋势,
// the time from navigation to the first rendered chart (a canvas with pixels), best of three cold
// loads (a new browser context each, so nothing is cached) — each beside its aim from issue 13.
// Run: npm run bench:web   (builds first; BENCH_UNITS_PER_REGION to change the dataset; DATABASE_URL if set)
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { freePort, openBenchDatabase } from '../support/bench-database.js';
import { generateProvinceDataset } from '../../apps/api/dist/modules/synthetic/province-dataset.js';

const UNITS = Number(process.env.BENCH_UNITS_PER_REGION ?? 40);
const ROUNDS = 3;
const bench = await openBenchDatabase('hp-bench-web');
const summary = await generateProvinceDataset(bench.dataSource, { unitsPerRegion: UNITS, years: [2019, 2020, 2021, 2022, 2023, 2024] });
// As autovacuum would leave it (this machine's server runs with autovacuum = off).
await bench.dataSource.query('VACUUM (ANALYZE)');
const unitIds = (await bench.dataSource.query(`SELECT id FROM unit ORDER BY name LIMIT 5`)).map((r) => r.id);
await bench.dataSource.destroy();

const port = await freePort();
const server = spawn(process.execPath, ['apps/api/dist/main.js'], {
  env: { ...process.env, DATABASE_URL: bench.url, PORT: String(port), HOST: '127.0.0.1', LOAD_SAMPLE_DATA: 'false', ADMIN_PASSWORD: 'bench-admin-pass', LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const base = `http://127.0.0.1:${port}`;
for (let i = 0; i < 600 && !(await fetch(`${base}/api/health`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 100));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'bench-admin-pass' }) });
const cookies = login.headers.getSetCookie().map((c) => {
  const [pair] = c.split(';');
  const at = pair.indexOf('=');
  return { name: pair.slice(0, at), value: pair.slice(at + 1), url: base };
});

/** A cold load of `path`: the JS/CSS it fetched and the time until a chart has drawn pixels. */
async function coldLoad(path) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  await context.addCookies(cookies);
  const page = await context.newPage();
  const assets = new Map();
  page.on('response', async (res) => {
    const url = res.url();
    if (!/\.(js|css)(\?|$)/.test(url)) return;
    try {
      assets.set(url, gzipSync(await res.body()).length);
    } catch {
      /* a response the page gave up on */
    }
  });
  const started = Date.now();
  await page.goto(base + path, { waitUntil: 'commit' });
  await page.waitForFunction(() => [...document.querySelectorAll('.base-chart canvas')].some((c) => c.width > 0 && c.height > 0), null, { timeout: 60_000, polling: 'raf' });
  const ms = Date.now() - started;
  await page.waitForLoadState('networkidle');
  const js = [...assets].filter(([u]) => /\.js(\?|$)/.test(u)).reduce((a, [, n]) => a + n, 0);
  const css = [...assets].filter(([u]) => /\.css(\?|$)/.test(u)).reduce((a, [, n]) => a + n, 0);
  await context.close();
  return { ms, js, css };
}

const pages = [
  // The dataset is synthetic: the pages show it with their 含模拟数据 switch (synthetic=1).
  ['总览', '/overview?year=2024&synthetic=1'],
  ['单位对比', `/compare?units=${unitIds.join(',')}&synthetic=1`],
  ['趋势', `/trends?metric=executionRate&pick=${unitIds.join(',')}&synthetic=1`],
];
const results = [];
try {
  for (const [name, path] of pages) {
    const runs = [];
    for (let i = 0; i < ROUNDS; i++) runs.push(await coldLoad(path));
    results.push({ name, path, best: Math.min(...runs.map((r) => r.ms)), js: runs[0].js, css: runs[0].css });
  }
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  await bench.close();
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`dataset: ${summary.units} units, ${summary.reports} reports (synthetic); Chromium headless, cold loads (new context each), best of ${ROUNDS}`);
const first = results[0];
console.log(`first page (${first.name}) loads JS ${kb(first.js)} gzip (aim ≤ 250 KB) and CSS ${kb(first.css)} gzip (aim ≤ 25 KB)`);
for (const r of results) console.log(`${r.name.padEnd(6)} navigation → first rendered chart: ${r.best} ms   (JS ${kb(r.js)}, CSS ${kb(r.css)} gzip; ${r.path.split('?')[0]})`);
