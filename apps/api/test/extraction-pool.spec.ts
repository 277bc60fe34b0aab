import { performance } from 'node:perf_hooks';
import { ReportParseError, TEMPLATE_VERSION, TemplateError } from '@hunan-perf/report-parser';
import { ExtractionLimitError, ExtractionPool } from '../src/extraction/extraction-pool.js';
import { ExtractionPoolService } from '../src/extraction/extraction-pool.service.js';
import { extractionLimitsFromEnv } from '../src/extraction/extraction-limits.js';
import { rowCounts, seed, upload } from './support/uploads.js';
import { sessionAs, startTestApp, type Session, type TestApp } from './support/test-app.js';

/** Starts the app with EXTRACTION_* set as an operator would, then puts the environment back. */
async function appWith(env: Record<string, string>): Promise<TestApp> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await startTestApp();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** A report-looking .txt that is one very long line: slow for the engine's line-level patterns. */
const longLine = (bytes: number) => Buffer.from(`部门整体支出绩效自评报告 预算支出 ${'1'.repeat(bytes)}`);

describe('extraction in a worker pool: a time budget, a memory limit, and the event loop stays free', () => {
  describe('over the time budget (EXTRACTION_TIME_LIMIT_MS=1)', () => {
    let t: TestApp;
    let analyst: Session;
    beforeAll(async () => {
      t = await appWith({ EXTRACTION_TIME_LIMIT_MS: '1', EXTRACTION_THREADS: '1' });
      analyst = await sessionAs(t, 'analyst');
    });
    afterAll(() => t.close());

    it('the file gets a per-file Chinese error naming it and the limit, and nothing is written', async () => {
      const before = await rowCounts(t.dataSource);
      const res = await upload(analyst, [{ name: '很慢的报告.txt', bytes: longLine(2_000_000) }]).expect(422);
      expect(res.body).toMatchObject({ statusCode: 422, error: 'EXTRACTION_TIMEOUT' });
      expect(res.body.message).toBe('未能导入：很慢的报告.txt：读取超时，超过每个文件 1 毫秒 的处理时限（EXTRACTION_TIME_LIMIT_MS），已停止读取，未导入');
      expect(await rowCounts(t.dataSource)).toEqual(before);
    });

    it('next to another file, it fails alone (the other gets its own per-file outcome)', async () => {
      const before = await rowCounts(t.dataSource);
      const res = await upload(analyst, [{ name: 'slow.txt', bytes: longLine(2_000_000) }, { name: 'empty.txt', bytes: Buffer.alloc(0) }]).expect(422);
      expect(res.body.details).toEqual([
        { field: 'slow.txt', message: expect.stringMatching(/^slow\.txt：读取超时/) },
        { field: 'empty.txt', message: expect.stringMatching(/^empty\.txt：/) },
      ]);
      expect(await rowCounts(t.dataSource)).toEqual(before);
    });
  });

  describe('while a pathological file is read', () => {
    let t: TestApp;
    let analyst: Session;
    beforeAll(async () => {
      t = await appWith({ EXTRACTION_TIME_LIMIT_MS: '3000' });
      analyst = await sessionAs(t, 'analyst');
    });
    afterAll(() => t.close());

    it('/api/health keeps answering, many times, between the worker starting and finishing the file', async () => {
      const pool = t.app.get(ExtractionPoolService);
      const window: { start?: number; end?: number } = {};
      pool.once('start', () => (window.start = performance.now()));
      pool.once('end', () => (window.end = performance.now()));
      let inFlight = true;
      const uploading = upload(analyst, [{ name: 'long-line.txt', bytes: longLine(8_000_000) }]).then((res) => {
        inFlight = false;
        return res;
      });
      const answers: { at: number; latency: number }[] = [];
      while (inFlight) {
        const sent = performance.now();
        await analyst.agent.get('/api/health').expect(200);
        const at = performance.now();
        answers.push({ at, latency: at - sent });
      }
      const res = await uploading;
      // Read within its budget or stopped at it: either way a per-file answer, never a stalled server.
      expect([201, 422]).toContain(res.status);
      if (res.status === 422) expect(res.body.error).toMatch(/^(EXTRACTION_TIMEOUT|NOT_A_REPORT)$/);
      expect(window.start).toBeDefined();
      expect(window.end).toBeDefined();
      const during = answers.filter((a) => a.at > window.start! && a.at < window.end!);
      const latencies = during.map((a) => a.latency).sort((a, b) => a - b);
      const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]?.toFixed(1);
      console.log(
        `extraction of long-line.txt took ${(window.end! - window.start!).toFixed(0)} ms (${res.status} ${res.body.error ?? ''}); ` +
          `/api/health answered ${during.length} times meanwhile: p50 ${p(0.5)} ms, p99 ${p(0.99)} ms, max ${latencies.at(-1)?.toFixed(1)} ms`,
      );
      expect(during.length).toBeGreaterThanOrEqual(3);
    });

    it('after a worker was stopped, the pool reads the next file normally', async () => {
      const res = await upload(analyst, [seed('000')]).expect(201);
      expect(res.body[0]).toMatchObject({ created: true });
    });
  });

  describe('the pool itself', () => {
    let pool: ExtractionPool;
    beforeAll(() => {
      pool = new ExtractionPool({ threads: 1, timeLimitMs: 60_000, memoryLimitMb: 32 });
    });
    afterAll(() => pool.close());

    it('a worker over its heap limit gives EXTRACTION_MEMORY naming the file, and is replaced', async () => {
      const lines = Array.from({ length: 200_000 }, (_, i) => `${i}、项目支出预算 ${i}.5 万元，实际支出 ${i}.2 万元`).join('\n');
      const error = await pool.extract(Buffer.from(lines), 'big.txt').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ExtractionLimitError);
      expect(error).toMatchObject({ code: 'EXTRACTION_MEMORY', message: 'big.txt：读取时占用的内存超过每个文件 32 MB 的上限（EXTRACTION_MEMORY_LIMIT_MB），已停止读取，未导入' });
      const read = await pool.extract(seed('000').bytes, 'seed.txt');
      expect(read.reports[0]!.reportKind).toBe('department_overall');
    });

    it('a ReportParseError crosses the thread as code + message and is thrown again as one', async () => {
      const error = await pool.extract(Buffer.alloc(0), 'empty.txt').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ReportParseError);
      expect(error).toMatchObject({ code: 'EMPTY_FILE', fileName: 'empty.txt', message: 'empty.txt：是空文件（0 字节）' });
      // A filled province template with a row it cannot take over: a TemplateError, reason and all.
      const template = `类型,字段,值\n模板,版本,${TEMPLATE_VERSION}\n基本信息,不存在的字段,1\n`;
      const other = await pool.extract(Buffer.from(template), 't.csv').catch((e: unknown) => e);
      expect(other).toBeInstanceOf(TemplateError);
      expect(other).toMatchObject({ code: 'CORRUPT_FILE', reason: 'TEMPLATE_INVALID', message: 't.csv：第 3 行的字段“不存在的字段”不是模板中的字段' });
    });

    it('the results are plain data: the department report first, the decoded text', async () => {
      const read = await pool.extract(seed('000').bytes, 'seed.txt');
      expect(JSON.parse(JSON.stringify(read))).toEqual(read);
      expect(read.format).toBe('txt');
      expect(read.text.length).toBeGreaterThan(100);
    });
  });

  it('EXTRACTION_* are validated, with the cores as the default thread count', () => {
    expect(extractionLimitsFromEnv({})).toMatchObject({ timeLimitMs: 20_000, memoryLimitMb: 512 });
    expect(extractionLimitsFromEnv({}).threads).toBeGreaterThanOrEqual(1);
    expect(() => extractionLimitsFromEnv({ EXTRACTION_TIME_LIMIT_MS: 'soon', EXTRACTION_MEMORY_LIMIT_MB: '4' })).toThrow(
      /EXTRACTION_TIME_LIMIT_MS must be an integer.*EXTRACTION_MEMORY_LIMIT_MB must be an integer from 16/,
    );
  });
});
