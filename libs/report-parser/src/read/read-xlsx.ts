import ExcelJS from 'exceljs';
import { ReportParseError } from '../errors.js';
import { shortReason } from './read-docx.js';
import { rowLine } from './html-to-lines.js';

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

/** Every sheet, every row → one tab-separated line; a blank line between sheets. */
export async function readXlsx(bytes: Uint8Array, fileName: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (error) {
    throw new ReportParseError('CORRUPT_FILE', fileName, `无法作为 Excel 工作簿读取（${shortReason(error)}）`);
  }
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
