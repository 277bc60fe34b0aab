import { seed, upload } from './support/uploads.js';
import { sessionAs, startTestApp, type TestApp } from './support/test-app.js';

/** Issue 12 item 7: an unresolved report's unit candidates stay inside the viewer's region scope. */
describe('unit candidates of an unresolved report', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('a 浏阳 submitter sees only 浏阳 candidates; an unlimited analyst sees the others too', async () => {
    // A unit of another region whose name is close to the report's: a candidate for the province, not for 浏阳.
    await t.dataSource.query(`INSERT INTO unit (name, region_code) VALUES ('长沙市商务局', '430100')`);
    const liuyang = await sessionAs(t, 'submitter', '430181');
    const bytes = Buffer.from(seed('000').bytes.toString('utf8').replaceAll('浏阳市工业和信息化局', '浏阳市商务局'));
    const res = await upload(liuyang, [{ name: 'liuyang-commerce.txt', bytes }]).expect(201);
    const id = res.body[0].reportId as string;
    expect(res.body[0].status).toBe('unresolved');

    const analyst = await sessionAs(t, 'analyst');
    const wide = (await analyst.agent.get(`/api/reports/${id}`).expect(200)).body.candidates as { regionCode: string }[];
    expect(wide.map((c) => c.regionCode)).toEqual(expect.arrayContaining(['430181', '430100']));

    const own = (await liuyang.agent.get(`/api/reports/${id}`).expect(200)).body.candidates as { regionCode: string; name: string }[];
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((c) => c.regionCode === '430181')).toBe(true);
    expect(own[0]!.name).toBe('浏阳市工业和信息化局');

    // The answer to a submitter's correction carries the same clipped list.
    const edited = await liuyang.agent.patch(`/api/reports/${id}`).set('x-csrf-token', liuyang.csrf)
      .send({ reason: '更正得分', edits: [{ path: 'score.total', value: 90 }] }).expect(200);
    expect((edited.body.candidates as { regionCode: string }[]).every((c) => c.regionCode === '430181')).toBe(true);
  });
});
