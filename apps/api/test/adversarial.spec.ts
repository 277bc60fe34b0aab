import iconv from 'iconv-lite';
import JSZip from 'jszip';
import request from 'supertest';
import { emptyReportDocument } from '@hunan-perf/contracts';
import { rowCounts, seed, upload } from './support/uploads.js';
import { sessionAs, startTestApp, type Session, type TestApp } from './support/test-app.js';

type Ctx = { t: TestApp; analyst: Session; admin: Session; reportId: string };
interface Case {
  label: string;
  run: (c: Ctx) => Promise<request.Response>;
  status: number;
  error?: string;
}

const file = (name: string, bytes: Buffer | string) => ({ name, bytes: Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes) });
const send = (s: Session, method: 'post' | 'patch' | 'put', path: string) => s.agent[method](path).set('x-csrf-token', s.csrf);
const json = (doc: unknown) => JSON.stringify(doc);
const validDoc = () => emptyReportDocument({ fileName: 'x.json', sha256: '', format: 'json' });
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

async function bomb(entry: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file(entry, '0'.repeat(60 * 1024 * 1024));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

const edit = (c: Ctx, body: object) => send(c.analyst, 'patch', `/api/reports/${c.reportId}`).send(body);
const rawBody = (c: Ctx, path: string, body: string, type = 'application/json') =>
  send(c.analyst, 'post', path).set('Content-Type', type).send(body);

const CASES: Case[] = [
  // Multipart and files
  { label: 'malformed multipart (boundary never closes)', status: 400, error: 'UPLOAD_INVALID',
    run: (c) => rawBody(c, '/api/documents', '--xyz\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\n\r\nabc', 'multipart/form-data; boundary=xyz') },
  { label: 'multipart without a boundary', status: 400, run: (c) => rawBody(c, '/api/documents', 'abc', 'multipart/form-data') },
  { label: 'files in the wrong field', status: 400, error: 'UPLOAD_INVALID', run: (c) => send(c.analyst, 'post', '/api/documents').attach('file', Buffer.from('x'), 'a.txt') },
  { label: 'JSON instead of multipart', status: 400, error: 'NO_FILES', run: (c) => send(c.analyst, 'post', '/api/documents').send({ files: ['a'] }) },
  { label: 'more than 100 files', status: 400, error: 'UPLOAD_INVALID',
    run: (c) => { let r = send(c.analyst, 'post', '/api/documents'); for (let i = 0; i < 101; i++) r = r.attach('files', Buffer.from(`f${i}`), `f${i}.txt`); return r; } },
  { label: 'a part over 50 MB', status: 413, error: 'PAYLOAD_TOO_LARGE', run: (c) => upload(c.analyst, [file('big.txt', Buffer.alloc(51 * 1024 * 1024, 'a'))]) },
  { label: 'a file over the 20 MB limit', status: 422, error: 'TOO_LARGE', run: (c) => upload(c.analyst, [file('huge.txt', Buffer.alloc(21 * 1024 * 1024, 'b'))]) },
  { label: 'a zip bomb named .docx', status: 422, error: 'ZIP_BOMB', run: async (c) => upload(c.analyst, [file('bomb.docx', await bomb('word/document.xml'))]) },
  { label: 'a zip bomb named .xlsx', status: 422, error: 'ZIP_BOMB', run: async (c) => upload(c.analyst, [file('bomb.xlsx', await bomb('xl/workbook.xml'))]) },
  { label: 'path traversal in the file name', status: 422, error: 'EMPTY_FILE', run: (c) => upload(c.analyst, [file('../../../../etc/passwd.txt', '')]) },
  { label: 'control characters in the file name', status: 400, error: 'UPLOAD_INVALID', run: (c) => upload(c.analyst, [file('a\u0001b.txt', 'x')]) },
  { label: 'GBK text that is no report', status: 422, error: 'NOT_A_REPORT', run: (c) => upload(c.analyst, [file('gbk.txt', iconv.encode('今天天气很好，我们去公园散步。'.repeat(20), 'gbk'))]) },
  { label: 'UTF-16 text of random characters', status: 422, run: (c) => upload(c.analyst, [file('u16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('你好世界'.repeat(50), 'utf16le')]))]) },
  { label: 'NUL bytes in a text file', status: 422, error: 'BINARY_CONTENT', run: (c) => upload(c.analyst, [file('nul.txt', Buffer.concat([Buffer.from('部门整体支出绩效'), Buffer.alloc(2000), Buffer.from('预算')]))]) },
  { label: 'an executable', status: 422, error: 'UNSUPPORTED_FORMAT', run: (c) => upload(c.analyst, [file('setup.exe', 'MZ\u0090')]) },
  { label: 'an empty file', status: 422, error: 'EMPTY_FILE', run: (c) => upload(c.analyst, [file('empty.docx', '')]) },
  { label: 'random bytes named .pdf', status: 422, error: 'CORRUPT_FILE', run: (c) => upload(c.analyst, [file('x.pdf', Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 31) % 256)))]) },
  { label: 'random bytes named .xlsx', status: 422, error: 'CORRUPT_FILE', run: (c) => upload(c.analyst, [file('x.xlsx', Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 17) % 256)))]) },
  { label: 'invalid JSON file', status: 422, error: 'INVALID_JSON', run: (c) => upload(c.analyst, [file('bad.json', '{"schemaVersion": 1,,}')]) },
  { label: 'JSON that is not a ReportDocument', status: 422, error: 'INVALID_JSON', run: (c) => upload(c.analyst, [file('other.json', json({ hello: 'world' }))]) },
  { label: 'deeply nested JSON file', status: 422, error: 'INVALID_JSON', run: (c) => upload(c.analyst, [file('deep.json', nested(100_000))]) },
  { label: 'ReportDocument with an out-of-range year', status: 422, error: 'INVALID_JSON', run: (c) => upload(c.analyst, [file('y.json', json({ ...validDoc(), fiscalYear: 1800 }))]) },
  { label: 'ReportDocument with an absurd negative amount', status: 422, error: 'INVALID_JSON',
    run: (c) => { const d = validDoc(); d.budget.total.actual = -1e12; return upload(c.analyst, [file('neg.json', json(d))]); } },
  // JSON bodies
  { label: 'login with invalid JSON', status: 400, error: 'INVALID_JSON', run: (c) => request(c.t.server).post('/api/auth/login').set('Content-Type', 'application/json').send('{"username": "a",') },
  { label: 'login with deeply nested JSON', status: 400, error: 'JSON_TOO_DEEP', run: (c) => request(c.t.server).post('/api/auth/login').set('Content-Type', 'application/json').send(`{"username": ${nested(10_000)}, "password": "x"}`) },
  { label: 'a JSON body over 2 MB', status: 413, error: 'PAYLOAD_TOO_LARGE', run: (c) => rawBody(c, '/api/units', json({ name: 'x'.repeat(3 * 1024 * 1024), regionCode: '430181' })) },
  { label: 'an edit of __proto__', status: 400, error: 'INVALID_EDIT', run: (c) => edit(c, { reason: '测试原型污染', edits: [{ path: '__proto__.polluted', value: 1 }] }) },
  { label: 'an edit of constructor.prototype', status: 400, error: 'INVALID_EDIT', run: (c) => edit(c, { reason: '测试原型污染', edits: [{ path: 'constructor.prototype.x', value: 1 }] }) },
  { label: 'a score above 100', status: 400, error: 'DOCUMENT_INVALID', run: (c) => edit(c, { reason: '越界测试', edits: [{ path: 'score.total', value: 1000 }] }) },
  { label: 'an absurd amount', status: 400, error: 'DOCUMENT_INVALID', run: (c) => edit(c, { reason: '越界测试', edits: [{ path: 'budget.total.initial', value: -5e9 }] }) },
  { label: 'a year out of range', status: 400, error: 'DOCUMENT_INVALID', run: (c) => edit(c, { reason: '越界测试', edits: [{ path: 'fiscalYear', value: 3000 }] }) },
  { label: 'a deeply nested value', status: 400, error: 'JSON_TOO_DEEP', run: (c) => edit(c, { reason: '嵌套测试', edits: [{ path: 'unit.name', value: JSON.parse(nested(2_000)) }] }) },
  { label: 'edits that are not a list', status: 400, error: 'VALIDATION_FAILED', run: (c) => edit(c, { reason: '格式测试', edits: 'score.total=1' }) },
  { label: 'more than 500 edits', status: 400, error: 'VALIDATION_FAILED', run: (c) => edit(c, { reason: '数量测试', edits: Array.from({ length: 501 }, () => ({ path: 'score.total', value: 1 })) }) },
  { label: 'an edit without a reason', status: 400, error: 'VALIDATION_FAILED', run: (c) => edit(c, { edits: [{ path: 'score.total', value: 90 }] }) },
  { label: 'an unknown field in the body', status: 400, error: 'VALIDATION_FAILED', run: (c) => edit(c, { reason: '字段测试', edits: [], extra: 1 }) },
  { label: 'a report id that is not a UUID', status: 400, error: 'INVALID_ID', run: (c) => c.analyst.agent.get("/api/reports/1' OR '1'='1") },
  { label: 'a year that is not a number', status: 400, error: 'VALIDATION_FAILED', run: (c) => c.analyst.agent.get('/api/reports?year=2021;DROP TABLE report') },
  { label: 'SQL in a unit id filter', status: 400, error: 'VALIDATION_FAILED', run: (c) => c.analyst.agent.get("/api/analytics/compare?unitIds=1');DELETE FROM unit;--") },
  { label: 'a repeated query parameter', status: 400, error: 'VALIDATION_FAILED', run: (c) => c.analyst.agent.get('/api/reports?year=2021&year=2022') },
  { label: 'a 10,000-character unit name', status: 400, error: 'VALIDATION_FAILED', run: (c) => send(c.analyst, 'post', '/api/units').send({ name: '局'.repeat(10_000), regionCode: '430181' }) },
  { label: 'an HTML unit name in an unknown region', status: 400, error: 'REGION_NOT_FOUND', run: (c) => send(c.analyst, 'post', '/api/units').send({ name: '<script>alert(1)</script>', regionCode: '999999' }) },
  { label: 'a made-up role', status: 400, error: 'VALIDATION_FAILED', run: (c) => send(c.admin, 'post', '/api/users').send({ username: 'mallory', password: 'long-enough-pass', role: 'superadmin' }) },
  { label: 'both an existing and a new unit', status: 400, error: 'UNIT_CHOICE_REQUIRED',
    run: (c) => send(c.analyst, 'post', `/api/reports/${c.reportId}/resolve-unit`).send({ unitId: '00000000-0000-0000-0000-000000000000', newUnit: { name: '某局', regionCode: '430181' } }) },
  { label: 'a rule set nested instead of flat', status: 400, error: 'RULES_INVALID', run: (c) => send(c.admin, 'put', '/api/settings/recheck-rules').send({ version: 'v', rules: [{ rules: [{ rules: [] }] }] }) },
  { label: 'a CSV template with a formula in a number field', status: 422, error: 'TEMPLATE_INVALID',
    run: async (c) => {
      const blank = (await c.analyst.agent.get('/api/templates/report.csv')).text;
      return upload(c.analyst, [file('t.csv', blank.replace('自评得分,', '自评得分,=1+99'))]);
    } },
];

