import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import { rowCounts, upload } from './support/uploads.js';
import { sessionAs, startTestApp, type Session, type TestApp } from './support/test-app.js';

const pdfFixture = fileURLToPath(new URL('../../../libs/report-parser/test/fixtures/liuyang-2021.pdf', import.meta.url));

async function smallDocx(): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: [new Paragraph('浏阳市工业和信息化局 2021 年部门整体支出绩效自评报告')] }] });
  return Packer.toBuffer(doc);
}

async function zipBomb(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types/>');
  zip.file('word/document.xml', '0'.repeat(60 * 1024 * 1024));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

describe('bad input through the API: a 4xx with a clear message, and no rows written', () => {
  let t: TestApp;
  let analyst: Session;
  const cases: { label: string; name: string; bytes: () => Promise<Buffer> | Buffer; code: string; says: RegExp }[] = [
    { label: 'an empty file', name: 'empty.txt', bytes: () => Buffer.alloc(0), code: 'EMPTY_FILE', says: /empty\.txt/ },
    { label: 'binary garbage named .txt', name: 'garbage.txt', bytes: () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), code: 'BINARY_CONTENT', says: /garbage\.txt/ },
    { label: 'a truncated .docx', name: 'cut.docx', bytes: async () => (await smallDocx()).subarray(0, 600), code: 'CORRUPT_FILE', says: /cut\.docx/ },
    { label: 'a truncated .pdf', name: 'cut.pdf', bytes: () => readFileSync(pdfFixture).subarray(0, 2000), code: 'CORRUPT_FILE', says: /cut\.pdf/ },
    { label: 'a zip bomb named .docx', name: 'bomb.docx', bytes: zipBomb, code: 'ZIP_BOMB', says: /bomb\.docx/ },
    { label: 'a file over the 20 MB limit', name: 'huge.txt', bytes: () => Buffer.alloc(21 * 1024 * 1024, 'a'), code: 'TOO_LARGE', says: /huge\.txt/ },
    { label: 'an unsupported extension', name: 'report.exe', bytes: () => Buffer.from('MZ not a report'), code: 'UNSUPPORTED_FORMAT', says: /report\.exe/ },
  ];

  beforeAll(async () => {
    t = await startTestApp();
    analyst = await sessionAs(t, 'analyst');
  });
  afterAll(() => t.close());

  it.each(cases)('$label → 422 $code', async ({ name, bytes, code, says }) => {
    const before = await rowCounts(t.dataSource);
    const res = await upload(analyst, [{ name, bytes: await bytes() }]).expect(422);
    expect(res.body).toMatchObject({ statusCode: 422, error: code });
    expect(res.body.message).toMatch(says);
    expect(res.body.message).not.toMatch(/\n\s+at /);
    expect(await rowCounts(t.dataSource)).toEqual(before);
  });

  it('a bad file next to a good one fails alone', async () => {
    const good = { name: 'ok.docx', bytes: await smallDocx() };
    const before = await rowCounts(t.dataSource);
    const res = await upload(analyst, [{ name: 'empty.txt', bytes: Buffer.alloc(0) }, good]).expect(201);
    expect(res.body[0]).toMatchObject({ fileName: 'empty.txt', error: { code: 'EMPTY_FILE' } });
    expect(res.body[1]).toMatchObject({ fileName: 'ok.docx', created: true });
    expect((await rowCounts(t.dataSource)).source_document).toBe(before.source_document + 1);
  });

  it('a request without files, and a path in the file name, are handled', async () => {
    const none = await analyst.agent.post('/api/documents').set('x-csrf-token', analyst.csrf).field('x', '1').expect(400);
    expect(none.body.error).toBe('NO_FILES');
    const res = await upload(analyst, [{ name: '../../etc/passwd.docx', bytes: await smallDocx() }]).expect(201);
    expect(res.body[0].fileName).toBe('passwd.docx');
    const control = await upload(analyst, [{ name: 'bell\u0007.docx', bytes: await smallDocx() }]).expect(400);
    expect(control.body).toMatchObject({ error: 'UPLOAD_INVALID', message: expect.stringContaining('文件名含有控制字符') });
  });
});
