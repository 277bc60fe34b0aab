import { startSeededApp } from './support/seeded-app.js';
import { newUser, sessionAs, signIn, type Session, type TestApp } from './support/test-app.js';
import { binary } from './support/uploads.js';

/** 抽查复核 over HTTP (issue 14 item 2): draw, sample view, reviewer, 复核 scores, gaps, exports and roles. */
describe('spot-check API', () => {
  let t: TestApp;
  let year: number;
  let analyst: Session;
  let admin: Session;
  let target: { unit_id: string; report_id: string; position: number; score: string; score_total: string; region_code: string };
  beforeAll(async () => {
    ({ t } = await startSeededApp());
    [{ year }] = await t.dataSource.query(
      `SELECT fiscal_year AS year FROM report WHERE status = 'confirmed' AND kind = 'department_overall' GROUP BY fiscal_year ORDER BY count(*) DESC, fiscal_year LIMIT 1`,
    );
    [target] = await t.dataSource.query(
      `SELECT r.unit_id, r.id AS report_id, i.position, i.score, r.score_total, u.region_code
         FROM report_indicator i JOIN report r ON r.id = i.report_id JOIN unit u ON u.id = r.unit_id
        WHERE r.fiscal_year = $1 AND r.status = 'confirmed' AND r.kind = 'department_overall' AND i.score > 1 AND r.score_total > 20
        ORDER BY r.id, i.position LIMIT 1`,
      [year],
    );
    analyst = await sessionAs(t, 'analyst');
    admin = await sessionAs(t, 'admin');
  });
  afterAll(() => t.close());

  const draw = (s: Session, body: object) => s.agent.post(`/api/spot-checks/${year}/draw`).set('x-csrf-token', s.csrf).send(body);
  const sample = async (s: Session = analyst) => (await s.agent.get(`/api/spot-checks/${year}`).expect(200)).body;
  const itemOf = async (s: Session = analyst) => (await sample(s)).items.find((i: { reportId: string }) => i.reportId === target.report_id);

  it('draws the same sample again from the same seed, as a new version, audited', async () => {
    const body = { size: { kind: 'count', value: 2 }, seed: 'api-种子', mustIncludeUnitIds: [target.unit_id] };
    const first = (await draw(analyst, body).expect(200)).body;
    const firstItems = (await sample()).items.map((i: { reportId: string }) => i.reportId).sort();
    const second = (await draw(analyst, body).expect(200)).body;
    const current = await sample();
    expect(second.version).toBe(first.version + 1);
    expect(current).toMatchObject({ version: second.version, seed: 'api-种子', size: { kind: 'count', value: 2 }, mustIncludeUnitIds: [target.unit_id] });
    expect(current.items.map((i: { reportId: string }) => i.reportId).sort()).toEqual(firstItems);
    expect(current.items).toHaveLength(second.sampled);
    expect(current.strata.reduce((s: number, x: { allocated: number }) => s + x.allocated, 0)).toBe(second.sampled);
    expect(await itemOf()).toMatchObject({ mustInclude: true, status: 'unassigned', statusLabel: '未指派', reviewerId: null, reviewTotal: null, gap: null, flagged: false, selfTotal: Number(target.score_total) });
    const audits = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'spot_check.draw'`);
    expect(audits[0].n).toBe(2);
  });

  it('refuses bad draws in Chinese and draws by viewers and submitters', async () => {
    const bad = await draw(analyst, { size: { kind: 'percent', value: 150 }, seed: 's' }).expect(400);
    expect(bad.body.message).toMatch(/抽样比例/);
    const kind = await draw(analyst, { size: { kind: 'half', value: 1 }, seed: 's' }).expect(400);
    expect(JSON.stringify(kind.body)).toMatch(/count 或 percent/);
    await draw(await sessionAs(t, 'viewer'), { size: { kind: 'count', value: 1 }, seed: 's' }).expect(403);
    await draw(await sessionAs(t, 'submitter', target.region_code), { size: { kind: 'count', value: 1 }, seed: 's' }).expect(403);
    await analyst.agent.get('/api/spot-checks/1999').expect(400);
  });

  it('assigns a reviewer, records 复核 scores (a differing score needs a reason) and flags a gap above the margin', async () => {
    const item = await itemOf();
    const reviewerUser = await newUser(t, 'analyst');
    const reviewer = await signIn(t, reviewerUser.username, reviewerUser.password);
    const submitter = await sessionAs(t, 'submitter', target.region_code);
    await submitter.agent.put(`/api/spot-checks/items/${item.id}/reviewer`).set('x-csrf-token', submitter.csrf).send({ reviewerId: reviewer.userId }).expect(403);
    await analyst.agent.put(`/api/spot-checks/items/${item.id}/reviewer`).set('x-csrf-token', analyst.csrf).send({ reviewerId: reviewer.userId }).expect(200);
    expect(await itemOf()).toMatchObject({ reviewerId: reviewer.userId, reviewerName: reviewerUser.username, status: 'assigned', statusLabel: '待复核' });

    const self = Number(target.score);
    const selfTotal = Number(target.score_total);
    const review = (s: Session, body: object) => s.agent.put(`/api/spot-checks/items/${item.id}/review`).set('x-csrf-token', s.csrf).send(body);
    const row = { kind: 'indicator', position: target.position, score: self - 1 };
    await review(analyst, { rows: [row], total: null }).expect(403);
    const refused = await review(reviewer, { rows: [row], total: selfTotal - 10 }).expect(400);
    expect(refused.body.message).toMatch(/与自评分.*不同，须填写理由/);
    const noTotalReason = await review(reviewer, { rows: [{ ...row, reason: '佐证不足' }], total: selfTotal - 10 }).expect(400);
    expect(noTotalReason.body.message).toMatch(/复核总分.*须填写理由/);
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM spot_check_score WHERE item_id = $1`, [item.id]))[0].n).toBe(0);
    await review(reviewer, { rows: [{ ...row, reason: '佐证不足' }], total: selfTotal - 10, totalReason: '两项指标无佐证' }).expect(200);
    const reviewed = await itemOf();
    expect(reviewed).toMatchObject({ reviewTotal: selfTotal - 10, totalReason: '两项指标无佐证', gap: 10, flagged: true });
    const actions = await t.dataSource.query(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id`, [item.id]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['spot_check.assign', 'spot_check.record']);

    const gaps = (await analyst.agent.get(`/api/spot-checks/${year}/gaps`).expect(200)).body;
    expect(gaps.gapMargin).toBe(5);
    expect(gaps.flagged.map((i: { id: string }) => i.id)).toEqual([item.id]);
    expect(gaps.regions.find((r: { regionCode: string }) => r.regionCode === target.region_code)).toMatchObject({ reviewed: 1, flagged: 1, meanGap: 10, maxGap: 10 });

    await analyst.agent.put('/api/settings/spot-check').set('x-csrf-token', analyst.csrf).send({ gapMargin: 20 }).expect(403);
    await admin.agent.put('/api/settings/spot-check').set('x-csrf-token', admin.csrf).send({ gapMargin: 20 }).expect(200);
    expect((await analyst.agent.get('/api/settings/spot-check').expect(200)).body).toEqual({ gapMargin: 20 });
    expect((await analyst.agent.get(`/api/spot-checks/${year}/gaps`).expect(200)).body.flagged).toEqual([]);
    const badMargin = await admin.agent.put('/api/settings/spot-check').set('x-csrf-token', admin.csrf).send({ gapMargin: -1 }).expect(400);
    expect(JSON.stringify(badMargin.body)).toMatch(/不能小于 0/);
    await admin.agent.put('/api/settings/spot-check').set('x-csrf-token', admin.csrf).send({ gapMargin: 5 }).expect(200);

    await reviewer.agent.post(`/api/spot-checks/items/${item.id}/submit`).set('x-csrf-token', reviewer.csrf).expect(200);
    expect((await review(reviewer, { rows: [], total: selfTotal }).expect(409)).body.message).toMatch(/已提交锁定/);
    await admin.agent.post(`/api/spot-checks/items/${item.id}/reopen`).set('x-csrf-token', admin.csrf).send({ reason: '重新核对' }).expect(200);
    expect((await itemOf()).status).toBe('assigned');
  });

  it('shows a submitter only the items of units in their region', async () => {
    const all = (await sample()).items as { regionCode: string; id: string }[];
    const submitter = await sessionAs(t, 'submitter', target.region_code);
    const subtree: { code: string }[] = await t.dataSource.query(
      `WITH RECURSIVE s AS (SELECT code FROM region WHERE code = $1 UNION ALL SELECT g.code FROM region g JOIN s ON g.parent_code = s.code) SELECT code FROM s`,
      [target.region_code],
    );
    const codes = new Set(subtree.map((r) => r.code));
    const own = (await sample(submitter)).items as { id: string }[];
    expect(own.map((i) => i.id)).toEqual(all.filter((i) => codes.has(i.regionCode)).map((i) => i.id));
    expect(own.map((i) => i.id)).toContain((await itemOf()).id);
    const [other] = await t.dataSource.query(`SELECT code FROM region WHERE level = 'county' AND NOT (code = ANY($1::text[])) ORDER BY code LIMIT 1`, [[...codes]]);
    const elsewhere = await sessionAs(t, 'submitter', other.code);
    const theirs = await sample(elsewhere);
    expect(theirs.items.every((i: { regionCode: string }) => i.regionCode !== target.region_code)).toBe(true);
    expect(theirs.mustIncludeUnitIds).toEqual([]);
    expect(theirs.strata.every((x: { regionCode: string }) => x.regionCode !== target.region_code)).toBe(true);
    expect((await sample(submitter)).mustIncludeUnitIds).toEqual([target.unit_id]);
  });

  it('exports the sample and the gaps as CSV and XLSX', async () => {
    const body = await sample();
    const csv = (await analyst.agent.get(`/api/spot-checks/${year}?format=csv`).buffer(true).parse(binary).expect(200)).body as Buffer;
    const text = csv.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trim().split(/\r?\n/);
    expect(lines[0]).toBe('单位,地区,层级,必抽,复核人,状态,自评总分,复核总分,差距（自评−复核）,标记,总分理由');
    expect(lines).toHaveLength(body.items.length + 1);
    const item = await itemOf();
    expect(lines.find((l) => l.startsWith(`${item.unitName},`))).toContain(`,${item.selfTotal.toFixed(2)},${item.reviewTotal.toFixed(2)},10.00,`);
    const gapsCsv = ((await analyst.agent.get(`/api/spot-checks/${year}/gaps?format=csv`).buffer(true).parse(binary).expect(200)).body as Buffer).toString('utf8');
    expect(gapsCsv.slice(1).split(/\r?\n/)[0]).toBe('地区代码,地区,已复核单位数,标记单位数,平均差距,最大差距');
    const xlsx = await analyst.agent.get(`/api/spot-checks/${year}/gaps?format=xlsx`).buffer(true).parse(binary).expect(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(xlsx.headers['content-disposition'] as string)).toContain(`抽查差距-${year}.xlsx`);
    await analyst.agent.get(`/api/spot-checks/${year}?format=pdf`).expect(400);
  });

  it('lists the reviewers, opens one item with its rows in scope, labels the level, and locks the items of a superseded sample', async () => {
    const reviewers = (await analyst.agent.get('/api/spot-checks/reviewers').expect(200)).body as { id: string; role: string }[];
    expect(reviewers.map((r) => r.id)).toContain(analyst.userId);
    expect(reviewers.every((r) => ['analyst', 'admin'].includes(r.role))).toBe(true);
    const submitter = await sessionAs(t, 'submitter', target.region_code);
    await submitter.agent.get('/api/spot-checks/reviewers').expect(403);

    const item = await itemOf();
    expect(['省级', '市级', '县级']).toContain(item.levelLabel);
    const detail = (await analyst.agent.get(`/api/spot-checks/items/${item.id}`).expect(200)).body;
    expect(detail).toMatchObject({ fiscalYear: year, current: true, gapMargin: 5, item: { id: item.id, unitName: item.unitName } });
    const row = detail.rows.find((r: { kind: string; position: number }) => r.kind === 'indicator' && r.position === target.position);
    expect(row).toMatchObject({ selfScore: Number(target.score), reviewScore: Number(target.score) - 1, reason: '佐证不足' });
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM report_indicator WHERE report_id = $1`, [target.report_id]);
    expect(detail.rows.filter((r: { kind: string }) => r.kind === 'indicator')).toHaveLength(n);
    expect(detail.rows.filter((r: { kind: string; reviewScore: number | null }) => r.kind === 'indicator' && r.reviewScore === null)).toHaveLength(n - 1);
    await submitter.agent.get(`/api/spot-checks/items/${item.id}`).expect(200);
    const [other] = await t.dataSource.query(`SELECT code FROM region WHERE level = 'county' AND parent_code <> $1 AND code <> $1 ORDER BY code LIMIT 1`, [target.region_code.slice(0, 4) + '00']);
    const elsewhere = await sessionAs(t, 'submitter', other.code);
    expect((await elsewhere.agent.get(`/api/spot-checks/items/${item.id}`).expect(403)).body.message).toMatch(/本地区/);
    await analyst.agent.get('/api/spot-checks/items/00000000-0000-0000-0000-000000000000').expect(404);

    const csv = ((await analyst.agent.get(`/api/spot-checks/${year}?format=csv`).buffer(true).parse(binary).expect(200)).body as Buffer).toString('utf8');
    expect(csv.split(/\r?\n/).find((l) => l.startsWith(`${item.unitName},`))).toContain(`,${item.regionName},${item.levelLabel},`);

    await draw(analyst, { size: { kind: 'count', value: 2 }, seed: 'api-另一个种子', mustIncludeUnitIds: [target.unit_id] }).expect(200);
    expect((await analyst.agent.get(`/api/spot-checks/items/${item.id}`).expect(200)).body.current).toBe(false);
    const locked = await analyst.agent.put(`/api/spot-checks/items/${item.id}/reviewer`).set('x-csrf-token', analyst.csrf).send({ reviewerId: analyst.userId }).expect(409);
    expect(locked.body.message).toMatch(/已重新抽样作废/);
  });
});
