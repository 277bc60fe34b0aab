import type { ReportDocument } from '@hunan-perf/contracts';
import ExcelJS from 'exceljs';
import { formatField, getPath, TEMPLATE_COLUMNS, TEMPLATE_FIELDS, TEMPLATE_SHEET, TEMPLATE_VERSION } from '@hunan-perf/report-parser';

/**
 * Writing the province template (blank, or filled from a report so that it round-trips). Reading a
 * filled template is the engine's: extractReports() recognises one by its content (.xlsx or .csv),
 * with the same field list (TEMPLATE_FIELDS of @hunan-perf/report-parser).
 */

export type Cell = string | number | null;

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
