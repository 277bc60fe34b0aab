import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { CSV_BOM, csvLine, type ReportDocument } from '@hunan-perf/contracts';
import {
  extractReports, formatField, getPath, ReportParseError, TEMPLATE_COLUMNS, TEMPLATE_FIELDS, TEMPLATE_SHEET, TEMPLATE_VERSION, TemplateError,
} from '../src/index.js';
import { SEEDS, department, expectValid, seedBytes } from './helpers.js';

type Cell = string | number | null;

/** The province template's rows, filled from a document (what the API's download writes). */
function templateRows(doc: ReportDocument): Cell[][] {
  const row = (type: string, field: string | null, value: Cell, rest: Cell[] = []): Cell[] => [type, field, value, ...rest];
  return [
    [...TEMPLATE_COLUMNS],
    row('模板', '版本', TEMPLATE_VERSION),
    ...TEMPLATE_FIELDS.map((f) => row('基本信息', f.label, formatField(f.kind, getPath(doc, f.path)))),
    ...doc.indicators.map((i) => row('指标', null, null, [i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score, i.note])),
    ...doc.scoreBreakdown.map((b) => row('得分分解', null, null, [b.level1, b.level2, null, null, null, b.weight, b.score])),
    ...doc.findings.problems.map((p) => row('问题', null, p)),
    ...doc.findings.measures.map((m) => row('措施', null, m)),
  ];
}

const toCsv = (rows: Cell[][]) => CSV_BOM + rows.map((r) => csvLine(r)).join('');

async function toXlsx(rows: Cell[][], sheetName = TEMPLATE_SHEET): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('填表说明').addRow(['湖南省部门整体支出绩效自评 统一填报模板']);
  const sheet = book.addWorksheet(sheetName);
  rows.forEach((r) => sheet.addRow(r.map((c) => c ?? null)));
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** A small filled template, written by hand as a county would fill it in. */
const FILLED: Cell[][] = [
  [...TEMPLATE_COLUMNS],
  ['模板', '版本', TEMPLATE_VERSION],
  ['基本信息', '单位名称', '某县农业农村局'],
  ['基本信息', '所属地区', '某县'],
  ['基本信息', '行政层级（省级/市级/县级）', '县级'],
  ['基本信息', '年度', 2023],
  ['基本信息', '报告类型（部门整体支出/项目支出）', '部门整体支出'],
  ['基本信息', '自评得分', 92.5],
  ['基本信息', '评价等级（原文）', '优秀'],
  ['基本信息', '部门整体 年初预算数（万元）', '1,200.00'],
  ['基本信息', '部门整体 全年预算数（万元）', 1500],
  ['基本信息', '部门整体 全年执行数（万元）', 1425],
  ['基本信息', '部门整体 执行率（%，报告所填）', '95%'],
  ['基本信息', '编制数（人）', 40],
  ['指标', null, null, '产出指标', '数量指标', '培训农民人次', '≥500人次', '620人次', 20, 20, null],
  ['指标', null, null, '效益指标', '社会效益', '农民增收', '有所提高', '提高，含 "引号", 和逗号', 30, 27.5, '部分完成'],
  ['问题', null, '项目资金拨付进度偏慢。\n部分绩效目标不够细化。'],
  ['措施', null, '=加强预算执行监控'],
];

const withoutSource = (d: ReportDocument) => ({ ...d, source: null });

