import { rowCounts, SEEDS, seed, upload } from './support/uploads.js';
import { sessionAs, startTestApp, type Session, type TestApp } from './support/test-app.js';

describe('POST /api/documents', () => {
  let t: TestApp;
  let analyst: Session;
  beforeAll(async () => {
    t = await startTestApp();
    analyst = await sessionAs(t, 'analyst');
  });
  afterAll(() => t.close());

  it('takes all five seeds in one request, resolves their units and stores drafts', async () => {
    const res = await upload(analyst, SEEDS.map((name) => seed(name))).expect(201);
    expect(res.body).toHaveLength(5);
    const byFile = Object.fromEntries(res.body.map((o: { fileName: string }) => [o.fileName.slice(0, 3), o]));
    expect(byFile['000']).toMatchObject({ created: true, fiscalYear: 2021, status: 'draft', unit: { name: '浏阳市工业和信息化局' } });
    expect(byFile['001']).toMatchObject({ fiscalYear: 2021, unit: { name: '长沙市望城区工业和信息化局' } });
    expect(byFile['002']).toMatchObject({ fiscalYear: 2023, unit: { name: '湘潭县科技和工业信息化局' } });
    expect(byFile['003']).toMatchObject({ fiscalYear: 2024, unit: { name: '益阳市工业和信息化局' } });
    expect(byFile['004']).toMatchObject({ fiscalYear: 2021, unit: { name: '湘西土家族苗族自治州工业和信息化局' } });
    // 浏阳's document also holds its 项目支出 self-evaluation (附件3).
    expect(byFile['000'].reports.map((r: { kind: string }) => r.kind)).toEqual(['department_overall', 'project']);
    for (const o of res.body) expect(o.sha256).toMatch(/^[0-9a-f]{64}$/);

    const counts = await rowCounts(t.dataSource);
    expect(counts.source_document).toBe(5);
    expect(counts.report).toBe(6);
    expect(counts.report_budget).toBe(18);
    const [{ bytes }] = await t.dataSource.query(`SELECT sum(size_bytes)::int AS bytes FROM source_document`);
    expect(bytes).toBe(SEEDS.reduce((sum, name) => sum + seed(name).bytes.length, 0));
  });

  it('the same bytes again return the same document with created: false and write nothing', async () => {
    const before = await rowCounts(t.dataSource);
    const first = await upload(analyst, [seed('003')]).expect(201);
    expect(first.body[0]).toMatchObject({ created: false });
    const [{ id }] = await t.dataSource.query(`SELECT id FROM source_document WHERE sha256 = $1`, [first.body[0].sha256]);
    expect(first.body[0].documentId).toBe(id);
    const after = await rowCounts(t.dataSource);
    expect(after).toEqual(before);
  });

  it('20 concurrent uploads of one new file give exactly one document and one draft', async () => {
    const file = { name: 'yiyang-copy.txt', bytes: Buffer.concat([seed('003').bytes, Buffer.from('\n（并发测试副本）\n')]) };
    const results = await Promise.all(Array.from({ length: 20 }, () => upload(analyst, [file])));
    for (const r of results) expect(r.status).toBe(201);
    const created = results.filter((r) => r.body[0].created).length;
    expect(created).toBe(1);
    expect(new Set(results.map((r) => r.body[0].documentId)).size).toBe(1);
    const [{ docs }] = await t.dataSource.query(`SELECT count(*)::int AS docs FROM source_document WHERE file_name = 'yiyang-copy.txt'`);
    const [{ reports }] = await t.dataSource.query(
      `SELECT count(*)::int AS reports FROM report r JOIN source_document d ON d.id = r.source_document_id WHERE d.file_name = 'yiyang-copy.txt'`,
    );
    expect(docs).toBe(1);
    expect(reports).toBe(1);
  });

  it('a changed file for the same unit and year is a new version; the old one stays readable', async () => {
    const original = (await upload(analyst, [seed('004')]).expect(201)).body[0];
    const changed = { name: 'xiangxi-v2.txt', bytes: Buffer.from(seed('004').bytes.toString('utf8').replace('联系人', '联系人（更正版）')) };
    const res = await upload(analyst, [changed]).expect(201);
    const v2 = res.body[0].reports[0];
    expect(v2.version).toBe(2);
    expect(v2.reportId).not.toBe(original.reportId);
    const old = await analyst.agent.get(`/api/reports/${original.reportId}`).expect(200);
    expect(old.body).toMatchObject({ version: 1, status: 'draft' });
    const versions = await analyst.agent.get(`/api/reports/${v2.reportId}/versions`).expect(200);
    expect(versions.body.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });
});
