import { rowCounts, seed, upload } from './support/uploads.js';
import { sessionAs, startTestApp, type Session, type TestApp } from './support/test-app.js';

/** A unit the registry does not know yet: 浏阳市商务局, written the way 浏阳's report is laid out. */
const unknownUnit = () => ({
  name: 'liuyang-commerce.txt',
  bytes: Buffer.from(seed('000').bytes.toString('utf8').replaceAll('浏阳市工业和信息化局', '浏阳市商务局')),
});

describe('unresolved units: stored, ranked candidates, resolved by an analyst', () => {
  let t: TestApp;
  let analyst: Session;
  beforeAll(async () => {
    t = await startTestApp();
    analyst = await sessionAs(t, 'analyst');
  });
  afterAll(() => t.close());

  const post = (path: string, body: object = {}) => analyst.agent.post(path).set('x-csrf-token', analyst.csrf).send(body);

  it('never creates a unit silently; ranks same-region units first', async () => {
    const units = (await rowCounts(t.dataSource)).unit;
    const res = await upload(analyst, [unknownUnit()]).expect(201);
    expect(res.body[0]).toMatchObject({ status: 'unresolved', unit: null, fiscalYear: 2021 });
    expect(res.body[0].reports[0]).toMatchObject({ unitNameInReport: '浏阳市商务局', regionCode: '430181' });
    expect((await rowCounts(t.dataSource)).unit).toBe(units);

    const detail = await analyst.agent.get(`/api/reports/${res.body[0].reportId}`).expect(200);
    expect(detail.body.candidates[0]).toMatchObject({ name: '浏阳市工业和信息化局', regionCode: '430181', sameRegion: true });
    expect(detail.body.candidates.every((c: { sameRegion: boolean }, i: number, all: { sameRegion: boolean }[]) => i === 0 || all[i - 1]!.sameRegion >= c.sameRegion)).toBe(true);

    const refused = await post(`/api/reports/${res.body[0].reportId}/confirm`).expect(409);
    expect(refused.body.error).toBe('REPORT_UNRESOLVED');
  });

  it('an analyst creates the unit, saves the report name as alias, and the next report resolves by itself', async () => {
    const list = await analyst.agent.get('/api/reports?status=unresolved').expect(200);
    const id = list.body.items[0].id;
    const bad = await post(`/api/reports/${id}/resolve-unit`, {}).expect(400);
    expect(bad.body.error).toBe('UNIT_CHOICE_REQUIRED');
    const dup = await post(`/api/reports/${id}/resolve-unit`, { newUnit: { name: '浏阳市工业和信息化局', regionCode: '430181' } }).expect(409);
    expect(dup.body.error).toBe('UNIT_EXISTS');

    const res = await post(`/api/reports/${id}/resolve-unit`, {
      newUnit: { name: '浏阳市商务局（新登记）', regionCode: '430181' }, saveAlias: true,
    }).expect(200);
    expect(res.body).toMatchObject({ status: 'draft', version: 1, unit: { name: '浏阳市商务局（新登记）' }, regionCode: '430181' });
    await post(`/api/reports/${id}/confirm`).expect(200);
    await post(`/api/reports/${id}/resolve-unit`, { unitId: res.body.unit.id }).expect(409);

    const next = { name: 'liuyang-commerce-2022.txt', bytes: Buffer.from(unknownUnit().bytes.toString('utf8').replaceAll('2021', '2022')) };
    const again = await upload(analyst, [next]).expect(201);
    expect(again.body[0]).toMatchObject({ status: 'draft', unit: { name: '浏阳市商务局（新登记）' }, fiscalYear: 2022 });
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action IN ('report.resolve_unit', 'unit.create')`);
    expect(n).toBe(2);
  });

  it('picking an existing unit works too', async () => {
    const other = { name: 'liuyang-commerce-b.txt', bytes: Buffer.from(seed('000').bytes.toString('utf8').replaceAll('浏阳市工业和信息化局', '浏阳市工信局机关')) };
    const up = await upload(analyst, [other]).expect(201);
    expect(up.body[0].status).toBe('unresolved');
    const [{ id: unitId }] = await t.dataSource.query(`SELECT id FROM unit WHERE name = '浏阳市工业和信息化局'`);
    const res = await post(`/api/reports/${up.body[0].reportId}/resolve-unit`, { unitId }).expect(200);
    expect(res.body.unit).toEqual({ id: unitId, name: '浏阳市工业和信息化局' });
    // No report of the registered 浏阳 unit was uploaded in this file, so this is its version 1.
    expect(res.body.version).toBe(1);
  });
});
