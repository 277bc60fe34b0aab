// Load benchmark: the real server (apps/api/dist/main.js, as npm start runs it) on the province-sized
// synthetic dataset, 50 concurrent users mixing dashboard endpoints for 60 s (autocannon, loopback only).
// Prints p50/p99 latency, requests/s, errors and non-2xx answers; then the same run again while a
// pathological upload is read (one after another, each an 8 MB one-line file the engine reads for
// seconds in its worker pool), so the dashboard's p99 with it stands beside the normal one.
// Run: npm run bench:load   (BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_UNITS_PER_REGION to change; DATABASE_URL if set)
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { freePort, openBenchDatabase } from '../support/bench-database.js';
import { generateProvinceDataset } from '../../apps/api/dist/modules/synthetic/province-dataset.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const UNITS = Number(process.env.BENCH_UNITS_PER_REGION ?? 40);
const bench = await openBenchDatabase('hp-bench-load');
const { dataSource } = bench;
const url = new URL(bench.url);
const summary = await generateProvinceDataset(dataSource, { unitsPerRegion: UNITS, years: [2019, 2020, 2021, 2022, 2023, 2024] });
// As autovacuum would leave it (this machine's server runs with autovacuum = off).
await dataSource.query('VACUUM (ANALYZE)');
const units = (await dataSource.query(`SELECT id FROM unit ORDER BY name LIMIT 40`)).map((r) => r.id);
await dataSource.destroy();

const port = await freePort();
const server = spawn(process.execPath, ['apps/api/dist/main.js'], {
  env: { ...process.env, DATABASE_URL: url.toString(), PORT: String(port), HOST: '127.0.0.1', LOAD_SAMPLE_DATA: 'false', ADMIN_PASSWORD: 'bench-admin-pass', LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const base = `http://127.0.0.1:${port}`;
for (let i = 0; i < 600 && !(await fetch(`${base}/api/health`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 100));
const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'bench-admin-pass' }) });
const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

const pick = (i, n) => units.slice((i * n) % units.length, ((i * n) % units.length) + n).join(',');
const years = [2019, 2020, 2021, 2022, 2023, 2024];
const paths = Array.from({ length: 48 }, (_, i) => {
  const y = years[i % years.length];
  return [
    `/api/analytics/overview?year=${y}&includeSynthetic=true`,
    `/api/analytics/compare?year=${y}&unitIds=${pick(i, 6)}&includeSynthetic=true`,
    `/api/analytics/trends?metric=executionRate&unitIds=${pick(i, 5)}&includeSynthetic=true`,
    `/api/analytics/indicators?year=${y}&unitIds=${pick(i, 4)}&includeSynthetic=true`,
    `/api/analytics/rankings?year=${y}&metric=scoreTotal&level=city&includeSynthetic=true`,
    `/api/analytics/recheck?year=${y}&regionCode=433100&includeSynthetic=true`,
    `/api/reports?year=${y}&includeSynthetic=true&limit=50`,
    `/api/units?regionCode=430100`,
  ][i % 8];
});
const { csrfToken } = await login.json();
let n = 0;
const run = () =>
  autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: SECONDS,
    // As a browser asks: the server sends its stored brotli bytes, not 1.9 MB of JSON per overview.
    headers: { cookie, 'accept-encoding': 'gzip, deflate, br' },
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[n++ % paths.length] }) }],
  });
const result = await run();

// The same load while pathological files are uploaded back to back (a new file each time, so the
// sha256 check does not short-cut it): the extraction runs in the worker pool, off the event loop.
const line = '某县工业和信息化局2021年度部门整体支出绩效自评报告，' + '预算执行率1,2,3。'.repeat(700_000);
let uploads = 0;
let uploading = true;
const uploader = (async () => {
  while (uploading) {
    const form = new FormData();
    form.append('files', new Blob([`${line}${uploads}`], { type: 'text/plain' }), `pathological-${uploads}.txt`);
    await fetch(`${base}/api/documents`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken }, body: form }).then((r) => r.arrayBuffer(), () => null);
    uploads++;
  }
})();
const loaded = await run();
uploading = false;
await uploader;
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
await bench.close();

const fmt = (x, d = 1) => Number(x).toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
console.log(`dataset: ${summary.units} units, ${summary.reports} reports, ${summary.indicators} indicator rows (synthetic); ${CONNECTIONS} concurrent users for ${SECONDS} s over 8 dashboard endpoints`);
console.log(`requests: ${result.requests.total} (${fmt(result.requests.average)} req/s); latency p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
console.log(`errors: ${result.errors}, timeouts: ${result.timeouts}, non-2xx: ${result.non2xx} (Node ${process.version}, PostgreSQL ${bench.kind}, 2 cores shared by server, database and load generator)`);
console.log(`with a pathological upload in flight (${uploads} uploads of ${(line.length / 1e6).toFixed(1)} M characters each, read in the extraction pool): ${loaded.requests.total} requests (${fmt(loaded.requests.average)} req/s); p50 ${loaded.latency.p50} ms, p99 ${loaded.latency.p99} ms (normal run: p99 ${result.latency.p99} ms), max ${loaded.latency.max} ms; errors ${loaded.errors}, timeouts ${loaded.timeouts}, non-2xx ${loaded.non2xx}`);
if (result.errors || result.non2xx || result.timeouts || loaded.errors || loaded.non2xx || loaded.timeouts) process.exitCode = 1;
