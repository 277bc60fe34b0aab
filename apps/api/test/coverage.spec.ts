import type { Coverage, ReportDocument } from '@hunan-perf/contracts';
import { coverageOf } from '@hunan-perf/report-parser';
import { backfillCoverage } from '../src/modules/reports/coverage-backfill.js';
import { sessionAs, startTestApp, type Session, type TestApp } from './support/test-app.js';
import { seed, upload } from './support/uploads.js';

interface Item { id: string; unitName: string; fiscalYear: number; status: string; coveragePercent: number | null; warningCount: number }

describe('coverage: stored with each report version, the review queue puts who needs a human first', () => {
  let t: TestApp;
  let analyst: Session;
  // Numbers depend on the engine (hand-counted ones are in libs/report-parser/test/coverage.spec.ts);
  // here only their order matters: 001 has no indicator table, 003 a full one.
  let wangcheng: string; // 001: at most 60 %
  let yiyang: string; // 003: indicator table fully read

  const list = async (query = ''): Promise<Item[]> => (await analyst.agent.get(`/api/reports${query}`).expect(200)).body.items;
  const stored = async (id: string) =>
    (await t.dataSource.query(`SELECT coverage, coverage_percent::float AS percent, document FROM report WHERE id = $1`, [id]))[0] as {
      coverage: Coverage | null; percent: number | null; document: ReportDocument;
    };
  const uploadJson = (name: string, doc: ReportDocument) => upload(analyst, [{ name, bytes: Buffer.from(JSON.stringify(doc)) }]).expect(201);
  const documentOf = async (id: string): Promise<ReportDocument> => (await analyst.agent.get(`/api/reports/${id}`).expect(200)).body.document;

  beforeAll(async () => {
    t = await startTestApp();
    analyst = await sessionAs(t, 'analyst');
    // The better-covered one last: newest-first would list it first.
    wangcheng = (await upload(analyst, [seed('001')]).expect(201)).body[0].reportId;
    yiyang = (await upload(analyst, [seed('003')]).expect(201)).body[0].reportId;
  });
  afterAll(() => t.close());

  it('stores the coverage of each uploaded report, equal to a recount of its stored document', async () => {
    for (const id of [wangcheng, yiyang]) {
      const row = await stored(id);
      expect(row.coverage).toEqual(coverageOf(row.document));
      expect(row.percent).toBe(row.coverage!.percent);
      expect(row.document.coverage).toEqual(row.coverage);
      expect((await analyst.agent.get(`/api/reports/${id}`).expect(200)).body.coverage).toEqual(row.coverage);
    }
    const [low, high] = [(await stored(wangcheng)).coverage!, (await stored(yiyang)).coverage!];
    expect(low).toMatchObject({ scalarsTotal: 20, indicatorRows: 0, indicatorCellsTotal: 0 });
    expect(low.percent).toBeLessThanOrEqual(60);
    expect(high.indicatorCellsFound).toBe(high.indicatorRows * 5);
    expect(high.percent).toBeGreaterThan(low.percent);
  });

  it('lists the least-covered draft first by default, and sorts by coverage either way', async () => {
    const byDefault = await list();
    expect(byDefault.map((r) => [r.id, r.coveragePercent])).toEqual([[wangcheng, (await stored(wangcheng)).percent], [yiyang, (await stored(yiyang)).percent]]);
    expect((await list('?sort=coverage_desc')).map((r) => r.id)).toEqual([yiyang, wangcheng]);
    expect((await list('?sort=coverage_asc')).map((r) => r.id)).toEqual([wangcheng, yiyang]);
    expect((await list('?sort=updated')).map((r) => r.id)).toEqual([yiyang, wangcheng]);
    const bad = await analyst.agent.get('/api/reports?sort=random').expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['sort']);
  });

  it('breaks equal coverage by the number of warnings, and puts confirmed versions after every draft', async () => {
    const doc = await documentOf(yiyang);
    expect(doc.warnings.length).toBeGreaterThan(0);
    // The same figures for another year without warnings, uploaded last (newest): same coverage, fewer warnings.
    const quiet = (await uploadJson('yiyang-2019.json', { ...doc, fiscalYear: 2019, warnings: [] })).body[0].reportId;
    // Without its indicator table: less covered than 003, better than 001 (which also lacks one but has fewer fields).
    const sparse = (await uploadJson('yiyang-2018.json', { ...doc, fiscalYear: 2018, indicators: [] })).body[0].reportId;
    const [pw, py, pq, ps] = await Promise.all([wangcheng, yiyang, quiet, sparse].map(async (id) => (await stored(id)).percent!));
    expect(pq).toBe(py);
    expect(pw).toBeLessThan(ps);
    expect(ps).toBeLessThan(py);
    const items = await list();
    expect(items.map((r) => [r.id, r.coveragePercent])).toEqual([[wangcheng, pw], [sparse, ps], [yiyang, py], [quiet, pq]]);
    expect(items[2]!.warningCount).toBe(doc.warnings.length);
    expect(items[3]!.warningCount).toBe(0);

    await analyst.agent.post(`/api/reports/${sparse}/confirm`).set('x-csrf-token', analyst.csrf).expect(200);
    expect((await list()).map((r) => r.id)).toEqual([wangcheng, yiyang, quiet, sparse]);
    expect((await list('?sort=updated')).map((r) => r.id)[0]).toBe(sparse);
  });

  it('recounts the stored coverage when a correction fills a gap', async () => {
    const before = await stored(wangcheng);
    const gap = ['score.total', 'staff.quota', 'threePublic.budget', 'budget.basic.initial', 'budget.project.initial']
      .find((path) => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], before.document) === null);
    expect(gap).toBeDefined();
    await analyst.agent.patch(`/api/reports/${wangcheng}`).set('x-csrf-token', analyst.csrf)
      .send({ reason: '按原表补充', edits: [{ path: gap, value: 1 }] }).expect(200);
    const after = await stored(wangcheng);
    expect(after.coverage!.scalarsFound).toBe(before.coverage!.scalarsFound + 1);
    // One more of 20 fields: 60 / 20 = 3 points.
    expect(after.percent).toBeCloseTo(before.percent! + 3, 1);
    expect(after.coverage).toEqual(coverageOf(after.document));
    expect(after.document.coverage).toEqual(after.coverage);
    const refused = await analyst.agent.patch(`/api/reports/${wangcheng}`).set('x-csrf-token', analyst.csrf)
      .send({ reason: '试图改覆盖率', edits: [{ path: 'coverage.percent', value: 100 }] }).expect(400);
    expect(refused.body.error).toBe('INVALID_EDIT');
  });

  it('stores the canonical category of each indicator row', async () => {
    const doc = await documentOf(yiyang);
    expect(doc.indicators.length).toBeGreaterThan(1);
    const categories = ['产出', '效益', '满意度'] as const;
    const categorised = { ...doc, fiscalYear: 2017, indicators: doc.indicators.map((r, i) => ({ ...r, category: i === 0 ? null : categories[i % 3] })) };
    const id = (await uploadJson('yiyang-2017.json', categorised)).body[0].reportId;
    const rows: { category: string | null }[] = await t.dataSource.query(
      `SELECT category FROM report_indicator WHERE report_id = $1 ORDER BY position`, [id],
    );
    expect(rows.map((r) => r.category)).toEqual(categorised.indicators.map((r) => r.category));
  });

  it('counts a version stored before coverage existed on read, and the backfill stores it from the document', async () => {
    const before = await stored(yiyang);
    await t.dataSource.query(`UPDATE report SET coverage = NULL, coverage_percent = NULL WHERE id = $1`, [yiyang]);
    // A stub document (the SQL-generated synthetic dataset) is not a ReportDocument: left alone.
    const [{ id: stub }] = await t.dataSource.query(
      `INSERT INTO report (unit_id, region_code, fiscal_year, kind, version, status, document, is_synthetic)
       SELECT unit_id, region_code, 2001, 'department_overall', 1, 'draft', '{"schemaVersion": 1, "synthetic": true}', true FROM report WHERE id = $1
       RETURNING id`, [yiyang],
    );
    expect((await analyst.agent.get(`/api/reports/${yiyang}`).expect(200)).body.coverage).toEqual(before.coverage);

    expect(await backfillCoverage(t.dataSource, 1)).toBe(1);
    const after = await stored(yiyang);
    expect([after.coverage, after.percent]).toEqual([before.coverage, before.percent]);
    expect((await stored(stub)).coverage).toBeNull();
    expect(await backfillCoverage(t.dataSource)).toBe(0);
  });
});
