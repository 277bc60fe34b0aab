import { IngestionService } from '../src/modules/documents/ingestion.service.js';
import { sessionAs, type Session, startTestApp, type TestApp } from './support/test-app.js';
import { binary, seed } from './support/uploads.js';

/**
 * A viewer (leadership, the public-facing role) sees confirmed versions only: drafts, unresolved
 * reports and a correction not yet confirmed stay out of the report list, the detail, the version
 * history, the source file, the analytics and the exports.
 */
describe('viewers see confirmed reports only', () => {
  let t: TestApp;
  let viewer: Session;
  let analyst: Session;
  let confirmedId: string;
  let correctionId: string;
  let draftId: string;
  let draftDocumentId: string;
  let draftUnit: string;

  beforeAll(async () => {
    t = await startTestApp();
    const ingestion = t.app.get(IngestionService);
    const confirmed = await ingestion.ingest({ fileName: seed('003').name, bytes: seed('003').bytes }, null, { confirm: true });
    const draft = await ingestion.ingest({ fileName: seed('000').name, bytes: seed('000').bytes }, null, { confirm: false });
    if ('error' in confirmed || 'error' in draft) throw new Error('seed ingest failed');
    confirmedId = confirmed.reportId;
    draftId = draft.reportId;
    draftDocumentId = draft.documentId;
    viewer = await sessionAs(t, 'viewer');
    analyst = await sessionAs(t, 'analyst');
    const detail = await analyst.agent.get(`/api/reports/${draftId}`).expect(200);
    expect(detail.body.status).not.toBe('confirmed');
    draftUnit = detail.body.document.unit.name;
    // A correction of the confirmed report: a new draft version beside the confirmed one.
    const correction = await analyst.agent.patch(`/api/reports/${confirmedId}`).set('x-csrf-token', analyst.csrf)
      .send({ reason: '按复核意见调整得分', edits: [{ path: 'score.total', value: 88 }] }).expect(200);
    correctionId = correction.body.id;
    expect(correction.body.status).toBe('draft');
  });
  afterAll(() => t.close());

  it('the report list holds confirmed versions only, whatever status is asked for', async () => {
    const all = await analyst.agent.get('/api/reports').expect(200);
    expect(all.body.items.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining([confirmedId, correctionId, draftId]));
    const mine = await viewer.agent.get('/api/reports').expect(200);
    expect(mine.body.items.map((r: { id: string }) => r.id)).toEqual([confirmedId]);
    expect(mine.body.total).toBe(1);
    for (const status of ['draft', 'unresolved', 'superseded']) {
      const asked = await viewer.agent.get(`/api/reports?status=${status}`).expect(200);
      expect(asked.body).toEqual({ total: 0, items: [] });
    }
    const confirmed = await viewer.agent.get('/api/reports?status=confirmed').expect(200);
    expect(confirmed.body.items.map((r: { id: string }) => r.id)).toEqual([confirmedId]);
  });

  it('a draft or an unconfirmed correction is not found for a viewer; the confirmed version is', async () => {
    for (const id of [draftId, correctionId]) {
      const res = await viewer.agent.get(`/api/reports/${id}`).expect(404);
      expect(res.body.message).toBe('报告不存在或无权查看');
      await viewer.agent.get(`/api/reports/${id}/versions`).expect(404);
      await analyst.agent.get(`/api/reports/${id}`).expect(200);
    }
    const detail = await viewer.agent.get(`/api/reports/${confirmedId}`).expect(200);
    expect(detail.body.status).toBe('confirmed');
  });

  it('the version history shows a viewer the confirmed versions only', async () => {
    const analystVersions = await analyst.agent.get(`/api/reports/${confirmedId}/versions`).expect(200);
    expect(analystVersions.body.map((v: { id: string }) => v.id)).toEqual([correctionId, confirmedId]);
    const viewerVersions = await viewer.agent.get(`/api/reports/${confirmedId}/versions`).expect(200);
    expect(viewerVersions.body.map((v: { id: string; status: string }) => [v.id, v.status])).toEqual([[confirmedId, 'confirmed']]);
  });

  it('the source file of a draft-only document is not found for a viewer', async () => {
    await viewer.agent.get(`/api/documents/${draftDocumentId}/content`).expect(404);
    await analyst.agent.get(`/api/documents/${draftDocumentId}/content`).expect(200);
  });

  it('analytics and exports count confirmed versions only (the correction does not show until confirmed)', async () => {
    const compare = await viewer.agent.get('/api/analytics/compare?year=2024').expect(200);
    expect(compare.body.rows.map((r: { reportId: string }) => r.reportId)).toEqual([confirmedId]);
    expect(compare.body.rows[0].scoreTotal).toBe(100);
    const draftYear = (await analyst.agent.get(`/api/reports/${draftId}`).expect(200)).body.fiscalYear as number;
    const overview = await viewer.agent.get(`/api/analytics/overview?year=${draftYear}`).expect(200);
    expect(JSON.stringify(overview.body)).not.toContain(draftUnit);
    const csv = (await viewer.agent.get('/api/exports/reports.csv').buffer(true).parse(binary).expect(200)).body.toString('utf8');
    expect(csv).not.toContain(draftUnit);
    expect(csv.trim().split('\n')).toHaveLength(2);
  });
});
