import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { extractReports, ReportParseError, type ExtractOptions } from '../src/index.js';

/** A page's content stream: raw operators, or data with its /Filter entry. */
type Content = string | { data: Buffer; filter: string };

/** A small, valid PDF (correct xref) with one page per content stream, Helvetica as /F1. */
function rawPdf(pages: Content[]): Buffer {
  const objects: Buffer[] = [];
  const add = (body: Buffer | string) => objects.push(Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'));
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(''); // the page tree, once the kids are known
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const kids: number[] = [];
  for (const content of pages) {
    const { data, filter } = typeof content === 'string' ? { data: Buffer.from(content, 'latin1'), filter: '' } : content;
    add(Buffer.concat([Buffer.from(`<< /Length ${data.length}${filter ? ` /Filter ${filter}` : ''} >>\nstream\n`), data, Buffer.from('\nendstream')]));
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /Font << /F1 3 0 R >> >> /Contents ${objects.length} 0 R >>`);
    kids.push(objects.length);
  }
  objects[1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`);
  const chunks = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let offset = chunks[0]!.length;
  objects.forEach((body, i) => {
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    offsets.push(offset);
    offset += chunk.length;
    chunks.push(chunk);
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`));
  return Buffer.concat(chunks);
}

const line = (text: string, y = 700) => `BT /F1 10 Tf 50 ${y} Td (${text}) Tj ET`;
const flate = (data: Buffer | string, layers = 1): Content => {
  let out = Buffer.isBuffer(data) ? data : Buffer.from(data, 'latin1');
  for (let i = 0; i < layers; i++) out = deflateSync(out, { level: 9 });
  return { data: out, filter: layers === 1 ? '/FlateDecode' : `[${' /FlateDecode'.repeat(layers)} ]` };
};

async function refusal(bytes: Buffer, name: string, options?: ExtractOptions): Promise<ReportParseError | null> {
  try {
    await extractReports(new Uint8Array(bytes), name, options);
    return null;
  } catch (error) {
    if (!(error instanceof ReportParseError)) throw error;
    return error;
  }
}

describe('PDF reading limits: each refusal is a ReportParseError naming the file and the limit', () => {
  test('more pages than maxPdfPages (500 by default) → TOO_LARGE before any page is read', async () => {
    const pdf = rawPdf(Array.from({ length: 501 }, (_, i) => line(`page ${i + 1}`)));
    const error = await refusal(pdf, 'many-pages.pdf');
    expect(error?.code).toBe('TOO_LARGE');
    expect(error?.message).toBe('many-pages.pdf：共 501 页，超过 500 页的上限（PDF 页数上限 maxPdfPages），未读取');
    // The limit is what refused it: allowed more pages, the same file is read (and found to be no report).
    expect((await refusal(pdf, 'many-pages.pdf', { maxPdfPages: 501 }))?.code).toBe('NOT_A_REPORT');
  });

  test('a content stream of 600,000 text operators in a few KB → TOO_LARGE (maxPdfTextOperators, 500,000)', async () => {
    const operators = `BT /F1 10 Tf 50 700 Td ${'(a) Tj '.repeat(600_000)}ET`;
    const pdf = rawPdf([flate(operators)]);
    expect(pdf.length).toBeLessThan(20_000);
    const error = await refusal(pdf, 'ops.pdf');
    expect(error?.code).toBe('TOO_LARGE');
    expect(error?.message).toMatch(/^ops\.pdf：文字绘制指令超过 500,000 条的上限（PDF 文字指令上限 maxPdfTextOperators）/);
    // Uncompressed content is counted the same way, and TJ arrays too.
    const tj = rawPdf([`BT /F1 10 Tf 50 700 Td ${'[(a) 5 (b)] TJ '.repeat(1_001)}ET`]);
    expect((await refusal(tj, 'tj.pdf', { maxPdfTextOperators: 1_000 }))?.message).toMatch(/^tj\.pdf：文字绘制指令超过 1,000 条/);
    expect((await refusal(tj, 'tj.pdf', { maxPdfTextOperators: 1_001 }))?.code).toBe('NOT_A_REPORT');
  });

  test('more text items than maxPdfTextItems across pages → TOO_LARGE, reading stops', async () => {
    // 3 pages × 400 separately placed runs: 1,200 items, each page alone under the limit of 1,000.
    const page = (p: number) => Array.from({ length: 400 }, (_, i) => line(`p${p} item ${i}`, 790 - (i % 390) * 2)).join('\n');
    const pdf = rawPdf([page(1), page(2), page(3)]);
    const error = await refusal(pdf, 'items.pdf', { maxPdfTextItems: 1_000 });
    expect(error?.code).toBe('TOO_LARGE');
    expect(error?.message).toBe('items.pdf：文字项超过 1,000 个的上限（PDF 文字项上限 maxPdfTextItems），未读取');
    expect((await refusal(pdf, 'items.pdf', { maxPdfTextItems: 1_200 }))?.code).toBe('NOT_A_REPORT');
  });

  test('a Flate bomb (200 MB of content in a few hundred KB) → TOO_LARGE (maxPdfDecompressedBytes, 100 MB)', async () => {
    const zeros = Buffer.alloc(200 * 1024 * 1024, 0x20);
    const pdf = rawPdf([line('cover'), flate(zeros)]);
    expect(pdf.length).toBeLessThan(1024 * 1024);
    const error = await refusal(pdf, 'bomb.pdf');
    expect(error?.code).toBe('TOO_LARGE');
    expect(error?.message).toMatch(/^bomb\.pdf：解压后的内容超过 100 MB 的上限（PDF 解压字节上限 maxPdfDecompressedBytes）/);
  });

  test('a bomb behind two Flate layers is counted through both', async () => {
    const pdf = rawPdf([flate(Buffer.alloc(64 * 1024 * 1024, 0x20), 2)]);
    expect(pdf.length).toBeLessThan(10_000);
    const error = await refusal(pdf, 'double.pdf', { maxPdfDecompressedBytes: 32 * 1024 * 1024 });
    expect(error?.message).toMatch(/^double\.pdf：解压后的内容超过 32 MB 的上限/);
    expect((await refusal(pdf, 'double.pdf', { maxPdfDecompressedBytes: 65 * 1024 * 1024 }))?.code).toBe('EMPTY_FILE');
  });

  test('a real report PDF reads within every default limit', async () => {
    const bytes = readFileSync(new URL('./fixtures/liuyang-2021.pdf', import.meta.url));
    const result = await extractReports(new Uint8Array(bytes), 'liuyang.pdf');
    expect(result.format).toBe('pdf');
    expect(result.reports.length).toBeGreaterThan(0);
  });
});
