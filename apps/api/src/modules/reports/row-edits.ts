import type { IndicatorRow, ReportDocument, ScoreBreakdownRow } from '@hunan-perf/contracts';
import { fieldLabel } from '@hunan-perf/contracts';
import { categoryOf } from '@hunan-perf/report-parser';
import { badRequest } from '../../common/app-error.js';
import { type AppliedEdit, checkedDocument } from './document-edits.js';

export const ROW_TABLES = ['indicators', 'scoreBreakdown'] as const;
export type RowTable = (typeof ROW_TABLES)[number];
export const ROW_ACTIONS = ['add', 'update', 'delete'] as const;
export type RowAction = (typeof ROW_ACTIONS)[number];

/** The cells a reviewer may give; the indicator's canonical category is derived from its 一级/二级. */
export type RowCells = Partial<Omit<IndicatorRow, 'category'>> & Partial<ScoreBreakdownRow>;

export interface RowEdit {
  table: RowTable;
  action: RowAction;
  /** The row to change or delete; for add, the position to insert at (default: the end). */
  index?: number;
  row?: RowCells;
}

const INDICATOR_CELLS = ['level1', 'level2', 'name', 'target', 'actual', 'weight', 'score', 'note'] as const;
const BREAKDOWN_CELLS = ['level1', 'level2', 'weight', 'score'] as const;

function cellsOf(table: RowTable, base: Record<string, unknown>, given: RowCells): IndicatorRow | ScoreBreakdownRow {
  const names = table === 'indicators' ? INDICATOR_CELLS : BREAKDOWN_CELLS;
  const row: Record<string, unknown> = {};
  // undefined (left out) keeps the cell; null clears it.
  for (const name of names) row[name] = (given as Record<string, unknown>)[name] !== undefined ? (given as Record<string, unknown>)[name] : (base[name] ?? null);
  if (table === 'indicators') {
    const r = row as unknown as IndicatorRow;
    return { level1: r.level1, category: categoryOf(r.level1, r.level2), level2: r.level2, name: r.name, target: r.target, actual: r.actual, weight: r.weight, score: r.score, note: r.note };
  }
  return row as unknown as ScoreBreakdownRow;
}

const isEmpty = (row: IndicatorRow | ScoreBreakdownRow) =>
  Object.entries(row).every(([k, v]) => k === 'category' || v === null || v === '');

/**
 * Adds, changes or deletes one indicator or score-breakdown row of a copy of the document. The
 * ledger entry is the whole row before and after ("indicators.3": row → row; null for add/delete).
 */
export function applyRowEdit(doc: ReportDocument, edit: RowEdit): { document: ReportDocument; applied: AppliedEdit[] } {
  const next = structuredClone(doc);
  const rows = next[edit.table] as (IndicatorRow | ScoreBreakdownRow)[];
  const tableLabel = fieldLabel(edit.table);
  const index = edit.index;
  if (edit.action !== 'add' && (index === undefined || index >= rows.length)) {
    throw badRequest('ROW_NOT_FOUND', index === undefined ? `请指定要${edit.action === 'delete' ? '删除' : '更正'}的${tableLabel}行号` : `${tableLabel}没有第 ${index + 1} 行（共 ${rows.length} 行）`, [{ field: 'index', message: `${tableLabel}行号不存在` }]);
  }
  if (edit.action !== 'delete' && !edit.row) throw badRequest('ROW_REQUIRED', `请填写${tableLabel}行的内容`, [{ field: 'row', message: '行内容必填' }]);
  if (edit.table === 'scoreBreakdown' && edit.row) {
    const extra = (['name', 'target', 'actual', 'note'] as const).filter((k) => edit.row![k] !== undefined);
    if (extra.length) throw badRequest('ROW_CELL_UNKNOWN', `评分明细行没有${extra.map((k) => fieldLabel(`indicators.0.${k}`).replace('绩效指标第 1 行', '')).join('、')}`, extra.map((k) => ({ field: `row.${k}`, message: '评分明细行没有该列' })));
  }
  let applied: AppliedEdit;
  if (edit.action === 'add') {
    const at = index === undefined ? rows.length : Math.min(index, rows.length);
    const row = cellsOf(edit.table, {}, edit.row!);
    if (isEmpty(row)) throw badRequest('ROW_EMPTY', `新增的${tableLabel}行至少要填一项`, [{ field: 'row', message: '行内容为空' }]);
    rows.splice(at, 0, row);
    applied = { path: `${edit.table}.${at}`, oldValue: null, newValue: row };
  } else if (edit.action === 'update') {
    const old = rows[index!]!;
    const row = cellsOf(edit.table, old as unknown as Record<string, unknown>, edit.row!);
    if (JSON.stringify(cellsOf(edit.table, old as unknown as Record<string, unknown>, {})) === JSON.stringify(row)) return { document: doc, applied: [] };
    rows[index!] = row;
    applied = { path: `${edit.table}.${index}`, oldValue: old, newValue: row };
  } else {
    const [old] = rows.splice(index!, 1);
    applied = { path: `${edit.table}.${index}`, oldValue: old, newValue: null };
  }
  return { document: checkedDocument(next), applied: [applied] };
}
