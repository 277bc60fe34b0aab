import type { ReportDocument } from '@hunan-perf/contracts';
import { confirm, cleanReport, uploadDoc } from './support/crafted-reports.js';
import { sessionAs, startTestApp, type Session, type TestApp } from './support/test-app.js';
import { binary } from './support/uploads.js';

interface Flag { code: string; title: string; description: string; rows: { position: number | null; label: string; detail: string }[] }

/** One change to the clean report per flag: each must raise that flag and nothing else. */
const CASES: [string, (d: ReportDocument) => void][] = [
  ['ALL_FULL_MARKS', (d) => { for (const r of d.indicators) r.score = r.weight; d.score.total = 100; }],
  ['HIGH_SCORE_LOW_EXECUTION', (d) => { d.budget.total.actual = 700; }],
  ['TARGET_TOO_LOW', (d) => { d.indicators[0]!.actual = '60家'; }],
  ['COST_AT_LEAST', (d) => { d.indicators[2]!.target = '不低于30万元'; }],
  ['EMPTY_PROBLEMS', (d) => { d.findings.problems = ['暂无。']; d.warnings = [{ code: 'RATE_MISMATCH', message: '执行率与金额不符', path: 'budget.total' }]; }],
  ['WEIGHT_SUM_OFF', (d) => { d.indicators[1]!.weight = 25; }],
];

