import { seed, upload } from './support/uploads.js';
import { sessionAs, startTestApp, type Session, type TestApp } from './support/test-app.js';

describe('review: read beside the source, correct with a reason, confirm, version', () => {
  let t: TestApp;
  let analyst: Session;
  let xiangxi: string;
  beforeAll(async () => {
    t = await startTestApp();
    analyst = await sessionAs(t, 'analyst');
    xiangxi = (await upload(analyst, [seed('004')]).expect(201)).body[0].reportId;
  });
  afterAll(() => t.close());

  const patch = (s: Session, id: string, body: object) => s.agent.patch(`/api/reports/${id}`).set('x-csrf-token', s.csrf).send(body);
  const confirm = (s: Session, id: string) => s.agent.post(`/api/reports/${id}/confirm`).set('x-csrf-token', s.csrf);

  it('returns the document, its warnings, status, version and the numbered source text', async () => {
    const res = await analyst.agent.get(`/api/reports/${xiangxi}`).expect(200);
    expect(res.body).toMatchObject({ status: 'draft', version: 1, fiscalYear: 2021, kind: 'department_overall' });
    expect(res.body.unit.name).toBe('湘西土家族苗族自治州工业和信息化局');
    expect(res.body.source.fileName).toBe(seed('004').name);
    expect(res.body.source.lines.length).toBeGreaterThan(1000);
    const scoreLine = res.body.document.provenance['score.total'];
    expect(scoreLine).toBeDefined();
    expect(res.body.source.lines[scoreLine.line - 1]).toContain(scoreLine.excerpt.slice(0, 6));
    expect(res.body.warnings.map((w: { code: string }) => w.code)).toEqual(res.body.document.warnings.map((w: { code: string }) => w.code));
  });

  it('refuses an edit without a reason, on an unknown field, or with a wrong type — naming the field', async () => {
    const noReason = await patch(analyst, xiangxi, { edits: [{ path: 'score.total', value: 98 }] }).expect(400);
    expect(noReason.body.details.map((d: { field: string }) => d.field)).toContain('reason');
    const unknown = await patch(analyst, xiangxi, { reason: '核对原表', edits: [{ path: 'budget.total.bogus', value: 1 }] }).expect(400);
    expect(unknown.body).toMatchObject({ error: 'INVALID_EDIT', details: [{ field: 'budget.total.bogus' }] });
    const wrongType = await patch(analyst, xiangxi, { reason: '核对原表', edits: [{ path: 'budget.total.initial', value: '1592.83' }] }).expect(400);
    expect(wrongType.body).toMatchObject({ error: 'DOCUMENT_INVALID', details: [{ field: 'budget.total.initial' }] });
    const readOnly = await patch(analyst, xiangxi, { reason: '核对原表', edits: [{ path: 'source.sha256', value: 'x' }] }).expect(400);
    expect(readOnly.body.error).toBe('INVALID_EDIT');
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'report.edit'`);
    expect(n).toBe(0);
  });

  it('records every edit with who, old and new value and reason; keeps the extracted value beside it', async () => {
    const before = (await analyst.agent.get(`/api/reports/${xiangxi}`)).body.document;
    // The engine takes the 综合得分 98.36 the report states twice; the reviewer decides 附件2's 总分 99 is right.
    expect(before.score.total).toBe(98.36);
    expect(before.staff.actual).toBe(87);
    const res = await patch(analyst, xiangxi, {
      reason: '以附件2自评表总分为准',
      edits: [{ path: 'score.total', value: 99 }, { path: 'staff.actual', value: 86 }],
    }).expect(200);
    expect(res.body.id).toBe(xiangxi);
    expect(res.body.document.score.total).toBe(99);
    expect(res.body.extractedDocument.score.total).toBe(before.score.total);
    expect(res.body.corrections).toEqual([
      expect.objectContaining({ path: 'score.total', extracted: 98.36, before: 98.36, after: 99, reason: '以附件2自评表总分为准' }),
      expect.objectContaining({ path: 'staff.actual', extracted: 87, before: 87, after: 86 }),
    ]);
    const events = await t.dataSource.query(
      `SELECT e.field, e.old_value, e.new_value, e.reason, u.username FROM audit_event e JOIN app_user u ON u.id = e.actor_id
        WHERE e.action = 'report.edit' AND e.entity_id = $1 ORDER BY e.id`,
      [xiangxi],
    );
    expect(events).toEqual([
      { field: 'score.total', old_value: 98.36, new_value: 99, reason: '以附件2自评表总分为准', username: expect.stringMatching(/^analyst-/) },
      { field: 'staff.actual', old_value: 87, new_value: 86, reason: '以附件2自评表总分为准', username: expect.stringMatching(/^analyst-/) },
    ]);
    const [{ score_total }] = await t.dataSource.query(`SELECT score_total FROM report WHERE id = $1`, [xiangxi]);
    expect(Number(score_total)).toBe(99);
  });

  it('confirms, confirming twice is harmless, and a newer version supersedes it in the same step', async () => {
    const first = await confirm(analyst, xiangxi).expect(200);
    expect(first.body.status).toBe('confirmed');
    const again = await confirm(analyst, xiangxi).expect(200);
    expect(again.body).toMatchObject({ status: 'confirmed', confirmedAt: first.body.confirmedAt });
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'report.confirm' AND entity_id = $1`, [xiangxi]);
    expect(n).toBe(1);

    const changed = { name: 'xiangxi-v2.txt', bytes: Buffer.from(seed('004').bytes.toString('utf8') + '\n附：更正说明\n') };
    const v2 = (await upload(analyst, [changed]).expect(201)).body[0].reportId;
    await confirm(analyst, v2).expect(200);
    const old = await analyst.agent.get(`/api/reports/${xiangxi}`).expect(200);
    expect(old.body.status).toBe('superseded');
    const statuses = await t.dataSource.query(
      `SELECT version, status FROM report WHERE unit_id = (SELECT unit_id FROM report WHERE id = $1) ORDER BY version`, [v2],
    );
    expect(statuses).toEqual([{ version: 1, status: 'superseded' }, { version: 2, status: 'confirmed' }]);
  });

  it('correcting a confirmed version makes a new draft and leaves the confirmed one untouched', async () => {
    const current = (await analyst.agent.get(`/api/reports?status=confirmed&q=湘西`).expect(200)).body.items[0];
    expect(current.version).toBe(2);
    const res = await patch(analyst, current.id, { reason: '按批复文件更正年初预算数', edits: [{ path: 'budget.total.initial', value: 1600 }] }).expect(200);
    expect(res.body).toMatchObject({ status: 'draft', version: 3, revisedFrom: current.id });
    const untouched = await analyst.agent.get(`/api/reports/${current.id}`).expect(200);
    expect(untouched.body.status).toBe('confirmed');
    expect(res.body.corrections.map((c: { path: string }) => c.path)).toContain('budget.total.initial');
  });

  it('lists the queue with filters and warning counts', async () => {
    const res = await analyst.agent.get('/api/reports?year=2021&hasWarnings=true').expect(200);
    expect(res.body.total).toBeGreaterThan(0);
    for (const item of res.body.items) {
      expect(item.fiscalYear).toBe(2021);
      expect(item.warningCount).toBeGreaterThan(0);
    }
    const bad = await analyst.agent.get('/api/reports?year=1800&status=nope').expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['status', 'year']);
  });
});

