import { emptyReportDocument, type ReportDocument, type SourceInfo, unsanitizeCsvCell, validateReportDocument } from '@hunan-perf/contracts';
import { categoryOf, normaliseGrade } from '@hunan-perf/metrics';
import { ReportParseError } from '../errors.js';
import { revalidateReport } from '../validate/revalidate.js';
import { parseField, setPath, TEMPLATE_COLUMNS, TEMPLATE_FIELDS, TEMPLATE_VERSION, TemplateValueError } from './template-fields.js';

/**
 * A file that is the province template but whose content cannot be taken over; the message names
 * the file and the row. It is a ReportParseError (code CORRUPT_FILE, so the CLI prints it as bad
 * input); `reason` tells it apart from the other read errors (the API answers TEMPLATE_INVALID).
 */
export class TemplateError extends ReportParseError {
  readonly reason = 'TEMPLATE_INVALID' as const;

  constructor(fileName: string, problem: string) {
    super('CORRUPT_FILE', fileName, problem);
    this.name = 'TemplateError';
  }
}

/** Rows of cells as read from the .xlsx sheet or the .csv: grid[0] is row 1 (the column headers). */
export type TemplateGrid = string[][];

/** The template is recognised by its content: row 2 reads 模板 | 版本 | <template version>. */
export function isTemplateGrid(grid: readonly (readonly string[] | undefined)[]): boolean {
  return grid[1]?.[0]?.trim() === '模板' && grid[1]?.[2]?.trim() === TEMPLATE_VERSION;
}

/** The grid, padded to the template's columns, when the rows are a filled (or blank) template; otherwise null. */
export function templateGridOf(rows: readonly (readonly string[] | undefined)[]): TemplateGrid | null {
  if (!isTemplateGrid(rows)) return null;
  return Array.from(rows, (r) => Array.from({ length: Math.max(TEMPLATE_COLUMNS.length, r?.length ?? 0) }, (_, i) => r?.[i] ?? ''));
}

/**
 * The plain text a reviewer reads beside the values: line n is row n of the template (cells
 * separated by tabs), so provenance line numbers are row numbers.
 */
export function gridText(grid: readonly (readonly (string | number | null)[])[]): string {
  return grid
    .map((cells) => cells.map((c) => String(c ?? '').replace(/[\t\r\n]+/g, ' ')).join('\t').replace(/\t+$/, ''))
    .join('\n');
}

/**
 * Reads the rows of a filled template into a ReportDocument: provenance is the row number, the
 * warnings are those of the document's own checks. Throws TemplateError naming the file (fileName,
 * as given; the document's source keeps the base name) and the row.
 */
export function readTemplateGrid(grid: TemplateGrid, source: SourceInfo, fileName = source.fileName): ReportDocument {
  if (!isTemplateGrid(grid)) throw new TemplateError(fileName, `不是省级统一填报模板（第 2 行应为“模板, 版本, ${TEMPLATE_VERSION}”）`);
  const doc = emptyReportDocument(source);
  const fields = new Map(TEMPLATE_FIELDS.map((f) => [f.label, f]));
  const num = (text: string | undefined, line: number, what: string) => {
    const t = (text ?? '').trim();
    if (t === '') return null;
    const n = Number(t.replace(/,/g, ''));
    if (!Number.isFinite(n)) throw new TemplateError(fileName, `第 ${line} 行 ${what}“${t}”不是数字`);
    return Math.round(n * 100) / 100;
  };
  const text = (t: string | undefined) => (t ?? '').trim() || null;
  grid.slice(2).forEach((cells, index) => {
    const line = index + 3;
    const [type, label, value, l1, l2, name, target, actual, weight, score, note] = cells.map((c) => unsanitizeCsvCell(c ?? ''));
    switch ((type ?? '').trim()) {
      case '基本信息': {
        const field = fields.get((label ?? '').trim());
        if (!field) throw new TemplateError(fileName, `第 ${line} 行的字段“${label}”不是模板中的字段`);
        try {
          const parsed = parseField(field.kind, value ?? '');
          setPath(doc, field.path, parsed);
          if (parsed !== null) doc.provenance[field.path] = { line, excerpt: `${field.label}: ${value}` };
        } catch (error) {
          if (error instanceof TemplateValueError) throw new TemplateError(fileName, `第 ${line} 行“${field.label}”：${error.message}`);
          throw error;
        }
        break;
      }
      case '指标':
        // The canonical category is derived from 一级/二级 as the engine derives it for any other file.
        doc.indicators.push({
          level1: text(l1), category: categoryOf(text(l1), text(l2)), level2: text(l2), name: text(name), target: text(target), actual: text(actual),
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
        throw new TemplateError(fileName, `第 ${line} 行的类型“${type}”应为 基本信息/指标/得分分解/问题/措施 之一`);
    }
  });
  if (doc.score.grade === null && doc.score.gradeText) doc.score.grade = normaliseGrade(doc.score.gradeText);
  // A filled template has no source tables: every check that reads the document itself applies.
  doc.warnings = revalidateReport(doc, []);
  const checked = validateReportDocument(doc);
  if (!checked.ok) {
    throw new TemplateError(fileName, `内容不符合数据规范：${checked.issues.map((i) => `${i.path} ${i.message}`).join('；')}`);
  }
  return checked.document;
}
