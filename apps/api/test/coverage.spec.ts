import type { ReportDocument } from '@hunan-perf/contracts';
import { coverageOf } from '@hunan-perf/report-parser';
import { backfillCoverage } from '../src/modules/reports/coverage-backfill.js';
import { sessionAs, startTestApp, type Session, type TestApp } from './support/test-app.js';
import { seed, upload } from './support/uploads.js';

interface Item { id: string; unitName: string; fiscalYear: number; status: string; coveragePercent: number | null; warningCount: number }

describe('coverage: stored with each report version, the review queue puts who needs a human first', () => {
  let t: TestApp;
  let analyst: Session;
  let yiyang: string; // 003: 18/20 fields, 95/95 indicator cells → 60 × 18/20 + 40 = 94
  let wangcheng: string; // 001: 8/20 fields, no indicator table → 60 × 8/20 + 0 = 24

  const list = async (query = ''): Promise<Item[]> => (await analyst.agent.get(`/api/reports${query}`).expect(200)).body.items;
  const stored = async (id: string) =>
    (await t.dataSource.query(`SELECT coverage, coverage_percent::float AS percent, document FROM report WHERE id = $1`, [id]))[0] as {
      coverage: ReturnType<typeof coverageOf> | null; percent: number | null; document: ReportDocument;
    };
  const uploadJson = (name: string, doc: ReportDocument) => upload(analyst, [{ name, bytes: Buffer.from(JSON.stringify(doc)) }]).expect(201);

  beforeAll(async () => {
    t = await startTestApp();
    analyst = await sessionAs(t, 'analyst');
    // The better-covered one last: newest-first would list it first.
    wangcheng = (await upload(analyst, [seed('001')]).expect(201)).body[0].reportId;
    yiyang = (await upload(analyst, [seed('003')]).expect(201)).body[0].reportId;
  });
  afterAll(() => t.close());

  it('stores the coverage of each uploaded report, equal to a recount of its stored document', async () => {
    for (const [id, percent, scalars, cells] of [[yiyang, 94, 18, 95], [wangcheng, 24, 8, 0]] as const) {
      const row = await stored(id);
      expect(row.percent).toBe(percent);
      expect(row.coverage).toMatchObject({ scalarsFound: scalars, scalarsTotal: 20, indicatorCellsFound: cells, percent });
      expect(row.coverage).toEqual(coverageOf(row.document));
      expect(row.document.coverage).toEqual(row.coverage);
      const detail = (await analyst.agent.get(`/api/reports/${id}`).expect(200)).body;
      expect(detail.coverage).toEqual(row.coverage);
    }
  });

  it('lists the least-covered draft first by default, and sorts by coverage either way', async () => {
    const byDefault = await list();
    expect(byDefault.map((r) => [r.id, r.coveragePercent])).toEqual([[wangcheng, 24], [yiyang, 94]]);
    expect((await list('?sort=coverage_desc')).map((r) => r.id)).toEqual([yiyang, wangcheng]);
    expect((await list('?sort=coverage_asc')).map((r) => r.id)).toEqual([wangcheng, yiyang]);
    expect((await list('?sort=updated')).map((r) => r.id)).toEqual([yiyang, wangcheng]);
    const bad = await analyst.agent.get('/api/reports?sort=random').expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['sort']);
  });

  it('breaks equal coverage by the number of warnings, and puts confirmed versions after every draft', async () => {
    const doc: ReportDocument = (await analyst.agent.get(`/api/reports/${wangcheng}`)).body.document;
    expect(doc.warnings.length).toBeGreaterThan(0);
    // The same figures for another year without its warnings, uploaded last (newest).
    const quiet = (await uploadJson('wangcheng-2019.json', { ...doc, fiscalYear: 2019, warnings: [] })).body[0].reportId;
    expect((await stored(quiet)).percent).toBe(24);
    const items = await list();
    expect(items.map((r) => [r.id, r.coveragePercent, r.warningCount])).toEqual([
      [wangcheng, 24, doc.warnings.length], [quiet, 24, 0], [yiyang, 94, expect.any(Number)],
    ]);

    await analyst.agent.post(`/api/reports/${quiet}/confirm`).set('x-csrf-token', analyst.csrf).expect(200);
    expect((await list()).map((r) => r.id)).toEqual([wangcheng, yiyang, quiet]);
    expect((await list('?status=draft')).map((r) => r.id)).toEqual([wangcheng, yiyang]);
    expect((await list('?sort=updated')).map((r) => r.id)[0]).toBe(quiet);
  });

  it('recounts the stored coverage when a correction fills a gap', async () => {
    await analyst.agent.patch(`/api/reports/${wangcheng}`).set('x-csrf-token', analyst.csrf)
      .send({ reason: '按评分表补充总分', edits: [{ path: 'score.total', value: 91 }] }).expect(200);
    const row = await stored(wangcheng);
    // 60 × 9/20 = 27
    expect(row.percent).toBe(27);
    expect(row.coverage).toMatchObject({ scalarsFound: 9, percent: 27 });
    expect(row.document.coverage).toEqual(row.coverage);
    const refused = await analyst.agent.patch(`/api/reports/${wangcheng}`).set('x-csrf-token', analyst.csrf)
      .send({ reason: '试图改覆盖率', edits: [{ path: 'coverage.percent', value: 100 }] }).expect(400);
    expect(refused.body.error).toBe('INVALID_EDIT');
  });

  it('stores the canonical category of each indicator row', async () => {
    const doc: ReportDocument = (await analyst.agent.get(`/api/reports/${yiyang}`)).body.document;
    const categories = ['产出', '效益', '满意度'] as const;
    const categorised = { ...doc, fiscalYear: 2019, indicators: doc.indicators.map((r, i) => ({ ...r, category: i === 0 ? null : categories[i % 3] })) };
    const id = (await uploadJson('yiyang-2019.json', categorised)).body[0].reportId;
    const rows: { position: number; category: string | null }[] = await t.dataSource.query(
      `SELECT position, category FROM report_indicator WHERE report_id = $1 ORDER BY position`, [id],
    );
    expect(rows).toHaveLength(doc.indicators.length);
    expect(rows.map((r) => r.category)).toEqual(categorised.indicators.map((r) => r.category));
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM report_indicator WHERE report_id = $1 AND category IS NOT NULL`, [yiyang]);
    expect(n).toBe(0);
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
    expect([after.coverage, after.percent]).toEqual([before.coverage, 94]);
    expect((await stored(stub)).coverage).toBeNull();
    expect(await backfillCoverage(t.dataSource)).toBe(0);
  });
});
