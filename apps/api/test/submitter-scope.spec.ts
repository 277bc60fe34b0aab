import { rowCounts, seed, upload } from './support/uploads.js';
import { sessionAs, startTestApp, type Session, type TestApp } from './support/test-app.js';

describe('a submitter stays inside its own region subtree', () => {
  let t: TestApp;
  let analyst: Session;
  let changsha: Session;
  let reports: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    analyst = await sessionAs(t, 'analyst');
    const res = await upload(analyst, ['000', '001', '004'].map(seed)).expect(201);
    reports = Object.fromEntries(res.body.map((o: { fileName: string; reportId: string }) => [o.fileName.slice(0, 3), o.reportId]));
    changsha = await sessionAs(t, 'submitter', '430100');
  });
  afterAll(() => t.close());

  it('lists only its own region’s reports and cannot widen the filter', async () => {
    const res = await changsha.agent.get('/api/reports').expect(200);
    expect(res.body.items.map((r: { id: string }) => r.id).sort()).toEqual(
      expect.arrayContaining([reports['000'], reports['001']]),
    );
    expect(res.body.items.map((r: { id: string }) => r.id)).not.toContain(reports['004']);
    await changsha.agent.get('/api/reports?regionCode=433100').expect(403);
  });

  it('cannot read, correct, download or confirm another region’s draft', async () => {
    const other = reports['004'];
    await changsha.agent.get(`/api/reports/${other}`).expect(404);
    await changsha.agent.get(`/api/reports/${other}/versions`).expect(404);
    await changsha.agent.get(`/api/reports/${other}/template.csv`).expect(404);
    const before = await rowCounts(t.dataSource);
    await changsha.agent.patch(`/api/reports/${other}`).set('x-csrf-token', changsha.csrf)
      .send({ reason: '试图修改', edits: [{ path: 'score.total', value: 60 }] }).expect(404);
    await changsha.agent.post(`/api/reports/${other}/confirm`).set('x-csrf-token', changsha.csrf).expect(403);
    const [{ id: documentId }] = await t.dataSource.query(`SELECT source_document_id AS id FROM report WHERE id = $1`, [other]);
    await changsha.agent.get(`/api/documents/${documentId}/content`).expect(404);
    expect(await rowCounts(t.dataSource)).toEqual(before);
  });

  it('corrects its own region’s draft but cannot confirm it', async () => {
    const own = reports['001'];
    const res = await changsha.agent.patch(`/api/reports/${own}`).set('x-csrf-token', changsha.csrf)
      .send({ reason: '补充自评得分', edits: [{ path: 'score.total', value: 92 }] }).expect(200);
    expect(res.body.document.score.total).toBe(92);
    await changsha.agent.post(`/api/reports/${own}/confirm`).set('x-csrf-token', changsha.csrf).expect(403);
  });

  it('cannot upload another region’s report', async () => {
    const before = await rowCounts(t.dataSource);
    const res = await upload(changsha, [seed('003')]).expect(422);
    expect(res.body).toMatchObject({ error: 'OUT_OF_REGION', message: expect.stringContaining('益阳市') });
    expect(await rowCounts(t.dataSource)).toEqual(before);
  });
});