describe('warnings follow corrections', () => {
  let t: TestApp;
  let analyst: Session;
  beforeAll(async () => {
    t = await startTestApp();
    analyst = await sessionAs(t, 'analyst');
  });
  afterAll(() => t.close());

  it('望城 has no score until a reviewer enters it; then MISSING_SCORE is gone, in the document and the warning rows', async () => {
    const id = (await upload(analyst, [seed('001')]).expect(201)).body[0].reportId;
    const before = await analyst.agent.get(`/api/reports/${id}`).expect(200);
    expect(before.body.warnings.map((w: { code: string }) => w.code)).toContain('MISSING_SCORE');
    const res = await analyst.agent.patch(`/api/reports/${id}`).set('x-csrf-token', analyst.csrf)
      .send({ reason: '据区财政局复核结果补录', edits: [{ path: 'score.total', value: 91 }] }).expect(200);
    expect(res.body.warnings.map((w: { code: string }) => w.code)).not.toContain('MISSING_SCORE');
    const rows = await t.dataSource.query(`SELECT code FROM report_warning WHERE report_id = $1`, [id]);
    expect(rows.map((r: { code: string }) => r.code)).not.toContain('MISSING_SCORE');
    expect(res.body.extractedDocument.warnings.map((w: { code: string }) => w.code)).toContain('MISSING_SCORE');
  });
});
