import { seed, upload } from './support/uploads.js';
import { sessionAs, startTestApp, type Session, type TestApp } from './support/test-app.js';

interface Warning { code: string; path: string | null; message: string }

/** 湘潭县 2023: an OCR-garbled indicator table whose scores add up to 88 against a stated 98. */
describe('correcting indicator and score-breakdown rows', () => {
  let t: TestApp;
  let analyst: Session;
  let xiangtan: string;
  beforeAll(async () => {
    t = await startTestApp();
    analyst = await sessionAs(t, 'analyst');
    xiangtan = (await upload(analyst, [seed('002')]).expect(201)).body[0].reportId;
  });
  afterAll(() => t.close());

  const rows = (s: Session, id: string, body: object) => s.agent.patch(`/api/reports/${id}/rows`).set('x-csrf-token', s.csrf).send(body);
  const codes = (ws: Warning[]) => ws.map((w) => w.code);
  const metric = async (id: string) =>
    (await t.dataSource.query(`SELECT indicator_score_sum::float8 AS s, indicator_weight_sum::float8 AS w, qualitative FROM report_metric WHERE report_id = $1`, [id]))[0];
  const stored = (id: string) =>
    t.dataSource.query(`SELECT position, level1, level2, name, weight::float8 AS weight, score::float8 AS score, category FROM report_indicator WHERE report_id = $1 ORDER BY position`, [id]);
  const edits = (id: string) =>
    t.dataSource.query(`SELECT field, old_value, new_value, reason FROM audit_event WHERE action = 'report.edit' AND entity_id = $1 ORDER BY id`, [id]);

  it('corrects a garbled indicator row: the ledger names it in Chinese, the stored row and its category follow', async () => {
    const before = (await analyst.agent.get(`/api/reports/${xiangtan}`).expect(200)).body;
    expect(before.document.indicators).toHaveLength(24);
    expect(before.document.indicators[1].level2).toBe('预算有第一支予');
    const res = await rows(analyst, xiangtan, {
      reason: '按原表更正 OCR 错字', table: 'indicators', action: 'update', index: 1,
      row: { level1: '过程', level2: '预算执行', name: '基本支出预算控制率', actual: '100%' },
    }).expect(200);
    const row = res.body.document.indicators[1];
    expect(row).toMatchObject({ level1: '过程', category: '过程', level2: '预算执行', name: '基本支出预算控制率', actual: '100%', weight: 5, score: 5 });
    expect(res.body.document.indicators).toHaveLength(24);
    expect(res.body.corrections).toEqual([
      expect.objectContaining({
        path: 'indicators.1', label: '绩效指标第 2 行', change: 'row_updated', reason: '按原表更正 OCR 错字',
        before: expect.objectContaining({ level2: '预算有第一支予' }), after: expect.objectContaining({ name: '基本支出预算控制率' }),
        extracted: expect.objectContaining({ level2: '预算有第一支予' }),
      }),
    ]);
    expect((await stored(xiangtan))[1]).toMatchObject({ position: 1, level1: '过程', name: '基本支出预算控制率', category: '过程' });
    const events = await edits(xiangtan);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ field: 'indicators.1', old_value: expect.objectContaining({ name: '预算有第一支予' }), new_value: row });
  });

  it('adds a missing row: the score-sum warning is re-checked and clears, the stored metrics move; deleting it brings both back', async () => {
    const start = (await analyst.agent.get(`/api/reports/${xiangtan}`)).body;
    const sumWarning = start.warnings.find((w: Warning) => w.code === 'SCORE_SUM_MISMATCH');
    expect(sumWarning?.message).toContain('88');
    const m0 = await metric(xiangtan);
    expect(m0.s).toBe(88);

    const added = await rows(analyst, xiangtan, {
      reason: '补录原表漏识别的一行', table: 'indicators', action: 'add',
      row: { level1: '效益', level2: '社会效益', name: '服务企业满意度', target: '≥90%', actual: '95%', weight: 10, score: 10 },
    }).expect(200);
    expect(added.body.document.indicators).toHaveLength(25);
    expect(added.body.document.indicators[24]).toMatchObject({ name: '服务企业满意度', category: '效益', note: null });
    expect(codes(added.body.warnings)).not.toContain('SCORE_SUM_MISMATCH');
    const [{ n: warned }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM report_warning WHERE report_id = $1 AND code = 'SCORE_SUM_MISMATCH'`, [xiangtan]);
    expect(warned).toBe(0);
    expect((await stored(xiangtan))).toHaveLength(25);
    const m1 = await metric(xiangtan);
    expect(m1.s).toBe(98);
    expect(m1.w).toBe(m0.w + 10);
    expect(added.body.corrections.at(-1)).toMatchObject({ path: 'indicators.24', label: '绩效指标第 25 行', change: 'row_added', before: null, extracted: null });

    const deleted = await rows(analyst, xiangtan, { reason: '误加，删除', table: 'indicators', action: 'delete', index: 24 }).expect(200);
    expect(deleted.body.document.indicators).toHaveLength(24);
    expect(codes(deleted.body.warnings)).toContain('SCORE_SUM_MISMATCH');
    expect((await metric(xiangtan)).s).toBe(88);
    expect(deleted.body.corrections.at(-1)).toMatchObject({ path: 'indicators.24', change: 'row_deleted', after: null, before: expect.objectContaining({ name: '服务企业满意度' }) });
    expect(await edits(xiangtan)).toHaveLength(3);
  });

  it('adds, corrects and deletes score-breakdown rows the same way', async () => {
    const start = (await analyst.agent.get(`/api/reports/${xiangtan}`)).body.document.scoreBreakdown;
    expect(start).toHaveLength(1);
    const fixed = await rows(analyst, xiangtan, { reason: '一级指标名称按原表', table: 'scoreBreakdown', action: 'update', index: 0, row: { level1: '管理' } }).expect(200);
    expect(fixed.body.document.scoreBreakdown[0]).toEqual({ level1: '管理', level2: '资产管理', weight: 5, score: 5 });
    const added = await rows(analyst, xiangtan, { reason: '补录决策指标', table: 'scoreBreakdown', action: 'add', index: 0, row: { level1: '决策', weight: 20, score: 19 } }).expect(200);
    expect(added.body.document.scoreBreakdown.map((r: { level1: string }) => r.level1)).toEqual(['决策', '管理']);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM report_score_breakdown WHERE report_id = $1`, [xiangtan]);
    expect(n).toBe(2);
    const removed = await rows(analyst, xiangtan, { reason: '撤回', table: 'scoreBreakdown', action: 'delete', index: 0 }).expect(200);
    expect(removed.body.document.scoreBreakdown).toEqual([{ level1: '管理', level2: '资产管理', weight: 5, score: 5 }]);
    expect(removed.body.corrections.slice(-3).map((c: { label: string; change: string }) => `${c.change} ${c.label}`)).toEqual([
      'row_updated 评分明细第 1 行', 'row_added 评分明细第 1 行', 'row_deleted 评分明细第 1 行',
    ]);
  });

  it('never edits a confirmed version in place: the row correction becomes a new draft version', async () => {
    await analyst.agent.post(`/api/reports/${xiangtan}/confirm`).set('x-csrf-token', analyst.csrf).expect(200);
    const res = await rows(analyst, xiangtan, { reason: '确认后补正', table: 'indicators', action: 'update', index: 0, row: { level1: '过程', level2: '预算执行' } }).expect(200);
    expect(res.body).toMatchObject({ status: 'draft', version: 2, revisedFrom: xiangtan });
    expect(res.body.id).not.toBe(xiangtan);
    const confirmed = (await analyst.agent.get(`/api/reports/${xiangtan}`)).body;
    expect(confirmed.status).toBe('confirmed');
    expect(confirmed.document.indicators[0].level1).toBeNull();
    expect((await stored(res.body.id))[0]).toMatchObject({ level1: '过程', category: '过程' });
    expect((await stored(xiangtan))[0].level1).toBeNull();
    // The ledger of the new version carries the history of the one it revises.
    expect(res.body.corrections.length).toBe(7);
  });

  it('refuses bad input with a Chinese message naming the field, and changes nothing', async () => {
    const events = (await edits(xiangtan)).length;
    const cases: [object, string, RegExp][] = [
      [{ table: 'indicators', action: 'update', index: 0, row: { name: 'x' } }, 'VALIDATION_FAILED', /原因必填/],
      [{ reason: '核对', table: 'tables', action: 'add', row: { name: 'x' } }, 'VALIDATION_FAILED', /表格必须是绩效指标/],
      [{ reason: '核对', table: 'indicators', action: 'remove', index: 0 }, 'VALIDATION_FAILED', /操作必须是新增/],
      [{ reason: '核对', table: 'indicators', action: 'update', index: 0, row: { weight: '五' } }, 'VALIDATION_FAILED', /行内容分值必须是数字/],
      [{ reason: '核对', table: 'indicators', action: 'update', index: 0, row: { score: -1 } }, 'VALIDATION_FAILED', /行内容得分不能小于 0/],
      [{ reason: '核对', table: 'indicators', action: 'delete', index: 99 }, 'ROW_NOT_FOUND', /绩效指标没有第 100 行（共 24 行）/],
      [{ reason: '核对', table: 'indicators', action: 'update', index: 0 }, 'ROW_REQUIRED', /请填写绩效指标行的内容/],
      [{ reason: '核对', table: 'indicators', action: 'add', row: {} }, 'ROW_EMPTY', /新增的绩效指标行至少要填一项/],
      [{ reason: '核对', table: 'scoreBreakdown', action: 'add', row: { name: '预算执行率', weight: 5 } }, 'ROW_CELL_UNKNOWN', /评分明细行没有三级指标/],
    ];
    for (const [body, error, message] of cases) {
      const res = await rows(analyst, xiangtan, body).expect(400);
      expect(res.body.error).toBe(error);
      expect(res.body.message).toMatch(message);
      expect(res.body.message).not.toMatch(/[A-Za-z]{4,} [a-z]{2,}/);
    }
    expect((await edits(xiangtan)).length).toBe(events);
  });

  it('answers validation errors anywhere in Chinese with the field named: 年度, 报告类型', async () => {
    const year = await analyst.agent.get('/api/reports?year=1999').expect(400);
    expect(year.body.message).toBe('请求内容不符合要求：年度不能小于 2000');
    expect(year.body.details).toEqual([{ field: 'year', message: '年度不能小于 2000' }]);
    const kind = await analyst.agent.patch(`/api/reports/${xiangtan}`).set('x-csrf-token', analyst.csrf)
      .send({ reason: '核对', edits: [{ path: 'reportKind', value: 'annual' }] }).expect(400);
    expect(kind.body.error).toBe('DOCUMENT_INVALID');
    expect(kind.body.message).toContain('报告类型必须是以下之一：部门整体支出（department_overall）、项目支出（project）');
    const unknown = await analyst.agent.patch(`/api/reports/${xiangtan}`).set('x-csrf-token', analyst.csrf)
      .send({ reason: '核对', edits: [{ path: 'indicators.99.actual', value: '1' }] }).expect(400);
    expect(unknown.body.message).toBe('修改无效：报告中没有绩效指标第 100 行实际完成值');
  });
});
