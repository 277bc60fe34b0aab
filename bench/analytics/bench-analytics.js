// Province-scale analytics benchmark: a synthetic dataset of every Hunan city and county × 40 units
// × 6 years in a database of its own; for each endpoint, warm p50/p95 over HTTP next to the bare SQL
// it runs (the floor, replayed straight on a pg client); CSV export rows/s and peak RSS.
// Run: npm run bench:analytics   (DATABASE_URL if set, else a throw-away embedded PostgreSQL)
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { loadConfig } from '../../apps/api/dist/config/app-config.js';
import { createApp } from '../../apps/api/dist/create-app.js';
import { createLogger } from '../../apps/api/dist/logging/logger.js';
import { freePort, openBenchDatabase } from '../support/bench-database.js';
import { generateProvinceDataset } from '../../apps/api/dist/modules/synthetic/province-dataset.js';
import { UsersService } from '../../apps/api/dist/modules/users/users.service.js';

const UNITS = Number(process.env.BENCH_UNITS_PER_REGION ?? 40);
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const fmt = (n, d = 1) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

const bench = await openBenchDatabase('hp-bench-analytics');
const { dataSource } = bench;
const url = new URL(bench.url);

let start = process.hrtime.bigint();
const summary = await generateProvinceDataset(dataSource, { unitsPerRegion: UNITS, years: YEARS });
await dataSource.query('ANALYZE');
console.log(`dataset: ${summary.units} units, ${summary.reports} reports, ${summary.indicators} indicator rows (all synthetic), generated in ${fmt(ms(start) / 1000)} s`);

const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), databaseUrl: url.toString() };
const app = await createApp(dataSource, config, createLogger('silent'));
await app.get(UsersService).create({ username: 'bench', password: 'bench-password-1', role: 'viewer' }, null);
await app.listen(0, '127.0.0.1');
const base = `http://127.0.0.1:${app.getHttpServer().address().port}/api`;
const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench', password: 'bench-password-1' }) });
const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

// Capture the SQL an endpoint runs, to replay it bare on a pg client (the floor).
let captured = null;
const query = dataSource.query.bind(dataSource);
dataSource.query = (sql, params, runner) => {
  if (captured) captured.push([sql, params]);
  return query(sql, params, runner);
};
const units = (await dataSource.query(`SELECT id FROM unit ORDER BY name LIMIT 8`)).map((r) => r.id).join(',');
const endpoints = [
  ['overview', `/analytics/overview?year=2024&includeSynthetic=true`],
  ['compare (8 units)', `/analytics/compare?year=2024&unitIds=${units}&includeSynthetic=true`],
  ['trends (8 units)', `/analytics/trends?metric=executionRate&unitIds=${units}&includeSynthetic=true`],
  ['trends (3 regions)', `/analytics/trends?metric=scoreTotal&regionCodes=430100,433100,430900&includeSynthetic=true`],
  ['indicators (8 units)', `/analytics/indicators?year=2024&unitIds=${units}&includeSynthetic=true`],
  ['rankings (county)', `/analytics/rankings?year=2024&metric=adjustmentRatio&level=county&includeSynthetic=true`],
  ['recheck (长沙市)', `/analytics/recheck?year=2024&regionCode=430100&includeSynthetic=true`],
  ['problems (province)', `/analytics/problems?year=2024&includeSynthetic=true`],
];
const client = new pg.Client({ connectionString: url.toString() });
await client.connect();
console.log(`\n${'endpoint'.padEnd(22)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}   ${'bare SQL p50'.padStart(12)} ${'ratio'.padStart(6)}   ${'cached p50'.padStart(10)} ${'p95'.padStart(6)}  rows`);
for (const [name, path] of endpoints) {
  captured = [];
  const first = await fetch(`${base}${path}`, { headers: { cookie } });
  const body = await first.json();
  if (!first.ok) throw new Error(`${name}: ${first.status} ${JSON.stringify(body)}`);
  const statements = captured;
  captured = null;
  // Computed: the answer cache is invalidated before each request (as after a confirm).
  const times = [];
  for (let i = 0; i < ROUNDS; i++) {
    await client.query('UPDATE data_version SET version = version + 1');
    start = process.hrtime.bigint();
    const res = await fetch(`${base}${path}`, { headers: { cookie } });
    await res.arrayBuffer();
    times.push(ms(start));
  }
  // Cached: the same request again while the data stays as it is.
  const cached = [];
  for (let i = 0; i < ROUNDS; i++) {
    start = process.hrtime.bigint();
    const res = await fetch(`${base}${path}`, { headers: { cookie } });
    await res.arrayBuffer();
    cached.push(ms(start));
  }
  const floor = [];
  for (let i = 0; i < ROUNDS; i++) {
    start = process.hrtime.bigint();
    for (const [sql, params] of statements) await client.query(sql, params);
    floor.push(ms(start));
  }
  const size = body.rows?.length ?? body.points?.length ?? body.series?.length ?? body.themes?.length ?? 0;
  console.log(`${name.padEnd(22)} ${fmt(pct(times, 50)).padStart(8)} ${fmt(pct(times, 95)).padStart(8)}   ${fmt(pct(floor, 50)).padStart(12)} ${fmt(pct(times, 50) / pct(floor, 50), 2).padStart(6)}   ${fmt(pct(cached, 50)).padStart(10)} ${fmt(pct(cached, 95)).padStart(6)}  ${size}`);
}

await app.close();

// Streaming export of every indicator row from a separate server process (npm start's own
// entry point), so its peak RSS (VmHWM) is the server's alone.
const port = await freePort();
const server = spawn(process.execPath, ['apps/api/dist/main.js'], {
  env: { ...process.env, DATABASE_URL: url.toString(), PORT: String(port), HOST: '127.0.0.1', LOAD_SAMPLE_DATA: 'false', ADMIN_PASSWORD: 'bench-admin-1', LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const serverBase = `http://127.0.0.1:${port}/api`;
for (let i = 0; i < 300; i++) {
  if (await fetch(`${serverBase}/health`).then((r) => r.ok, () => false)) break;
  await new Promise((r) => setTimeout(r, 100));
}
const serverLogin = await fetch(`${serverBase}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench', password: 'bench-password-1' }) });
const serverCookie = serverLogin.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
const status = () => Object.fromEntries(readFileSync(`/proc/${server.pid}/status`, 'utf8').split('\n').map((l) => l.split(':')).filter((p) => p.length === 2).map(([k, v]) => [k, parseInt(v, 10) / 1024]));
const rssBefore = status().VmRSS;
start = process.hrtime.bigint();
const res = await fetch(`${serverBase}/exports/indicators.csv?includeSynthetic=true`, { headers: { cookie: serverCookie } });
let bytes = 0;
let lines = 0;
for await (const chunk of res.body) {
  bytes += chunk.length;
  for (const b of chunk) if (b === 10) lines += 1;
}
const seconds = ms(start) / 1000;
const peak = status().VmHWM;
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
console.log(`\nexport indicators.csv (server process): ${lines - 1} rows, ${fmt(bytes / 1024 / 1024)} MB in ${fmt(seconds, 2)} s → ${fmt((lines - 1) / seconds, 0)} rows/s; server RSS ${fmt(rssBefore, 0)} MB before, peak ${fmt(peak, 0)} MB (aim: ≥ 100,000 rows/s, peak < 300 MB)`);
console.log(`aim: every endpoint p95 ≤ 100 ms and within 1.5 × its bare SQL (Node ${process.version}, PostgreSQL ${bench.kind})`);

await client.end();
await bench.close();
