// A database of a benchmark's own: on DATABASE_URL's server when set, else on a throw-away
// embedded PostgreSQL; migrated and with the region tree loaded. close() drops everything.
// BENCH_KEEP_DATABASE=1 (DATABASE_URL's server only): the database is named after the bench alone,
// made when missing, reused as it is otherwise (`reused` says so) and kept at close, so a rerun
// skips generating its dataset. Drop it by hand: DROP DATABASE hp_bench_analytics_kept.
import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connect, migrate } from '../../apps/api/dist/database/connect.js';
import { EmbeddedDatabase } from '../../apps/api/dist/database/embedded-database.js';
import { seedRegions } from '../../apps/api/dist/modules/regions/region-seeder.js';

export const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

export async function openBenchDatabase(prefix) {
  let embedded = null;
  let tmp = null;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    tmp = await mkdtemp(path.join(os.tmpdir(), `${prefix}-`));
    embedded = new EmbeddedDatabase({ dataDir: tmp, port: await freePort(), persistent: false });
    serverUrl = await embedded.start();
  }
  const keep = process.env.BENCH_KEEP_DATABASE === '1' && embedded === null;
  const name = `${prefix.replace(/-/g, '_')}_${keep ? 'kept' : process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const reused = keep && (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount > 0;
  if (!reused) await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const dataSource = await connect(url.toString());
  await migrate(dataSource);
  await seedRegions(dataSource);
  return {
    url: url.toString(),
    dataSource,
    kind: process.env.DATABASE_URL ? 'from DATABASE_URL' : 'embedded',
    reused,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      if (!keep) await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
      if (embedded) await embedded.stop();
      if (tmp) await rm(tmp, { recursive: true, force: true });
    },
  };
}
