import ExcelJS from 'exceljs';
import { binary, seed, upload } from './support/uploads.js';
import { sessionAs, startTestApp, type Session, type TestApp } from './support/test-app.js';

/** The data of a document, without where it came from. */
const content = (doc: Record<string, unknown>) => {
  const { source: _source, provenance: _provenance, warnings: _warnings, ...rest } = doc;
  return rest;
};


describe('province template: download, fill, import — it round-trips', () => {
  let t: TestApp;
  let analyst: Session;
  let confirmed: { id: string; document: Record<string, unknown> };
  beforeAll(async () => {
    t = await startTestApp();
    analyst = await sessionAs(t, 'analyst');
    const id = (await upload(analyst, [seed('003')]).expect(201)).body[0].reportId;
    confirmed = (await analyst.agent.post(`/api/reports/${id}/confirm`).set('x-csrf-token', analyst.csrf).expect(200)).body;
  });
  afterAll(() => t.close());

  it('offers a blank template as .xlsx and as .csv with a BOM', async () => {
    const xlsx = await analyst.agent.get('/api/templates/report.xlsx').buffer(true).parse(binary).expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body);
    expect(book.getWorksheet('自评报告')!.getCell('B3').value).toBe('单位名称');
    expect(book.getWorksheet('填表说明')).toBeDefined();
    const csv = await analyst.agent.get('/api/templates/report.csv').buffer(true).parse(binary).expect(200);
    expect([...csv.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
  });

  it.each(['xlsx', 'csv'])('a confirmed report exported to .%s and imported again gives the same document', async (format) => {
    const file = await analyst.agent.get(`/api/reports/${confirmed.id}/template.${format}`).buffer(true).parse(binary).expect(200);
    // Another unit's staff fill it in: change nothing but the bytes' identity.
    const res = await upload(analyst, [{ name: `益阳-模板.${format}`, bytes: file.body }]).expect(201);
    expect(res.body[0]).toMatchObject({ created: true, unit: { name: '益阳市工业和信息化局' }, fiscalYear: 2024 });
    const imported = await analyst.agent.get(`/api/reports/${res.body[0].reportId}`).expect(200);
    expect(content(imported.body.document)).toEqual(content(confirmed.document));
    expect(imported.body.document.provenance['budget.total.actual'].line).toBeGreaterThan(2);
  });

  it('a template with a bad value names the row and the field, and writes nothing', async () => {
    const file = await analyst.agent.get('/api/templates/report.csv').buffer(true).parse(binary).expect(200);
    const text = file.body.toString('utf8').replace('部门整体 全年执行数（万元）,', '部门整体 全年执行数（万元）,一千万');
    const res = await upload(analyst, [{ name: 'bad-template.csv', bytes: Buffer.from(text) }]).expect(422);
    expect(res.body.error).toBe('TEMPLATE_INVALID');
    expect(res.body.message).toMatch(/第 \d+ 行“部门整体 全年执行数（万元）”：“一千万”不是数字/);
  });
});