describe('a filled province template goes through extractReports like any other file', () => {
  test('.csv (UTF-8 with BOM): values, format csv, provenance = row number, warnings', async () => {
    const result = await extractReports(new TextEncoder().encode(toCsv(FILLED)), 'dir/县农业农村局-模板.csv');
    expect(result.format).toBe('csv');
    expect(result.encoding).toBe('utf-8-bom');
    expect(result.reports).toHaveLength(1);
    const d = result.reports[0]!;
    expectValid(d);
    expect(d.source).toMatchObject({ fileName: '县农业农村局-模板.csv', format: 'csv' });
    expect(d.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(d.unit).toEqual({ name: '某县农业农村局', regionName: '某县', level: 'county' });
    expect(d.fiscalYear).toBe(2023);
    expect(d.reportKind).toBe('department_overall');
    expect(d.score).toEqual({ total: 92.5, grade: '优', gradeText: '优秀' });
    expect(d.budget.total).toMatchObject({ initial: 1200, adjusted: 1500, actual: 1425, executionRateStated: 95, carryover: null, adjustmentStated: null });
    expect(d.budget.basic.initial).toBeNull();
    expect(d.staff).toEqual({ quota: 40, actual: null });
    expect(d.indicators).toHaveLength(2);
    expect(d.indicators[1]).toMatchObject({ level1: '效益指标', actual: '提高，含 "引号", 和逗号', weight: 30, score: 27.5, note: '部分完成' });
    expect(d.findings.problems).toEqual(['项目资金拨付进度偏慢。\n部分绩效目标不够细化。']);
    expect(d.findings.measures).toEqual(['=加强预算执行监控']);
    // Line n of the text is row n of the template, even with a line break inside a cell.
    expect(result.lines).toHaveLength(FILLED.length);
    const where = d.provenance['budget.total.actual']!;
    expect(where.line).toBe(12);
    expect(result.lines[where.line - 1]).toContain('部门整体 全年执行数（万元）');
    expect(d.provenance['budget.basic.initial']).toBeUndefined();
    // Warnings come from the document's own checks: basic/project budgets are empty here.
    expect(Array.isArray(d.warnings)).toBe(true);
  });

  test('.csv saved again by Excel in GBK → the same document', async () => {
    const text = toCsv(FILLED).slice(1);
    const utf8 = await extractReports(new TextEncoder().encode(toCsv(FILLED)), 't.csv');
    const gbk = await extractReports(new Uint8Array(iconv.encode(text, 'gbk')), 't.csv');
    expect(gbk.encoding).toBe('gb18030');
    expect(gbk.reports.map(withoutSource)).toEqual(utf8.reports.map(withoutSource));
  });

  test('.xlsx: the same values as the .csv, format xlsx', async () => {
    const csv = await extractReports(new TextEncoder().encode(toCsv(FILLED)), 't.csv');
    const result = await extractReports(await toXlsx(FILLED), '县农业农村局-模板.xlsx');
    expect(result.format).toBe('xlsx');
    expect(result.encoding).toBeNull();
    const d = result.reports[0]!;
    expectValid(d);
    expect(d.source.format).toBe('xlsx');
    expect(withoutSource(d)).toEqual(withoutSource(csv.reports[0]!));
    expect(result.lines[d.provenance['score.total']!.line - 1]).toContain('自评得分');
  });

  test('.xlsx is recognised by its content, not by the sheet name', async () => {
    const d = (await extractReports(await toXlsx(FILLED, 'Sheet1'), 'renamed.xlsx')).reports[0]!;
    expect(d.unit.name).toBe('某县农业农村局');
    expect(d.budget.total.actual).toBe(1425);
  });

  test.each(['csv', 'xlsx'])('a report extracted from a seed → template .%s → the same document', async (format) => {
    const original = department(await extractReports(seedBytes(SEEDS.yiyang), 'yiyang.txt'));
    const rows = templateRows(original);
    const bytes = format === 'csv' ? new TextEncoder().encode(toCsv(rows)) : await toXlsx(rows);
    const result = await extractReports(bytes, `yiyang-模板.${format}`);
    expect(result.format).toBe(format);
    const back = result.reports[0]!;
    const content = (d: ReportDocument) => ({ ...d, source: null, provenance: null, warnings: null });
    expect(content(back)).toEqual(content(original));
    expect(back.source.format).toBe(format);
  });

  test('a bad value: TemplateError (a ReportParseError) naming the file, the row and the field', async () => {
    const bad = FILLED.map((r) => (r[1] === '部门整体 全年执行数（万元）' ? ['基本信息', r[1], '一千万'] : r));
    for (const [name, bytes] of [
      ['bad.csv', new TextEncoder().encode(toCsv(bad))],
      ['bad.xlsx', await toXlsx(bad)],
    ] as const) {
      const error = await extractReports(bytes, name).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ReportParseError);
      expect(error).toBeInstanceOf(TemplateError);
      expect((error as TemplateError).reason).toBe('TEMPLATE_INVALID');
      expect((error as Error).message).toBe(`${name}：第 12 行“部门整体 全年执行数（万元）”：“一千万”不是数字`);
    }
  });

  test('an unknown row type or field, and an .xlsx formula without a value, are refused with the row', async () => {
    const unknownType = [...FILLED, ['备忘', null, 'x']];
    await expect(extractReports(new TextEncoder().encode(toCsv(unknownType)), 'a.csv')).rejects.toThrow(/第 19 行的类型“备忘”/);
    const unknownField = [...FILLED, ['基本信息', '单位负责人', '张三']];
    await expect(extractReports(new TextEncoder().encode(toCsv(unknownField)), 'b.csv')).rejects.toThrow(/第 19 行的字段“单位负责人”不是模板中的字段/);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet(TEMPLATE_SHEET);
    FILLED.forEach((r) => sheet.addRow(r.map((c) => c ?? null)));
    sheet.getCell('C8').value = { formula: 'A1+B1' } as ExcelJS.CellFormulaValue;
    await expect(extractReports(new Uint8Array(await book.xlsx.writeBuffer()), 'f.xlsx')).rejects.toThrow(/f\.xlsx：第 8 行“自评得分”：“=A1\+B1”不是数字/);
  });

  test('a zip bomb named .xlsx is refused before anything is unpacked', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.xml', new Uint8Array(60 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    await expect(extractReports(bomb, 'bomb.xlsx')).rejects.toMatchObject({ code: 'ZIP_BOMB', message: expect.stringMatching(/^bomb\.xlsx：/) });
  }, 60000);
});