describe('自评质量提示: each flag fires on a constructed report and stays silent on a clean one', () => {
  let t: TestApp;
  let analyst: Session;
  let admin: Session;
  const flagsOf = async (id: string, s = analyst): Promise<Flag[]> => (await s.agent.get(`/api/reports/${id}/quality-flags`).expect(200)).body.flags;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    analyst = await sessionAs(t, 'analyst');
    admin = await sessionAs(t, 'admin');
    ids.clean = await uploadDoc(analyst, cleanReport('liuyang', 2030));
    for (const [code, change] of CASES) {
      const doc = cleanReport('liuyang', 2030);
      change(doc);
      ids[code] = await uploadDoc(analyst, doc, `liuyang-2030-${code}.json`);
    }
  }, 120_000);
  afterAll(() => t.close());

  it('raises nothing on the clean report', async () => {
    expect(await flagsOf(ids.clean!)).toEqual([]);
  });

  it.each(CASES.map(([code]) => code))('raises %s alone on the report built to show it, with a Chinese title and the offending rows', async (code) => {
    const flags = await flagsOf(ids[code]!);
    expect(flags.map((f) => f.code)).toEqual([code]);
    expect(flags[0]!.title).toMatch(/[\u4e00-\u9fff]/);
    expect(flags[0]!.rows.length).toBeGreaterThan(0);
  });

  it('names the offending rows: the indicator and its figures', async () => {
    const [tooLow] = await flagsOf(ids.TARGET_TOO_LOW!);
    expect(tooLow!.rows).toEqual([{ position: 0, label: '新增规模工业企业', detail: '指标值 ≥40家，实际 60家，完成 150%' }]);
    const [cost] = await flagsOf(ids.COST_AT_LEAST!);
    expect(cost).toMatchObject({ title: '成本指标写成“不低于”', rows: [{ position: 2, label: '三公经费支出', detail: '指标值写作 不低于30万元' }] });
    const [low] = await flagsOf(ids.HIGH_SCORE_LOW_EXECUTION!);
    expect(low!.rows[0]!.detail).toBe('自评得分 92 分，预算执行率 63.64%');
    const [weights] = await flagsOf(ids.WEIGHT_SUM_OFF!);
    expect(weights!.rows[0]!.detail).toBe('指标表合计 105 分，应为 100 分');
  });

  it('keeps an empty 存在的问题 silent while 执行率 is fine and no warning is open', async () => {
    const doc = cleanReport('liuyang', 2030);
    doc.findings.problems = [];
    expect(await flagsOf(await uploadDoc(analyst, doc, 'liuyang-2030-quiet.json'))).toEqual([]);
    doc.budget.total.actual = 700;
    doc.score.total = 85;
    expect((await flagsOf(await uploadDoc(analyst, doc, 'liuyang-2030-low.json'))).map((f) => f.code)).toEqual(['EMPTY_PROBLEMS']);
  });

  it('lists the flag count in 报告 and filters by a flag', async () => {
    const items: { id: string; qualityFlagCount: number; qualityFlags: string[] }[] =
      (await analyst.agent.get('/api/reports?year=2030&limit=100').expect(200)).body.items;
    expect(items.find((i) => i.id === ids.clean)).toMatchObject({ qualityFlagCount: 0, qualityFlags: [] });
    expect(items.find((i) => i.id === ids.TARGET_TOO_LOW)).toMatchObject({ qualityFlagCount: 1, qualityFlags: ['TARGET_TOO_LOW'] });
    const filtered = (await analyst.agent.get('/api/reports?year=2030&qualityFlag=COST_AT_LEAST').expect(200)).body.items;
    expect(filtered.map((i: { id: string }) => i.id)).toEqual([ids.COST_AT_LEAST]);
    const bad = await analyst.agent.get('/api/reports?qualityFlag=NOPE').expect(400);
    expect(bad.body.message).toContain('qualityFlag');
  });

  it('recomputes the flags in a correction (a new version) in the same write', async () => {
    const res = await analyst.agent.patch(`/api/reports/${ids.TARGET_TOO_LOW}/rows`).set('x-csrf-token', analyst.csrf)
      .send({ table: 'indicators', action: 'update', index: 0, row: { actual: '45家' }, reason: '核对原文' });
    expect(res.status).toBe(200);
    expect(await flagsOf(res.body.id)).toEqual([]);
  });

  it('aggregates per region over current confirmed reports: count and share of reports per flag, with exports', async () => {
    const full = cleanReport('liuyang', 2031);
    CASES[0]![1](full);
    CASES[2]![1](full);
    const weights = cleanReport('xiangxi', 2031);
    CASES[5]![1](weights);
    for (const doc of [full, cleanReport('wangcheng', 2031), weights]) await confirm(analyst, await uploadDoc(analyst, doc));
    const body = (await analyst.agent.get('/api/analytics/quality-flags?year=2031').expect(200)).body;
    const count = (r: { counts: { code: string; count: number; share: number | null }[] }, code: string) => r.counts.find((c) => c.code === code);
    expect(body.regions.map((r: { regionName: string; reports: number; flagged: number }) => [r.regionName, r.reports, r.flagged])).toEqual([
      ['望城区', 1, 0], ['浏阳市', 1, 1], ['湘西土家族苗族自治州', 1, 1],
    ]);
    expect(body.total).toMatchObject({ regionName: '合计', reports: 3, flagged: 2, flaggedShare: 66.67 });
    expect(count(body.total, 'ALL_FULL_MARKS')).toEqual({ code: 'ALL_FULL_MARKS', count: 1, share: 33.33 });
    expect(count(body.total, 'WEIGHT_SUM_OFF')).toEqual({ code: 'WEIGHT_SUM_OFF', count: 1, share: 33.33 });
    expect(count(body.total, 'EMPTY_PROBLEMS')).toEqual({ code: 'EMPTY_PROBLEMS', count: 0, share: 0 });
    // 长沙市 holds 浏阳 and 望城: one of its two reports is at full marks.
    const changsha = (await analyst.agent.get('/api/analytics/quality-flags?year=2031&regionCode=430100').expect(200)).body;
    expect(changsha.total.reports).toBe(2);
    expect(count(changsha.total, 'ALL_FULL_MARKS')).toMatchObject({ count: 1, share: 50 });

    const csv = (await analyst.agent.get('/api/analytics/quality-flags?year=2031&format=csv').buffer(true).parse(binary).expect(200)).body as Buffer;
    const lines = csv.toString('utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toContain('地区,报告数,有提示的报告数,有提示的报告占比（%）,指标全部满分（份）,指标全部满分占比（%）');
    expect(lines.at(-1)).toMatch(/^合计,3,2,66\.67,1,33\.33/);
    const xlsx = await analyst.agent.get('/api/analytics/quality-flags?year=2031&format=xlsx').buffer(true).parse(binary).expect(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('lets an admin change the thresholds: validated in Chinese, audited, every report recomputed', async () => {
    const settings = (await analyst.agent.get('/api/settings/quality-flags').expect(200)).body;
    expect(settings.thresholds).toMatchObject({ highScore: 90, lowExecutionRate: 80, targetExceededPercent: 130 });
    expect(settings.flags.find((f: Flag) => f.code === 'TARGET_TOO_LOW').description).toContain('130%');
    const doc = cleanReport('liuyang', 2030);
    doc.indicators[0]!.actual = '61家';
    const tooLow = await uploadDoc(analyst, doc, 'liuyang-2030-threshold.json');
    expect((await flagsOf(tooLow)).map((f) => f.code)).toEqual(['TARGET_TOO_LOW']);
    const next = { ...settings.thresholds, version: 'test-2', targetExceededPercent: 200 };
    await analyst.agent.put('/api/settings/quality-flags').set('x-csrf-token', analyst.csrf).send(next).expect(403);
    const bad = await admin.agent.put('/api/settings/quality-flags').set('x-csrf-token', admin.csrf).send({ ...next, highScore: 'x' }).expect(400);
    expect(bad.body.message).toContain('高分线（分）必须是 0–100 之间的数字');
    await admin.agent.put('/api/settings/quality-flags').set('x-csrf-token', admin.csrf).send(next).expect(200);
    expect(await flagsOf(ids.ALL_FULL_MARKS!)).toHaveLength(1);
    // 150 % is no longer above the bar.
    expect(await flagsOf(tooLow)).toEqual([]);
    const [stored] = await t.dataSource.query(`SELECT thresholds_version FROM report_quality WHERE report_id = $1`, [tooLow]);
    expect(stored.thresholds_version).toBe('test-2');
    const [event] = await t.dataSource.query(
      `SELECT action, new_value FROM audit_event WHERE entity_id = 'quality.thresholds' ORDER BY id DESC LIMIT 1`,
    );
    expect(event).toMatchObject({ action: 'setting.update', new_value: { targetExceededPercent: 200, version: 'test-2' } });
  });

  it('shows a report\'s flags only to who may see the report', async () => {
    const elsewhere = await sessionAs(t, 'submitter', '433100');
    await elsewhere.agent.get(`/api/reports/${ids.ALL_FULL_MARKS}/quality-flags`).expect(404);
    const own = await sessionAs(t, 'submitter', '430181');
    expect((await flagsOf(ids.ALL_FULL_MARKS!, own)).map((f) => f.code)).toEqual(['ALL_FULL_MARKS']);
    const viewer = await sessionAs(t, 'viewer');
    await viewer.agent.get(`/api/reports/${ids.ALL_FULL_MARKS}/quality-flags`).expect(404);
  });
});
