import type { ReportDocument, SourceFormat } from '@hunan-perf/contracts';
import { validateReportDocument } from '@hunan-perf/contracts';
import { ReportParseError } from '../errors.js';
import type { ResolvedOptions } from '../options.js';
import { binaryRatio, decodeTextBytes, type TextEncoding } from '../decode/decode-text.js';
import { checkZip } from './zip-guard.js';
import { readDocx } from './read-docx.js';
import { readPdf } from './read-pdf.js';
import { loadWorkbook, templateGridOfWorkbook, workbookText } from './read-xlsx.js';
import { csvRows, csvText } from './read-csv.js';
import { gridText, templateGridOf, type TemplateGrid } from '../template/read-template.js';

export interface ReadInput {
  format: SourceFormat;
  text: string;
  encoding: TextEncoding | null;
  /** Set for .json input: the validated document itself. */
  document?: ReportDocument;
  /** Set when the .xlsx/.csv is the filled province template: its rows (text is then one line per row). */
  template?: TemplateGrid;
}

const FORMATS: Record<string, SourceFormat> = { txt: 'txt', md: 'txt', text: 'txt', docx: 'docx', pdf: 'pdf', xlsx: 'xlsx', json: 'json', csv: 'csv' };

export function formatOf(fileName: string): SourceFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return FORMATS[ext] ?? null;
}

/**
 * Bytes → text (or a validated ReportDocument for .json, or the rows of the province template for an
 * .xlsx/.csv that is one, recognised by its content), with the size, format and integrity checks.
 */
export async function readInput(bytes: Uint8Array, fileName: string, options: ResolvedOptions): Promise<ReadInput> {
  const format = formatOf(fileName);
  if (!format) {
    const ext = /\.([^.\\/]+)$/.exec(fileName)?.[1];
    throw new ReportParseError('UNSUPPORTED_FORMAT', fileName, `的类型不受支持${ext ? `（.${ext}）` : ''}；可接受 .txt、.md、.docx、.pdf、.xlsx、.csv、.json`);
  }
  if (bytes.length > options.maxBytes) {
    throw new ReportParseError('TOO_LARGE', fileName, `大小为 ${(bytes.length / 1024 / 1024).toFixed(1)} MB，超过 ${(options.maxBytes / 1024 / 1024).toFixed(0)} MB 的上限`);
  }
  if (bytes.length === 0) throw new ReportParseError('EMPTY_FILE', fileName, '是空文件（0 字节）');
  if (format === 'docx' || format === 'xlsx') {
    // The archive guard (size, ratio, damage) runs before anything is inflated.
    checkZip(bytes, fileName, options);
    if (format === 'docx') return { format, text: await readDocx(bytes, fileName), encoding: null };
    const workbook = await loadWorkbook(bytes, fileName);
    const template = templateGridOfWorkbook(workbook);
    if (template) return { format, text: gridText(template), encoding: null, template };
    return { format, text: workbookText(workbook), encoding: null };
  }
  if (format === 'pdf') {
    if (!/^%PDF-/.test(Buffer.from(bytes.subarray(0, 1024)).toString('latin1').trimStart())) {
      throw new ReportParseError('CORRUPT_FILE', fileName, '不是 PDF 文件（缺少 %PDF 文件头）');
    }
    if (!Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1').includes('%%EOF')) {
      throw new ReportParseError('CORRUPT_FILE', fileName, '是不完整的 PDF（缺少文件结束标记）');
    }
    const text = await readPdf(bytes, fileName, options);
    if (!text.trim()) throw new ReportParseError('EMPTY_FILE', fileName, '没有文字层（可能是扫描图片），请先做文字识别（OCR）');
    return { format, text, encoding: null };
  }
  const { text, encoding } = decodeTextBytes(bytes);
  if (!text.trim()) throw new ReportParseError('EMPTY_FILE', fileName, '没有文字内容');
  if (binaryRatio(text) > 0.05) throw new ReportParseError('BINARY_CONTENT', fileName, '是二进制数据，不是文本');
  if (format === 'csv') {
    const rows = csvRows(text);
    const template = templateGridOf(rows);
    if (template) return { format, text: gridText(template), encoding, template };
    return { format, text: csvText(rows), encoding };
  }
  if (format === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new ReportParseError('INVALID_JSON', fileName, `不是有效的 JSON（${error instanceof Error ? error.message.split('\n')[0] : '解析错误'}）`);
    }
    const result = validateReportDocument(value);
    if (!result.ok) {
      const issues = result.issues.slice(0, 5).map((i) => `${i.path} ${i.message}`).join('; ');
      throw new ReportParseError('INVALID_JSON', fileName, `不是有效的 ReportDocument v1：${issues}${result.issues.length > 5 ? `（另有 ${result.issues.length - 5} 处）` : ''}`);
    }
    return { format, text, encoding, document: result.document };
  }
  return { format, text, encoding };
}
