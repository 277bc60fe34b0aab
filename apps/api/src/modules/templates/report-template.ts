import {
  emptyReportDocument, parseCsv, type ReportDocument, type SourceInfo, unsanitizeCsvCell, validateReportDocument,
} from '@hunan-perf/contracts';
import ExcelJS from 'exceljs';
import { normaliseGrade } from '@hunan-perf/metrics';
import { revalidateReport } from '@hunan-perf/report-parser';
import {
  formatField, getPath, parseField, setPath, TEMPLATE_COLUMNS, TEMPLATE_FIELDS, TEMPLATE_VERSION, TemplateValueError,
} from './template-fields.js';

export type Cell = string | number | null;
export const TEMPLATE_SHEET = '自评报告';

/** A file in the province template that could not be read; the message names the row. */
export class TemplateError extends Error {
  constructor(
    readonly fileName: string,
    message: string,
  ) {
    super(`${fileName}: ${message}`);
  }
}

const row = (type: string, field: string | null, value: Cell, rest: Cell[] = []): Cell[] => [type, field, value, ...rest];

/** The template as rows: blank (doc null) or filled from a report, which then round-trips. */
export function templateGrid(doc: ReportDocument | null): Cell[][] {
  const grid: Cell[][] = [[...TEMPLATE_COLUMNS], row('模板', '版本', TEMPLATE_VERSION)];
  for (const field of TEMPLATE_FIELDS) grid.push(row('基本信息', field.label, doc ? formatField(field.kind, getPath(doc, field.path)) : null));
  for (const i of doc?.indicators ?? []) grid.push(row('指标', null, null, [i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score, i.note]));
  for (const b of doc?.scoreBreakdown ?? []) grid.push(row('得分分解', null, null, [b.level1, b.level2, null, null, null, b.weight, b.score]));
  for (const p of doc?.findings.problems ?? []) grid.push(row('问题', null, p));
  for (const m of doc?.findings.measures ?? []) grid.push(row('措施', null, m));
  return grid;
}

/** Reads the rows back into a ReportDocument with provenance = row number; null when not our template. */
export function readTemplateGrid(grid: string[][], source: SourceInfo): ReportDocument | null {
  if (grid[1]?.[0]?.trim() !== '模板' || grid[1]?.[2]?.trim() !== TEMPLATE_VERSION) return null;
  const doc = emptyReportDocument(source);
  const fields = new Map(TEMPLATE_FIELDS.map((f) => [f.label, f]));
  const num = (text: string | undefined, line: number, what: string) => {
    const t = (text ?? '').trim();
    if (t === '') return null;
    const n = Number(t.replace(/,/g, ''));
    if (!Number.isFinite(n)) throw new TemplateError(source.fileName, `第 ${line} 行 ${what}“${t}”不是数字`);
    return Math.round(n * 100) / 100;
  };
  const text = (t: string | undefined) => (t ?? '').trim() || null;
  grid.slice(2).forEach((cells, index) => {
    const line = index + 3;
    const [type, label, value, l1, l2, name, target, actual, weight, score, note] = cells.map((c) => unsanitizeCsvCell(c ?? ''));
    switch ((type ?? '').trim()) {
      case '基本信息': {
        const field = fields.get((label ?? '').trim());
        if (!field) throw new TemplateError(source.fileName, `第 ${line} 行的字段“${label}”不是模板中的字段`);
        try {
          const parsed = parseField(field.kind, value ?? '');
          setPath(doc, field.path, parsed);
          if (parsed !== null) doc.provenance[field.path] = { line, excerpt: `${field.label}: ${value}` };
        } catch (error) {
          if (error instanceof TemplateValueError) throw new TemplateError(source.fileName, `第 ${line} 行“${field.label}”：${error.message}`);
          throw error;
        }
        break;
      }
      case '指标':
        doc.indicators.push({
          level1: text(l1), level2: text(l2), name: text(name), target: text(target), actual: text(actual),
          weight: num(weight, line, '分值'), score: num(score, line, '得分'), note: text(note),
        });
        break;
      case '得分分解':
        doc.scoreBreakdown.push({ level1: text(l1), level2: text(l2), weight: num(weight, line, '分值'), score: num(score, line, '得分') });
        break;
      case '问题':
        if (text(value)) doc.findings.problems.push(text(value)!);
        break;
      case '措施':
        if (text(value)) doc.findings.measures.push(text(value)!);
        break;
      case '':
        break;
      default:
        throw new TemplateError(source.fileName, `第 ${line} 行的类型“${type}”应为 基本信息/指标/得分分解/问题/措施 之一`);
    }
  });
  if (doc.score.grade === null && doc.score.gradeText) doc.score.grade = normaliseGrade(doc.score.gradeText);
  // A filled template has no source tables: every check that reads the document itself applies.
  doc.warnings = revalidateReport(doc, []);
  const checked = validateReportDocument(doc);
  if (!checked.ok) {
    throw new TemplateError(source.fileName, `内容不符合数据规范：${checked.issues.map((i) => `${i.path} ${i.message}`).join('；')}`);
  }
  return checked.document;
}

/** The plain text a reviewer reads beside the values: one line per template row. */
export function gridText(grid: Cell[][] | string[][]): string {
  return grid.map((cells) => cells.map((c) => (c ?? '').toString()).join('\t').replace(/\t+$/, '')).join('\n');
}

export async function templateToXlsx(grid: Cell[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '湖南省部门整体支出绩效自评汇总平台';
  const sheet = workbook.addWorksheet(TEMPLATE_SHEET);
  grid.forEach((cells) => sheet.addRow(cells.map((c) => c ?? null)));
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column, i) => {
    column.width = [10, 34, 28, 16, 16, 30, 14, 14, 8, 8, 24][i] ?? 12;
  });
  sheet.getColumn(3).numFmt = '@';
  const help = workbook.addWorksheet('填表说明');
  [
    ['湖南省部门整体支出绩效自评 统一填报模板'],
    ['1. 不要修改第 1、2 行和“字段”列；金额单位为万元，保留两位小数；比率单位为 %。'],
    ['2. “指标”行每行一个三级指标：一级指标、二级指标、三级指标、年度指标值、实际完成值、分值、得分、备注。'],
    ['3. “得分分解”行填写一级/二级指标的分值与得分；“问题”“措施”行每行一条，写在“值”列。'],
    ['4. 未填写的数值视为“未提供”（不是 0）。填好后在平台“导入”页面上传本文件。'],
  ].forEach((r) => help.addRow(r));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Rows of our template from an .xlsx or .csv upload, or null when the file is something else. */
export async function templateRowsOf(bytes: Buffer, fileName: string): Promise<string[][] | null> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) {
    const grid = parseCsv(new TextDecoder('utf-8').decode(bytes));
    return grid[1]?.[2]?.trim() === TEMPLATE_VERSION ? grid : null;
  }
  if (!lower.endsWith('.xlsx')) return null;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const sheet = workbook.getWorksheet(TEMPLATE_SHEET);
  if (!sheet || String(sheet.getCell('C2').value ?? '').trim() !== TEMPLATE_VERSION) return null;
  const grid: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (r, n) => {
    grid[n - 1] = Array.from({ length: TEMPLATE_COLUMNS.length }, (_, i) => cellText(r.getCell(i + 1).value));
  });
  return Array.from(grid, (r) => r ?? []);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((t) => t.text).join('');
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '');
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}
