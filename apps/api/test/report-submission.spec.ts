import { seed, upload } from './support/uploads.js';
import { sessionAs, startTestApp, type Session, type TestApp } from './support/test-app.js';

const LIUYANG = '浏阳市工业和信息化局';
const WANGCHENG = '长沙市望城区工业和信息化局';

/**
 * Issue 14 item 1: a unit submits its report, the province returns it with a comment, the unit
 * corrects and resubmits, the province confirms; a wrong upload is withdrawn (kept, never counted)
 * and its file can be uploaded again. Every step is one audit event and one line of the report's
 * review history; a wrong step is 409 naming the status.
 */
describe('return and resubmit', () => {
  let t: TestApp;
  let analyst: Session;
  let admin: Session;
  let changsha: Session;
  let yiyang: Session;
  let liuyang: string;

  const post = (s: Session, id: string, step: string, body: object = {}) =>
    s.agent.post(`/api/reports/${id}/${step}`).set('x-csrf-token', s.csrf).send(body);
  const detail = async (s: Session, id: string) => (await s.agent.get(`/api/reports/${id}`).expect(200)).body;
  const listed = async (s: Session, query: string) =>
    ((await s.agent.get(`/api/reports?limit=100&${query}`).expect(200)).body.items as { id: string; status: string; waitingFor: string | null }[]);
  const auditOf = (id: string) => t.dataSource.query(
    `SELECT action, old_value ->> 'status' AS "from", new_value ->> 'status' AS "to", reason FROM audit_event
      WHERE entity_type = 'report' AND entity_id = $1 AND action <> 'report.edit' ORDER BY id`, [id],
  );
  const statusOf = async (id: string) => (await t.dataSource.query(`SELECT status FROM report WHERE id = $1`, [id]))[0].status as string;

  beforeAll(async () => {
    t = await startTestApp();
    analyst = await sessionAs(t, 'analyst');
    admin = await sessionAs(t, 'admin');
    changsha = await sessionAs(t, 'submitter', '430100');
    yiyang = await sessionAs(t, 'submitter', '430900');
    const res = await upload(changsha, [seed('000')]).expect(201);
    liuyang = res.body[0].reportId;
    expect(res.body[0]).toMatchObject({ status: 'draft', unit: { name: LIUYANG } });
  });
  afterAll(() => t.close());

  it('a fresh upload is a draft waiting for its unit; submitting hands it to the reviewers', async () => {
    const before = await detail(changsha, liuyang);
    expect(before).toMatchObject({ status: 'draft', waitingFor: 'submitter', actions: ['submit', 'withdraw'], canEdit: true, history: [] });
    expect((await listed(analyst, 'waitingFor=submitter')).map((r) => r.id)).toContain(liuyang);

    const res = await post(changsha, liuyang, 'submit').expect(200);
    expect(res.body).toMatchObject({ status: 'submitted', waitingFor: 'reviewer', actions: [], canEdit: false });
    expect(res.body.history).toEqual([
      expect.objectContaining({ event: 'submit', label: '提交审核', fromStatus: 'draft', toStatus: 'submitted', actor: expect.stringMatching(/^submitter-/), comment: null }),
    ]);
    expect(await auditOf(liuyang)).toEqual([{ action: 'report.submit', from: 'draft', to: 'submitted', reason: null }]);

    const waiting = await listed(analyst, 'waitingFor=reviewer');
    expect(waiting.find((r) => r.id === liuyang)).toMatchObject({ status: 'submitted', waitingFor: 'reviewer' });
    expect(waiting.every((r) => ['submitted', 'unresolved'].includes(r.status))).toBe(true);
    expect((await listed(analyst, 'waitingFor=submitter')).map((r) => r.id)).not.toContain(liuyang);
    expect((await listed(analyst, 'status=submitted')).map((r) => r.id)).toEqual([liuyang]);
    expect((await detail(analyst, liuyang)).actions).toEqual(['return', 'confirm', 'withdraw']);
  });

  it('a submitted report is the reviewers’: the submitter can no longer correct, submit again or withdraw it', async () => {
    const edit = await changsha.agent.patch(`/api/reports/${liuyang}`).set('x-csrf-token', changsha.csrf)
      .send({ reason: '补充', edits: [{ path: 'score.total', value: 90 }] }).expect(403);
    expect(edit.body.message).toContain('待审核');
    const again = await post(changsha, liuyang, 'submit').expect(409);
    expect(again.body).toMatchObject({ error: 'REPORT_STATUS_CONFLICT', message: expect.stringContaining('“待审核”') });
    const withdraw = await post(changsha, liuyang, 'withdraw').expect(409);
    expect(withdraw.body.message).toMatch(/“待审核”.*审核人员/);
    expect(await statusOf(liuyang)).toBe('submitted');
  });

  it('a return needs a comment, in Chinese naming the field; with one it goes back to the unit', async () => {
    for (const body of [{}, { comment: '' }, { comment: '   ' }]) {
      const res = await post(analyst, liuyang, 'return', body).expect(400);
      expect(res.body).toMatchObject({ error: 'VALIDATION_FAILED', details: [{ field: 'comment', message: expect.stringContaining('意见必填') }] });
    }
    expect(await statusOf(liuyang)).toBe('submitted');

    const comment = '年初预算数与批复不一致，请核对后修改';
    const res = await post(analyst, liuyang, 'return', { comment }).expect(200);
    expect(res.body).toMatchObject({ status: 'returned', waitingFor: 'submitter' });
    expect(res.body.history.at(-1)).toMatchObject({ event: 'return', label: '退回修改', fromStatus: 'submitted', toStatus: 'returned', comment, actor: expect.stringMatching(/^analyst-/) });
    const mine = await detail(changsha, liuyang);
    expect(mine).toMatchObject({ actions: ['submit', 'withdraw'], canEdit: true });
    expect((await listed(changsha, 'waitingFor=submitter')).map((r) => r.id)).toContain(liuyang);
  });

  it('a returned report cannot be confirmed or returned again: the message names its status', async () => {
    const confirm = await post(analyst, liuyang, 'confirm').expect(409);
    expect(confirm.body).toMatchObject({ error: 'REPORT_STATUS_CONFLICT', message: '报告当前状态为“已退回”，不能确认：须由提交单位修改后重新提交审核' });
    const again = await post(analyst, liuyang, 'return', { comment: '再退一次' }).expect(409);
    expect(again.body.message).toContain('“已退回”');
    expect(await statusOf(liuyang)).toBe('returned');
  });

  it('the submitter corrects its returned report in place and resubmits; the reviewer confirms it into the analytics', async () => {
    const edited = await changsha.agent.patch(`/api/reports/${liuyang}`).set('x-csrf-token', changsha.csrf)
      .send({ reason: '按批复更正年初预算数', edits: [{ path: 'budget.total.initial', value: 1100 }] }).expect(200);
    expect(edited.body).toMatchObject({ id: liuyang, status: 'returned' });
    expect(edited.body.document.budget.total.initial).toBe(1100);

    const resubmitted = await post(changsha, liuyang, 'submit', { comment: '已按意见修改' }).expect(200);
    expect(resubmitted.body.status).toBe('submitted');
    expect(resubmitted.body.history.at(-1)).toMatchObject({ event: 'resubmit', label: '重新提交', fromStatus: 'returned', toStatus: 'submitted', comment: '已按意见修改' });

    expect(await t.dataSource.query(`SELECT 1 FROM report_rollup WHERE report_id = $1`, [liuyang])).toEqual([]);
    const [{ version: before }] = await t.dataSource.query(`SELECT version FROM data_version`);
    const confirmed = await post(analyst, liuyang, 'confirm').expect(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', waitingFor: null, actions: [] });
    expect(confirmed.body.history.map((e: { event: string }) => e.event)).toEqual(['submit', 'return', 'resubmit', 'confirm']);
    expect(await auditOf(liuyang)).toEqual([
      { action: 'report.submit', from: 'draft', to: 'submitted', reason: null },
      { action: 'report.return', from: 'submitted', to: 'returned', reason: '年初预算数与批复不一致，请核对后修改' },
      { action: 'report.resubmit', from: 'returned', to: 'submitted', reason: '已按意见修改' },
      { action: 'report.confirm', from: 'submitted', to: 'confirmed', reason: null },
    ]);
    const [{ version: after }] = await t.dataSource.query(`SELECT version FROM data_version`);
    expect(Number(after)).toBeGreaterThan(Number(before));
    const [rollup] = await t.dataSource.query(`SELECT budget_initial FROM report_rollup WHERE report_id = $1`, [liuyang]);
    expect(Number(rollup.budget_initial)).toBe(1100);
    const overview = (await analyst.agent.get('/api/analytics/overview?year=2021').expect(200)).body;
    expect(overview.points.unitName).toContain(LIUYANG);
  });

  it('a confirmed report is settled: no submit, return or withdraw', async () => {
    for (const [s, step, body] of [[changsha, 'submit', {}], [analyst, 'return', { comment: '晚了' }], [analyst, 'withdraw', {}], [changsha, 'withdraw', {}]] as const) {
      const res = await post(s, liuyang, step, body).expect(409);
      expect(res.body.message).toContain('“已确认”');
    }
    expect(await statusOf(liuyang)).toBe('confirmed');
  });

  it('roles: a submitter cannot return or confirm, an analyst cannot submit, a viewer can do none of it', async () => {
    const draft = (await upload(analyst, [seed('002')]).expect(201)).body[0].reportId;
    await post(changsha, draft, 'confirm').expect(403);
    await post(analyst, draft, 'submit').expect(403);
    const viewer = await sessionAs(t, 'viewer');
    for (const step of ['submit', 'return', 'withdraw', 'confirm']) await post(viewer, draft, step, { comment: '看看' }).expect(403);
    const returnDraft = await post(analyst, draft, 'return', { comment: '尚未提交' }).expect(409);
    expect(returnDraft.body.message).toBe('报告当前状态为“草稿”，不能退回修改：报告尚未提交审核');
    // An admin may act for the unit as well as review.
    await post(admin, draft, 'submit').expect(200);
    await post(changsha, draft, 'return', { comment: '试图退回' }).expect(403);
    expect(await statusOf(draft)).toBe('submitted');
  });

  it('a submitter acts only inside its own region: another region’s report is not found', async () => {
    const before = await auditOf(liuyang);
    const own = (await upload(changsha, [seed('001')]).expect(201)).body[0].reportId;
    for (const step of ['submit', 'withdraw']) {
      const res = await post(yiyang, own, step).expect(404);
      expect(res.body.message).toBe('报告不存在或无权查看');
    }
    await yiyang.agent.patch(`/api/reports/${own}`).set('x-csrf-token', yiyang.csrf)
      .send({ reason: '越权修改', edits: [{ path: 'score.total', value: 60 }] }).expect(404);
    expect(await statusOf(own)).toBe('draft');
    expect((await listed(yiyang, 'waitingFor=submitter')).map((r) => r.id)).not.toContain(own);
    expect(await auditOf(liuyang)).toEqual(before);
    // Withdrawn again right away, so the next test starts from the sample's 望城 bytes stored once.
    await post(changsha, own, 'withdraw', { reason: '传错了' }).expect(200);
  });

  it('a wrong upload is withdrawn: kept with its bytes, audited, out of analytics like a draft, closed to every step', async () => {
    const [wangcheng] = await t.dataSource.query(
      `SELECT r.id, r.source_document_id AS "documentId" FROM report r JOIN unit u ON u.id = r.unit_id WHERE u.name = $1`, [WANGCHENG],
    );
    expect(await statusOf(wangcheng.id)).toBe('withdrawn');
    const [{ bytes }] = await t.dataSource.query(`SELECT octet_length(content) AS bytes FROM source_document WHERE id = $1`, [wangcheng.documentId]);
    expect(bytes).toBe(seed('001').bytes.length);
    expect(await auditOf(wangcheng.id)).toEqual([{ action: 'report.withdraw', from: 'draft', to: 'withdrawn', reason: '传错了' }]);
    const shown = await detail(changsha, wangcheng.id);
    expect(shown).toMatchObject({ status: 'withdrawn', waitingFor: null, actions: [], canEdit: false });
    expect(shown.history).toEqual([expect.objectContaining({ event: 'withdraw', label: '撤回', comment: '传错了' })]);
    expect((await listed(analyst, 'status=withdrawn')).map((r) => r.id)).toEqual([wangcheng.id]);
    expect((await listed(analyst, 'status=withdrawn'))[0]!.waitingFor).toBeNull();

    for (const [s, step] of [[changsha, 'submit'], [analyst, 'confirm'], [analyst, 'withdraw']] as const) {
      const res = await post(s, wangcheng.id, step).expect(409);
      expect(res.body.message).toContain('“已撤回”');
    }
    const edit = await analyst.agent.patch(`/api/reports/${wangcheng.id}`).set('x-csrf-token', analyst.csrf)
      .send({ reason: '试图修改', edits: [{ path: 'score.total', value: 90 }] }).expect(409);
    expect(edit.body).toMatchObject({ error: 'REPORT_WITHDRAWN', message: expect.stringContaining('“已撤回”') });

    expect(await t.dataSource.query(`SELECT 1 FROM v_report_rollup WHERE report_id = $1`, [wangcheng.id])).toEqual([]);
    const overview = (await analyst.agent.get('/api/analytics/overview?year=2021').expect(200)).body;
    expect(overview.points.unitName).not.toContain(WANGCHENG);
  });

  it('withdrawing does not move data_version or the analytics; a reviewer withdraws a submitted report', async () => {
    const id = (await upload(changsha, [{ name: 'liuyang-typo.txt', bytes: Buffer.from(seed('000').bytes.toString('utf8') + '\n（多传了一份）\n') }]).expect(201)).body[0].reportId;
    await post(changsha, id, 'submit').expect(200);
    const overview = (await analyst.agent.get('/api/analytics/overview?year=2021').expect(200)).body;
    const [{ version: before }] = await t.dataSource.query(`SELECT version FROM data_version`);
    const res = await post(analyst, id, 'withdraw').expect(200);
    expect(res.body.status).toBe('withdrawn');
    expect(res.body.history.at(-1)).toMatchObject({ event: 'withdraw', fromStatus: 'submitted', toStatus: 'withdrawn', comment: null });
    const [{ version: after }] = await t.dataSource.query(`SELECT version FROM data_version`);
    expect(after).toBe(before);
    expect((await analyst.agent.get('/api/analytics/overview?year=2021').expect(200)).body).toEqual(overview);
    // The confirmed 浏阳 version is still the current one.
    expect(await statusOf(liuyang)).toBe('confirmed');
  });

  it('the bytes of a withdrawn upload can be uploaded again: a new draft from the stored document; a second time is a duplicate', async () => {
    const [old] = await t.dataSource.query(
      `SELECT r.id, r.version, r.source_document_id AS "documentId" FROM report r JOIN unit u ON u.id = r.unit_id WHERE u.name = $1`, [WANGCHENG],
    );
    const [{ n: documents }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM source_document`);
    const again = (await upload(changsha, [seed('001')]).expect(201)).body[0];
    expect(again).toMatchObject({ created: true, documentId: old.documentId, status: 'draft', unit: { name: WANGCHENG } });
    expect(again.reportId).not.toBe(old.id);
    const fresh = await detail(changsha, again.reportId);
    expect(fresh.version).toBe(old.version + 1);
    expect(fresh.history).toEqual([]);
    expect(await statusOf(old.id)).toBe('withdrawn');
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM source_document`))[0].n).toBe(documents);
    const [ingest] = await t.dataSource.query(
      `SELECT new_value FROM audit_event WHERE action = 'document.ingest' AND entity_id = $1 ORDER BY id DESC LIMIT 1`, [old.documentId],
    );
    expect(ingest.new_value).toMatchObject({ afterWithdrawal: true, reports: [again.reportId] });

    const duplicate = (await upload(changsha, [seed('001')]).expect(201)).body[0];
    expect(duplicate).toMatchObject({ created: false, reportId: again.reportId });
  });

  it('confirming a newer version supersedes the old one, and the old one’s history says so', async () => {
    const v2 = (await upload(analyst, [{ name: 'liuyang-v2.txt', bytes: Buffer.from(seed('000').bytes.toString('utf8') + '\n附：更正说明\n') }]).expect(201)).body[0].reportId;
    await post(analyst, v2, 'confirm').expect(200);
    const old = await detail(analyst, liuyang);
    expect(old.status).toBe('superseded');
    expect(old.history.at(-1)).toMatchObject({ event: 'supersede', label: '被新版本替代', fromStatus: 'confirmed', toStatus: 'superseded' });
    const confirmAgain = await post(analyst, liuyang, 'confirm').expect(409);
    expect(confirmAgain.body.message).toContain('“已被替代”');
  });
});