describe(`adversarial input: ${CASES.length} cases, each a 4xx with a clear message and nothing written`, () => {
  const ctx = {} as Ctx;
  beforeAll(async () => {
    ctx.t = await startTestApp();
    ctx.analyst = await sessionAs(ctx.t, 'analyst');
    ctx.admin = await sessionAs(ctx.t, 'admin');
    ctx.reportId = (await upload(ctx.analyst, [seed('004')]).expect(201)).body[0].reportId;
  });
  afterAll(() => ctx.t.close());

  it('has at least 40 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(40));

  it.each(CASES)('$label → $status', async ({ run, status, error }) => {
    const before = await rowCounts(ctx.t.dataSource);
    const res = await run(ctx);
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ statusCode: status, message: expect.any(String) });
    if (error) expect(res.body.error).toBe(error);
    expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(res.body.message).not.toMatch(/\n\s+at |Error:|undefined/);
    expect(await rowCounts(ctx.t.dataSource)).toEqual(before);
  });

  it('formula-, HTML- and SQL-looking text is stored as text and comes back as it was', async () => {
    const reason = "'; DROP TABLE report; -- <img src=x onerror=alert(1)>";
    const res = await edit(ctx, { reason, edits: [{ path: 'unit.regionName', value: '=cmd|" /C calc"!A0' }] }).expect(200);
    expect(res.body.document.unit.regionName).toBe('=cmd|" /C calc"!A0');
    expect(res.body.corrections.at(-1).reason).toBe(reason);
    const [{ n }] = await ctx.t.dataSource.query(`SELECT count(*)::int AS n FROM report`);
    expect(n).toBeGreaterThan(0);
  });
});
