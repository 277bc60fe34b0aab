#!/usr/bin/env node
// End-to-end tests of the web app in headless Chromium against the real API on real PostgreSQL.
// Builds nothing: expects `npm run build` to have produced apps/api/dist and apps/web/dist.
// Starts `node apps/api/dist/main.js` on its own ports and data folder (or on a database of its
// own created on DATABASE_URL's server), waits for /api/health, runs the tests, stops the server,
// cleans up, and closes with "N passed, N failed".
import { spawn } from 'node:child_process';
import net from 'node:net';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tests } from './tests.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const artifacts = resolve(here, '../test-artifacts');
/** A port nobody listens on now (the system picks it), unless the environment names one. */
async function portFrom(name) {
  if (process.env[name]) return Number(process.env[name]);
  return new Promise((resolvePort, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}
const PORT = await portFrom('E2E_PORT');
const PG_PORT = await portFrom('E2E_PG_PORT');
const ADMIN_PASSWORD = 'e2e-admin-pass';
const base = `http://127.0.0.1:${PORT}`;

for (const f of ['apps/api/dist/main.js', 'apps/web/dist/index.html']) {
  if (!existsSync(join(root, f))) {
    console.error(`缺少 ${f}：请先运行 npm run build`);
    process.exit(1);
  }
}
mkdirSync(artifacts, { recursive: true });

/** With DATABASE_URL: a database of our own on that server, dropped afterwards. */
async function ownDatabase() {
  if (!process.env.DATABASE_URL) return null;
  const { default: pg } = await import('pg');
  const name = `hp_web_e2e_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function waitHealthy(server, log) {
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error(`API exited early:\n${log.join('').slice(-3000)}`);
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok && (await r.json()).database === 'up') return;
    } catch { /* not yet listening */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`API did not become healthy:\n${log.join('').slice(-3000)}`);
}

async function stop(server) {
  if (server.exitCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}

let passed = 0;
let failed = 0;
// Not created here: the API creates it (and hands it to the postgres OS user when run as root).
const dataDir = join(tmpdir(), `hp-web-e2e-${process.pid}-${Date.now()}`);
const db = await ownDatabase();
const log = [];
const env = { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', EMBEDDED_PG_PORT: String(PG_PORT), DATA_DIR: dataDir, ADMIN_PASSWORD, LOG_LEVEL: 'warn' };
if (db) env.DATABASE_URL = db.url;
else delete env.DATABASE_URL;
const server = spawn(process.execPath, ['apps/api/dist/main.js'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
server.stdout.on('data', (d) => log.push(String(d)));
server.stderr.on('data', (d) => log.push(String(d)));

let browser;
try {
  await waitHealthy(server, log);
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1366, height: 768 }, acceptDownloads: true, locale: 'zh-CN', reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const ctx = { page, context, browser, base, artifacts, root, adminPassword: ADMIN_PASSWORD, shot: (name) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true }) };
  // E2E_ONLY=<text>[|<text>…]: the sign-in test, then only the tests whose name contains one of the texts.
  const only = process.env.E2E_ONLY;
  const chosen = only ? tests.filter((t, i) => i === 0 || only.split('|').some((part) => t.name.includes(part))) : tests;
  for (const t of chosen) {
    try {
      await t.run(ctx);
      passed++;
      console.log(`  ✓ ${t.name}`);
    } catch (e) {
      failed++;
      console.log(`  ✗ ${t.name}\n    ${String(e?.stack ?? e).split('\n').slice(0, 6).join('\n    ')}`);
      await page.screenshot({ path: join(artifacts, `FAILED-${t.name.replace(/[^\p{L}\p{N}]+/gu, '-')}.png`), fullPage: true }).catch(() => undefined);
    }
  }
} catch (e) {
  failed++;
  console.log(`  ✗ e2e setup\n    ${String(e?.stack ?? e)}`);
} finally {
  await browser?.close().catch(() => undefined);
  await stop(server);
  await db?.drop().catch((e) => console.log(`could not drop the e2e database: ${e.message}`));
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(`Tests: ${passed} passed, ${failed} failed (web e2e, screenshots in apps/web/test-artifacts)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
