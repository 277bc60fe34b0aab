import request from 'supertest';
import { sessionAs, startTestApp, type TestApp } from './support/test-app.js';

interface Node { code: string; name: string; level: string; children: Node[] }

describe('GET /api/regions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('returns Hunan as province → 14 prefecture-level divisions → counties', async () => {
    const { agent } = await sessionAs(t, 'viewer');
    const res = await agent.get('/api/regions').expect(200);
    const [hunan] = res.body as Node[];
    expect(res.body).toHaveLength(1);
    expect(hunan).toMatchObject({ code: '430000', name: '湖南省', level: 'province' });
    expect(hunan!.children).toHaveLength(14);
    const city = (code: string) => hunan!.children.find((c) => c.code === code)!;
    const childCodes = (code: string) => city(code).children.map((c) => `${c.code} ${c.name}`);

    expect(city('430100').name).toBe('长沙市');
    expect(childCodes('430100')).toEqual(expect.arrayContaining(['430181 浏阳市', '430112 望城区']));
    expect(city('430300').name).toBe('湘潭市');
    expect(childCodes('430300')).toContain('430321 湘潭县');
    expect(city('430900')).toMatchObject({ name: '益阳市', level: 'city' });
    expect(city('433100')).toMatchObject({ name: '湘西土家族苗族自治州', level: 'city' });
    expect(city('433100').children.every((c) => c.level === 'county')).toBe(true);
  });

  it('shows a submitter only its own subtree', async () => {
    const { agent } = await sessionAs(t, 'submitter', '430100');
    const res = await agent.get('/api/regions').expect(200);
    expect(res.body).toHaveLength(1);
    expect(res.body[0]).toMatchObject({ code: '430100', name: '长沙市' });
    expect((res.body[0] as Node).children.map((c) => c.code)).toContain('430181');
  });

  it('needs a session', async () => {
    const res = await request(t.server).get('/api/regions').expect(401);
    expect(res.body).toMatchObject({ statusCode: 401, error: 'UNAUTHENTICATED' });
  });
});
