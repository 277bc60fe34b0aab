import ExcelJS from 'exceljs';
import { ReportParseError } from '../errors.js';
import { shortReason } from './read-docx.js';
import { rowLine } from './html-to-lines.js';
import { TEMPLATE_COLUMNS, TEMPLATE_SHEET } from '../template/template-fields.js';
import { templateGridOf, type TemplateGrid } from '../template/read-template.js';

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return '';
  }
  return String(value);
}

export async function loadWorkbook(bytes: Uint8Array, fileName: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (error) {
    throw new ReportParseError('CORRUPT_FILE', fileName, `无法作为 Excel 工作簿读取（${shortReason(error)}）`);
  }
  return workbook;
}

/** Every sheet, every row → one tab-separated line; a blank line between sheets. */
export function workbookText(workbook: ExcelJS.Workbook): string {
  const lines: string[] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const cells: string[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) {
        const cell = row.getCell(c);
        // A merged range holds its value once (in its master cell), as in Word and the text exports.
        const slave = cell.isMerged && cell.master !== cell;
        cells.push(slave ? '' : cellText(cell.value).replace(/[\t\r\n]+/g, ' ').trim());
      }
      while (cells.length && !cells[cells.length - 1]) cells.pop();
      if (!cells.length) lines.push('');
      else if (cells.filter(Boolean).length === 1 && cells[0]) lines.push(cells[0]);
      else lines.push(rowLine(cells));
    });
    lines.push('');
  });
  return lines.join('\n');
}

export async function readXlsx(bytes: Uint8Array, fileName: string): Promise<string> {
  return workbookText(await loadWorkbook(bytes, fileName));
}

/** A template cell as its text; a formula without a cached result stays visible (=…) so it is refused, not read as empty. */
function templateCellText(value: ExcelJS.CellValue): string {
  if (value && typeof value === 'object' && 'formula' in value && (value.result === undefined || value.result === null)) return `=${value.formula}`;
  return cellText(value);
}

/**
 * The rows of the province template when a sheet of the workbook is one (the sheet named
 * 自评报告 first, then any sheet whose row 2 reads 模板 | 版本 | <version>); otherwise null.
 */
export function templateGridOfWorkbook(workbook: ExcelJS.Workbook): TemplateGrid | null {
  const named = workbook.getWorksheet(TEMPLATE_SHEET);
  const sheets = [...(named ? [named] : []), ...workbook.worksheets.filter((s) => s !== named)];
  for (const sheet of sheets) {
    const width = Math.max(TEMPLATE_COLUMNS.length, sheet.columnCount);
    const head = [1, 2].map((n) => Array.from({ length: 3 }, (_, i) => templateCellText(sheet.getRow(n).getCell(i + 1).value)));
    if (!templateGridOf(head)) continue;
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (r, n) => {
      rows[n - 1] = Array.from({ length: width }, (_, i) => templateCellText(r.getCell(i + 1).value));
    });
    return templateGridOf(Array.from(rows, (r) => r ?? []));
  }
  return null;
}
