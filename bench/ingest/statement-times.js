// Where one file's ingest waits: the same IngestionService.ingest as the upload, one file at a time,
// with every SQL statement timed (count and mean latency per statement, round trip included).
// Run: npx tsc -b apps/api && BENCH_DOCS=400 node bench/ingest/statement-times.js   (DATABASE_URL as bench-ingest)
import 'reflect-metadata';
import { extractReports, generateSyntheticReport } from '../../libs/report-parser/dist/index.js';
import { loadConfig } from '../../apps/api/dist/config/app-config.js';
import { createApp } from '../../apps/api/dist/create-app.js';
import { createLogger } from '../../apps/api/dist/logging/logger.js';
import { openBenchDatabase } from '../support/bench-database.js';
import { IngestionService } from '../../apps/api/dist/modules/documents/ingestion.service.js';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';
const COUNT = Number(process.env.BENCH_DOCS ?? 400);
const docs = Array.from({ length: COUNT }, (_, i) => {
  const r = generateSyntheticReport(100_000 + i);
  return { fileName: r.fileName, bytes: Buffer.from(r.text) };
});
const bench = await openBenchDatabase('hp-time-ingest');
const { dataSource } = bench;
const app = await createApp(dataSource, { ...loadConfig({ LOG_LEVEL: 'silent' }), databaseUrl: bench.url }, createLogger('silent'));
await app.init();
// The units registered under a county chosen by name, as bench-ingest does.
const counties = (await dataSource.query(`SELECT code FROM region WHERE level = 'county' ORDER BY code`)).map((r) => r.code);
const names = new Set((await Promise.all(docs.map((d) => extractReports(d.bytes, d.fileName)))).map((e) => e.reports[0].unit.name).filter(Boolean));
for (const name of names) {
  const county = counties[[...name].reduce((h, c) => (h * 31 + c.codePointAt(0)) >>> 0, 7) % counties.length];
  await dataSource.query(`INSERT INTO unit (name, region_code) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [name, county]);
}
const ingestion = app.get(IngestionService);
const times = new Map();
let paramBytes = 0;
const sizeOf = (v) => (v == null ? 0 : Buffer.isBuffer(v) ? v.length : Array.isArray(v) ? v.reduce((a, x) => a + sizeOf(x), 0) : Buffer.byteLength(String(v)));
const orig = PostgresQueryRunner.prototype.query;
PostgresQueryRunner.prototype.query = async function (q, p, s) {
  const t = process.hrtime.bigint();
  paramBytes += (p ?? []).reduce((a, v) => a + sizeOf(v), 0);
  try { return await orig.call(this, q, p, s); } finally {
    const k = q.replace(/\s+/g, ' ').trim().slice(0, 60);
    const e = times.get(k) ?? [0, 0];
    e[0]++;
    e[1] += Number(process.hrtime.bigint() - t) / 1e6;
    times.set(k, e);
  }
};
const t0 = process.hrtime.bigint();
for (const d of docs) {
  const o = await ingestion.ingest(d, null, { synthetic: true, autoConfirm: false });
  if ('error' in o) throw new Error(o.error.message);
}
const wall = Number(process.hrtime.bigint() - t0) / 1e6;
const statements = [...times.values()].reduce((a, [c]) => a + c, 0);
console.log(`one file at a time: ${(wall / COUNT).toFixed(2)} ms per file, ${(statements / COUNT).toFixed(1)} statements per file, ${(paramBytes / COUNT / 1024).toFixed(1)} KB of parameters per file`);
for (const [k, [c, ms]] of [...times].sort((a, b) => b[1][1] - a[1][1])) console.log(String(c).padStart(5), (ms / c).toFixed(2).padStart(7), 'ms avg', k);
await app.close();
await bench.close();
