import { sessionAs, startTestApp, type Session, type TestApp } from './support/test-app.js';

const unit = (name: string, regionCode = '430181') => ({ name, regionCode });

describe('each role: one read and one write, allowed or denied as designed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const write = (s: Session, path: string, body: object) => s.agent.post(path).set('x-csrf-token', s.csrf).send(body);

  it('admin reads users and creates a submitter account', async () => {
    const s = await sessionAs(t, 'admin');
    await s.agent.get('/api/users').expect(200);
    const res = await write(s, '/api/users', { username: 'liuyang-clerk', password: 'a-long-password', role: 'submitter', regionCode: '430181' }).expect(201);
    expect(res.body).toMatchObject({ username: 'liuyang-clerk', role: 'submitter', regionCode: '430181' });
    expect(res.body).not.toHaveProperty('passwordHash');
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'user.create' AND entity_id = $1`, [res.body.id]);
    expect(n).toBe(1);
  });

  it('analyst reads units and creates one, but may not manage users', async () => {
    const s = await sessionAs(t, 'analyst');
    await s.agent.get('/api/units').expect(200);
    const res = await write(s, '/api/units', { ...unit('浏阳市商务局'), aliases: ['浏阳商务局'] }).expect(201);
    expect(res.body).toMatchObject({ name: '浏阳市商务局', regionName: '浏阳市', aliases: ['浏阳商务局'] });
    await s.agent.get('/api/users').expect(403);
  });

  it('analyst cannot create a second copy of a unit known by that name or alias', async () => {
    const s = await sessionAs(t, 'analyst');
    const byAlias = await write(s, '/api/units', unit('浏阳商务局')).expect(409);
    expect(byAlias.body.error).toBe('UNIT_EXISTS');
    // 浏阳市工信局 is an alias of a unit from the registry (data/units.json).
    await write(s, '/api/units', unit('浏阳市工信局')).expect(409);
  });

  it('viewer reads units but cannot create one', async () => {
    const s = await sessionAs(t, 'viewer');
    const list = await s.agent.get('/api/units').expect(200);
    expect(list.body.map((u: { name: string }) => u.name)).toContain('浏阳市商务局');
    const res = await write(s, '/api/units', unit('望城区工业和信息化局', '430112')).expect(403);
    expect(res.body.error).toBe('FORBIDDEN');
  });

  it('submitter sees only units of its own region subtree and cannot create units', async () => {
    const admin = await sessionAs(t, 'admin');
    await write(admin, '/api/units', unit('湘潭县财政局', '430321')).expect(201);
    const s = await sessionAs(t, 'submitter', '430100');
    const list = await s.agent.get('/api/units').expect(200);
    const names = list.body.map((u: { name: string }) => u.name);
    expect(names).toContain('浏阳市工业和信息化局');
    expect(names).not.toContain('湘潭县财政局');
    expect(names).not.toContain('湘潭县科技和工业信息化局');
    await s.agent.get('/api/units?regionCode=430300').expect(403);
    await write(s, '/api/units', unit('长沙市某局', '430100')).expect(403);
  });

  it('validation names the bad fields', async () => {
    const s = await sessionAs(t, 'analyst');
    const res = await write(s, '/api/units', { name: '', regionCode: '43', extra: true }).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['extra', 'name', 'regionCode']);
    const unknownRegion = await write(s, '/api/units', unit('某单位', '999999')).expect(400);
    expect(unknownRegion.body.error).toBe('REGION_NOT_FOUND');
  });
});
