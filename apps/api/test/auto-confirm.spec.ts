import { ERROR_WARNING_CODES } from '@hunan-perf/contracts';
import { seed, upload } from './support/uploads.js';
import { sessionAs, startTestApp, type Session, type TestApp } from './support/test-app.js';

describe('automatic confirmation is a setting, off by default', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await sessionAs(t, 'admin');
  });
  afterAll(() => t.close());

  it('is off by default: uploads stay drafts', async () => {
    expect((await admin.agent.get('/api/settings/ingest').expect(200)).body).toEqual({ autoConfirm: false });
    const res = await upload(admin, [seed('003')]).expect(201);
    expect(res.body[0].status).toBe('draft');
  });

  it('when on, confirms reports without error-level warnings and leaves the others for review', async () => {
    await admin.agent.put('/api/settings/ingest').set('x-csrf-token', admin.csrf).send({ autoConfirm: 'yes' }).expect(400);
    await admin.agent.put('/api/settings/ingest').set('x-csrf-token', admin.csrf).send({ autoConfirm: true }).expect(200);
    const analyst = await sessionAs(t, 'analyst');
    await analyst.agent.put('/api/settings/ingest').set('x-csrf-token', analyst.csrf).send({ autoConfirm: false }).expect(403);

    const res = await upload(admin, ['000', '001', '002', '004'].map(seed)).expect(201);
    for (const outcome of res.body) {
      const hasError = outcome.warnings.some((w: { code: string }) => ERROR_WARNING_CODES.includes(w.code as never));
      expect({ file: outcome.fileName, status: outcome.status }).toEqual({ file: outcome.fileName, status: hasError ? 'draft' : 'confirmed' });
    }
    // 望城's report states no score: MISSING_SCORE is error-level, so it waits for a reviewer.
    const wangcheng = res.body.find((o: { fileName: string }) => o.fileName.startsWith('001'));
    expect(wangcheng.warnings.map((w: { code: string }) => w.code)).toContain('MISSING_SCORE');
    expect(wangcheng.status).toBe('draft');
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'setting.update'`);
    expect(n).toBe(1);
  });
});