describe('a .csv that is not the template is read as text (rows of cells)', () => {
  test('a seed written as CSV → the same key figures as the text', async () => {
    const text = new TextDecoder().decode(seedBytes(SEEDS.liuyang));
    const csv = text.split(/\r?\n/).map((line) => csvLine(line.split('\t'))).join('');
    const txt = department(await extractReports(seedBytes(SEEDS.liuyang), 'liuyang.txt'));
    const result = await extractReports(new TextEncoder().encode(csv), 'liuyang.csv');
    expect(result.format).toBe('csv');
    const d = department(result);
    expectValid(d);
    expect(d.source.format).toBe('csv');
    expect({ unit: d.unit, fiscalYear: d.fiscalYear, score: d.score, total: d.budget.total }).toEqual({
      unit: txt.unit, fiscalYear: txt.fiscalYear, score: txt.score, total: txt.budget.total,
    });
  });

  test('a small budget table: no crash, a report with warnings', async () => {
    const csv = '项目,年初预算数,全年预算数,全年执行数\r\n合计,100,120,"1,10"\r\n"未闭合的引号,1,2\r\n';
    const result = await extractReports(new TextEncoder().encode(csv), 'table.csv');
    expect(result.format).toBe('csv');
    expect(result.reports.length).toBeGreaterThan(0);
    for (const d of result.reports) {
      expectValid(d);
      expect(d.warnings.length).toBeGreaterThan(0);
    }
    expect(result.lines[0]).toBe('项目\t年初预算数\t全年预算数\t全年执行数');
  });

  test('the usual bad-input errors, naming the file', async () => {
    const codeOf = (bytes: Uint8Array, name: string) => extractReports(bytes, name).then(() => 'none', (e: ReportParseError) => `${e.code} ${e.message.startsWith(`${name}：`)}`);
    expect(await codeOf(new Uint8Array(), 'empty.csv')).toBe('EMPTY_FILE true');
    expect(await codeOf(new TextEncoder().encode(',,,\r\n,,\r\n'), 'commas.csv')).toBe('NOT_A_REPORT true');
    expect(await codeOf(new TextEncoder().encode('名称,数量\r\n苹果,3\r\n'), 'fruit.csv')).toBe('NOT_A_REPORT true');
    expect(await codeOf(new Uint8Array(4096).map((_, i) => (i * 37 + 11) % 256), 'garbage.csv')).toBe('BINARY_CONTENT true');
  });
});

describe('npm run extract reads a filled template as the upload does', () => {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', 'libs/report-parser'], { cwd: root });
  }, 120000);

  test('filled-template.csv → the template document, format csv', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'template-')), 'filled-template.csv');
    writeFileSync(file, toCsv(FILLED));
    const r = spawnSync(process.execPath, [join(root, 'libs/report-parser/dist/cli.js'), file], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const d = JSON.parse(r.stdout) as ReportDocument;
    expect(d.source).toMatchObject({ fileName: 'filled-template.csv', format: 'csv' });
    expect(d.budget.total.actual).toBe(1425);
  });

  test('a bad template → one line naming the file and the row, exit 2', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'template-')), 'bad-template.csv');
    writeFileSync(file, toCsv(FILLED.map((r) => (r[1] === '年度' ? ['基本信息', '年度', '二〇二三'] : r))));
    const r = spawnSync(process.execPath, [join(root, 'libs/report-parser/dist/cli.js'), file], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe(`error [CORRUPT_FILE]: ${file}：第 6 行“年度”：“二〇二三”不是整数`);
  });
});
