import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { IngestionService } from '../src/modules/documents/ingestion.service.js';
import { storedRows } from './support/stored-rows.js';
import { rowCounts, SEEDS, seed } from './support/uploads.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// What the ingest path stored for the five seeds before its statements were merged (issue 13 item 4),
// written once with WRITE_INGEST_FIXTURE=1 on that code.
const FIXTURE = fileURLToPath(new URL('./fixtures/ingested-seed-rows.json', import.meta.url));

const file = (prefix: string) => {
  const s = seed(prefix);
  return { fileName: s.name, bytes: s.bytes };
};

describe('the ingest write path', () => {
  let t: TestApp;
  let ingestion: IngestionService;
  beforeAll(async () => {
    t = await startTestApp();
    ingestion = t.app.get(IngestionService);
  });
  afterAll(() => t.close());

  it('stores exactly the rows the earlier path stored for the seeds (drafts, and confirmed ones)', async () => {
    for (const prefix of ['000', '001', '002']) await ingestion.ingest(file(prefix), null, { autoConfirm: false });
    for (const prefix of ['003', '004']) await ingestion.ingest(file(prefix), null, { confirm: true, autoConfirm: false });
    expect(SEEDS).toHaveLength(5);
    const dump = await storedRows(t.dataSource);
    expect(dump.report).toHaveLength(6);
    expect(dump.report_indicator!.length).toBeGreaterThan(20);
    if (process.env.WRITE_INGEST_FIXTURE === '1') writeFileSync(FIXTURE, `${JSON.stringify(dump, null, 1)}\n`);
    expect(existsSync(FIXTURE)).toBe(true);
    expect(dump).toEqual(JSON.parse(readFileSync(FIXTURE, 'utf8')));
  });

  it('writes a new one-report file in at most 8 statements, the transaction included', async () => {
    const statements: string[] = [];
    const logger = t.dataSource.logger;
    const logQuery = logger.logQuery.bind(logger);
    logger.logQuery = (query, parameters, runner) => {
      statements.push(query.replace(/\s+/g, ' ').slice(0, 80));
      logQuery(query, parameters, runner);
    };
    try {
      const bytes = Buffer.concat([seed('003').bytes, Buffer.from('\n（统计语句副本）\n')]);
      const outcome = await ingestion.ingest({ fileName: 'statements.txt', bytes }, null, { autoConfirm: false });
      expect(outcome).toMatchObject({ created: true, status: 'draft' });
    } finally {
      logger.logQuery = logQuery;
    }
    console.log(`statements for one new file: ${statements.length}\n${statements.join('\n')}`);
    expect(statements.length).toBeLessThanOrEqual(8);
  });

  // A statement that fails late, after the document, report and normalised rows were written.
  it.each(['report_indicator', 'report_metric', 'report_quality', 'audit_event'])(
    'a failure while writing %s leaves nothing of the file, and the same file goes in afterwards',
    async (table) => {
      const bytes = Buffer.concat([seed('002').bytes, Buffer.from(`\n（回滚测试 ${table}）\n`)]);
      const before = await storedRows(t.dataSource);
      const countsBefore = await rowCounts(t.dataSource);
      const owner = new pg.Client({ connectionString: t.ownerUrl });
      await owner.connect();
      try {
        await owner.query(`CREATE FUNCTION fail_write() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN RAISE EXCEPTION 'write refused for the test'; END $$`);
        await owner.query(`CREATE TRIGGER fail_write BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION fail_write()`);
        await expect(ingestion.ingest({ fileName: `rollback-${table}.txt`, bytes }, null, { autoConfirm: false }))
          .rejects.toThrow('write refused for the test');
      } finally {
        await owner.query(`DROP TRIGGER IF EXISTS fail_write ON ${table}`);
        await owner.query(`DROP FUNCTION IF EXISTS fail_write()`);
        await owner.end();
      }
      expect(await rowCounts(t.dataSource)).toEqual(countsBefore);
      expect(await storedRows(t.dataSource)).toEqual(before);
      const again = await ingestion.ingest({ fileName: `rollback-${table}.txt`, bytes }, null, { autoConfirm: false });
      expect(again).toMatchObject({ created: true, status: 'draft' });
    },
  );
});
