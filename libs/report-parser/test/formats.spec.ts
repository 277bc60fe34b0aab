import { readFileSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import type { ReportDocument } from '@hunan-perf/contracts';
import { extractReports, toJson } from '../src/index.js';
import { SEEDS, department, expectValid, seedBytes } from './helpers.js';
import { docxFromText, pdfFromText } from './fixtures.js';

const keyFields = (d: ReportDocument) => ({
  unit: d.unit,
  fiscalYear: d.fiscalYear,
  score: d.score,
  budget: d.budget,
  threePublic: d.threePublic,
  staff: d.staff,
});

const withoutSource = (d: ReportDocument) => ({ ...d, source: null });

describe('encodings and formats give the same document', () => {
  const text = new TextDecoder().decode(seedBytes(SEEDS.liuyang));

  test('GBK copy of a seed → the same document (except the source bytes)', async () => {
    const utf8 = await extractReports(seedBytes(SEEDS.liuyang), 'a.txt');
    const gbk = await extractReports(new Uint8Array(iconv.encode(text, 'gbk')), 'a.txt');
    expect(gbk.encoding).toBe('gb18030');
    expect(gbk.reports.map(withoutSource)).toEqual(utf8.reports.map(withoutSource));
  });

  test('UTF-8 with BOM → same document', async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...seedBytes(SEEDS.xiangxi)]);
    const plain = department(await extractReports(seedBytes(SEEDS.xiangxi), 'x.txt'));
    const withBom = department(await extractReports(bom, 'x.txt'));
    expect(withoutSource(withBom)).toEqual(withoutSource(plain));
  });

  test('full-width digits and traditional characters are matched, originals kept', async () => {
    const variant = text.replace('项目综合评分为 96 分', '項目綜合評分為 ９６ 分');
    const d = department(await extractReports(new TextEncoder().encode(variant), 'v.txt'));
    expect(d.score.total).toBe(96);
  });

  test('.docx built from a seed (Word tables) → the same key fields', async () => {
    const txt = department(await extractReports(seedBytes(SEEDS.liuyang), 'a.txt'));
    const result = await extractReports(await docxFromText(text), 'liuyang.docx');
    const d = department(result);
    expectValid(d);
    expect(d.source.format).toBe('docx');
    expect(keyFields(d)).toEqual(keyFields(txt));
    expect(d.indicators).toHaveLength(txt.indicators.length);
    expect(result.reports.map((r) => r.reportKind)).toEqual(['department_overall', 'project']);
  }, 30000);

  // pdfkit needs over a minute to subset the CJK font, so the PDF is a committed fixture built by
  // pdfFromText(); REGENERATE_FIXTURES=1 rebuilds it from the seed.
  test('.pdf built from a seed (text layer) → the same key fields', async () => {
    const fixture = new URL('./fixtures/liuyang-2021.pdf', import.meta.url);
    if (process.env.REGENERATE_FIXTURES === '1') writeFileSync(fixture, await pdfFromText(text));
    const txt = department(await extractReports(seedBytes(SEEDS.liuyang), 'a.txt'));
    const d = department(await extractReports(new Uint8Array(readFileSync(fixture)), 'liuyang.pdf'));
    expectValid(d);
    expect(d.source.format).toBe('pdf');
    expect(keyFields(d)).toEqual(keyFields(txt));
  }, 180000);

  test('the same file twice → byte-identical JSON', async () => {
    for (const file of Object.values(SEEDS)) {
      const a = await extractReports(seedBytes(file), file);
      const b = await extractReports(seedBytes(file), file);
      expect(toJson(b.reports)).toBe(toJson(a.reports));
    }
  });

  test('every seed yields a schema-valid document', async () => {
    for (const file of Object.values(SEEDS)) {
      for (const report of (await extractReports(seedBytes(file), file)).reports) expectValid(report);
    }
  });

  test('a ReportDocument .json is validated and returned as is', async () => {
    const d = department(await extractReports(seedBytes(SEEDS.yiyang), 'y.txt'));
    const back = await extractReports(new TextEncoder().encode(JSON.stringify(d)), 'y.json');
    expect(back.reports).toEqual([d]);
  });
});
