import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { INestApplication } from '@nestjs/common';
import { generateSyntheticReport } from '@hunan-perf/report-parser';
import pg from 'pg';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/app-config.js';
import { createApp } from '../src/create-app.js';
import { connect, migrate } from '../src/database/connect.js';
import { EmbeddedDatabase } from '../src/database/embedded-database.js';
import { createLogger } from '../src/logging/logger.js';
import { seedRegions } from '../src/modules/regions/region-seeder.js';
import { loadUnitRegistry } from '../src/modules/units/unit-registry.js';
import { UsersService } from '../src/modules/users/users.service.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

const cli = fileURLToPath(new URL('../dist/cli/ingest.js', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Files of synthetic reports, each different, in a folder of their own. */
async function reportFolder(count: number, offset: number): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hp-batch-'));
  for (let i = 0; i < count; i++) {
    const r = generateSyntheticReport(offset + i);
    await writeFile(path.join(dir, r.fileName), r.text);
  }
  return dir;
}

/** Nothing half-written: every stored document has its reports, every report its rows and metrics. */
async function integrity(query: (sql: string) => Promise<{ n: number }[]>) {
  const one = async (sql: string) => (await query(sql))[0]!.n;
  return {
    documents: await one(`SELECT count(*)::int AS n FROM source_document`),
    reports: await one(`SELECT count(*)::int AS n FROM report`),
    documentsWithoutReports: await one(`SELECT count(*)::int AS n FROM source_document d WHERE NOT EXISTS (SELECT 1 FROM report r WHERE r.source_document_id = d.id)`),
    reportsWithoutRows: await one(`SELECT count(*)::int AS n FROM report r WHERE (SELECT count(*) FROM report_budget b WHERE b.report_id = r.id) <> 3 OR NOT EXISTS (SELECT 1 FROM report_metric m WHERE m.report_id = r.id)`),
    duplicateShas: await one(`SELECT count(*)::int AS n FROM (SELECT sha256 FROM source_document GROUP BY sha256 HAVING count(*) > 1) d`),
  };
}

describe('faults', () => {
  describe('PostgreSQL restarted in the middle of a batch upload', () => {
    let dir: string;
    let db: EmbeddedDatabase;
    let dataSource: DataSource;
    let app: INestApplication;

    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'hp-fault-pg-'));
      db = new EmbeddedDatabase({ dataDir: dir, port: await freePort() });
      const url = await db.start();
      dataSource = await connect(url);
      await migrate(dataSource);
      await seedRegions(dataSource);
      const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), databaseUrl: url };
      await loadUnitRegistry(dataSource, config.unitRegistryFile);
      app = await createApp(dataSource, config, createLogger('silent'));
      await app.init();
      await app.get(UsersService).create({ username: 'clerk', password: 'clerk-password-1', role: 'analyst' }, null);
    });
    afterAll(async () => {
      await app.close();
      await dataSource.destroy().catch(() => undefined);
      await db.stop();
      await rm(dir, { recursive: true, force: true });
    });

    it('answers 503 while the database is down, recovers by itself, and the batch completes once each', async () => {
      const agent = request.agent(app.getHttpServer());
      const csrf = (await agent.post('/api/auth/login').send({ username: 'clerk', password: 'clerk-password-1' }).expect(200)).body.csrfToken;
      const files = Array.from({ length: 12 }, (_, i) => generateSyntheticReport(500 + i));
      const seen503: number[] = [];
      for (const [i, f] of files.entries()) {
        if (i === 6) {
          await db.stop();
          const health = await agent.get('/api/health');
          expect(health.status).toBe(503);
          expect(health.body).toMatchObject({ database: 'down' });
          const list = await agent.get('/api/reports');
          expect(list.status).toBe(503);
          expect(list.body).toMatchObject({ error: 'DATABASE_UNAVAILABLE', message: '数据库暂时不可用，请稍后重试' });
          setTimeout(() => void db.start(), 1_500);
        }
        // The uploader retries a file the server could not take.
        for (let attempt = 0; ; attempt++) {
          const res = await agent.post('/api/documents').set('x-csrf-token', csrf).attach('files', Buffer.from(f.text), f.fileName);
          if (res.status === 201) break;
          expect(res.status).toBe(503);
          seen503.push(i);
          if (attempt > 60) throw new Error('the API did not recover');
          await new Promise((r) => setTimeout(r, 250));
        }
      }
      expect(seen503.length).toBeGreaterThan(0);
      expect((await agent.get('/api/health')).status).toBe(200);
      expect(await integrity((sql) => dataSource.query(sql))).toEqual({
        documents: 12, reports: 12, documentsWithoutReports: 0, reportsWithoutRows: 0, duplicateShas: 0,
      });
    });
  });

  describe('the ingest process killed with SIGKILL in the middle of a batch', () => {
    let db: TestDatabase;
    let folder: string;
    let client: pg.Client;
    beforeAll(async () => {
      db = await createTestDatabase();
      folder = await reportFolder(150, 9_000);
      client = new pg.Client({ connectionString: db.url });
      await client.connect();
    });
    afterAll(async () => {
      await client.end();
      await db.drop();
      await rm(folder, { recursive: true, force: true });
    });

    const run = (args: string[]) =>
      spawn(process.execPath, [cli, ...args], { env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const counts = () => integrity(async (sql) => (await client.query(sql)).rows);

    it('leaves no half-written report, and running the batch again finishes it', async () => {
      const first = run([folder]);
      // Kill it once some files are in, well before all 150 are.
      for (let i = 0; i < 600 && (await counts()).documents < 10; i++) await new Promise((r) => setTimeout(r, 50));
      first.kill('SIGKILL');
      await new Promise((r) => first.once('exit', r));
      const afterKill = await counts();
      expect(afterKill.documents).toBeGreaterThanOrEqual(10);
      expect(afterKill.documents).toBeLessThan(150);
      expect(afterKill).toMatchObject({ documentsWithoutReports: 0, reportsWithoutRows: 0, duplicateShas: 0 });

      const second = run([folder]);
      let out = '';
      second.stdout.on('data', (c: Buffer) => (out += c.toString()));
      const code = await new Promise((r) => second.once('exit', r));
      expect(code).toBe(0);
      expect(out.trim().split('\n').at(-1)).toBe(`共 150 个文件：新增 ${150 - afterKill.documents}，已存在 ${afterKill.documents}，失败 0`);
      expect(await counts()).toEqual({ documents: 150, reports: 150, documentsWithoutReports: 0, reportsWithoutRows: 0, duplicateShas: 0 });
    });
  });
});
