// A/B of two running servers (two builds of the web app on one database), cold loads interleaved
// so both see the same machine noise: navigation → first rendered chart, as bench-web.js measures.
// Run: A=http://127.0.0.1:3998 B=http://127.0.0.1:3999 ADMIN_PASSWORD=… node bench/web/ab-web.js [rounds]
import { chromium } from 'playwright-core';

const sides = { A: process.env.A, B: process.env.B };
const rounds = Number(process.argv[2] ?? 5);
const pages = [['总览', '/overview?year=2024&synthetic=1'], ['单位对比', process.env.COMPARE ?? '/compare?synthetic=1'], ['趋势', process.env.TRENDS ?? '/trends?metric=executionRate&synthetic=1']];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const cookies = {};
for (const [side, base] of Object.entries(sides)) {
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: process.env.ADMIN_PASSWORD }) });
  cookies[side] = login.headers.getSetCookie().map((c) => {
    const [pair] = c.split(';');
    const at = pair.indexOf('=');
    return { name: pair.slice(0, at), value: pair.slice(at + 1), url: base };
  });
}
async function coldLoad(side, path) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  await context.addCookies(cookies[side]);
  const page = await context.newPage();
  const started = Date.now();
  await page.goto(sides[side] + path, { waitUntil: 'commit' });
  await page.waitForFunction(() => [...document.querySelectorAll('.base-chart canvas')].some((c) => c.width > 0 && c.height > 0), null, { timeout: 60_000, polling: 'raf' });
  const ms = Date.now() - started;
  await page.waitForLoadState('networkidle');
  await context.close();
  return ms;
}
const times = {};
// One warm-up load per side and page (the server computes and caches each answer once).
for (const [, path] of pages) for (const side of Object.keys(sides)) await coldLoad(side, path);
for (let r = 0; r < rounds; r++) {
  for (const [name, path] of pages) {
    for (const side of r % 2 ? ['B', 'A'] : ['A', 'B']) (times[`${name} ${side}`] ??= []).push(await coldLoad(side, path));
  }
}
await browser.close();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [k, xs] of Object.entries(times)) console.log(`${k.padEnd(8)} best ${Math.min(...xs)}  median ${median(xs)}  all ${xs.join(' ')}`);
