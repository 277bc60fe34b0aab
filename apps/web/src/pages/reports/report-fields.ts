/** Turns a ReportDocument into labelled field rows for the detail page (pure; unit-tested). */
import type { IndicatorRow, ReportDocument, ScoreBreakdownRow } from '@hunan-perf/contracts';
import { BREAKDOWN_COLUMN_LABELS, fieldLabel, INDICATOR_COLUMN_LABELS, warningTitle } from '@hunan-perf/contracts/labels';

/** The scalar fields a reviewer sees and corrects, in page order; their names come from the contract's one label table. */
export const SCALAR_PATHS = [
  'unit.name', 'unit.regionName', 'unit.level', 'fiscalYear', 'reportKind', 'reportDate',
  'score.total', 'score.grade', 'score.gradeText',
  'budget.total.initial', 'budget.total.adjusted', 'budget.total.actual', 'budget.total.executionRateStated',
  'budget.total.carryover', 'budget.total.adjustmentStated',
  'budget.basic.initial', 'budget.basic.adjusted', 'budget.basic.actual',
  'budget.project.initial', 'budget.project.adjusted', 'budget.project.actual',
  'threePublic.budget', 'threePublic.actual', 'threePublic.priorYearActual',
  'threePublic.reception', 'threePublic.vehiclePurchase', 'threePublic.vehicleOperation', 'threePublic.overseas',
  'staff.quota', 'staff.actual',
] as const;

/** Coded values shown in words. */
const CODES: Record<string, Record<string, string>> = {
  'unit.level': { province: '省级', city: '市级', county: '县级' },
  reportKind: { department_overall: '部门整体支出', project: '项目支出' },
};

/** The words for a coded field's value ("city" → 市级); other values come back unchanged. */
export function displayValue(path: string, value: unknown): unknown {
  return typeof value === 'string' ? (CODES[path]?.[value] ?? value) : value;
}

const AMOUNT = /^(budget\.|threePublic\.)/;
const RATE = /executionRateStated$/;

export interface FieldRow { path: string; label: string; value: unknown; kind: 'amount' | 'rate' | 'text' | 'number' }

/** Every scalar field of the document, in page order, named in Chinese. */
export function scalarFields(doc: Partial<ReportDocument>): FieldRow[] {
  return SCALAR_PATHS.map((path) => {
    const value = getPath(doc, path);
    const kind = RATE.test(path) ? 'rate' : AMOUNT.test(path) ? 'amount' : typeof value === 'number' ? 'number' : 'text';
    return { path, label: fieldLabel(path), value: value ?? null, kind };
  });
}

/** Reads "budget.total.actual" or "indicators.3.actual" from an object. */
export function getPath(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, key) => (o != null && typeof o === 'object' ? (o as Record<string, unknown>)[key] : undefined), obj);
}

/** Parses what an analyst typed for a field: numbers for numeric fields, '' → null. */
export function parseEdit(kind: FieldRow['kind'], raw: string): string | number | null {
  const t = raw.trim();
  if (t === '') return null;
  if (kind === 'text') return t;
  const n = Number(t.replace(/,/g, '').replace(/%$/, ''));
  if (!Number.isFinite(n)) throw new Error('请输入数字');
  return n;
}

export type RowTable = 'indicators' | 'scoreBreakdown';
export type EditableRow = IndicatorRow | ScoreBreakdownRow;

/** The cells a reviewer fills for a row of each table (the indicator's category is derived by the server). */
export const ROW_COLUMNS: Record<RowTable, { key: string; label: string; numeric: boolean }[]> = {
  indicators: (['level1', 'level2', 'name', 'target', 'actual', 'weight', 'score', 'note'] as const).map((key) => ({
    key, label: INDICATOR_COLUMN_LABELS[key], numeric: key === 'weight' || key === 'score',
  })),
  scoreBreakdown: (['level1', 'level2', 'weight', 'score'] as const).map((key) => ({
    key, label: BREAKDOWN_COLUMN_LABELS[key], numeric: key === 'weight' || key === 'score',
  })),
};

/** The form's text for a row (empty for a new one). */
export function rowForm(table: RowTable, row: EditableRow | null): Record<string, string> {
  return Object.fromEntries(ROW_COLUMNS[table].map((c) => {
    const v = row ? (row as unknown as Record<string, unknown>)[c.key] : null;
    return [c.key, v == null ? '' : String(v)];
  }));
}

/** What the form says, as row cells: numbers for 分值/得分, '' → null; a bad number names its column. */
export function parseRowForm(table: RowTable, form: Record<string, string>): Record<string, string | number | null> {
  const cells: Record<string, string | number | null> = {};
  for (const c of ROW_COLUMNS[table]) {
    try {
      cells[c.key] = parseEdit(c.numeric ? 'number' : 'text', form[c.key] ?? '');
    } catch {
      throw new Error(`${c.label}请输入数字`);
    }
  }
  return cells;
}

/** "三级指标 预算执行率 · 指标值 100% · 分值 5 · 得分 5": a row in one line, empty cells left out. */
export function rowSummary(table: RowTable, row: unknown): string {
  if (row == null || typeof row !== 'object') return '—';
  const parts = ROW_COLUMNS[table]
    .map((c) => [c.label, (row as Record<string, unknown>)[c.key]] as const)
    .filter(([, v]) => v != null && v !== '')
    .map(([label, v]) => `${label} ${String(v)}`);
  return parts.length ? parts.join(' · ') : '（空行）';
}

export interface LedgerEntry { path: string; label: string; change: string; before: unknown; after: unknown; extracted: unknown }

const tableOf = (path: string): RowTable | null => (/^(indicators|scoreBreakdown)\.\d+$/.exec(path)?.[1] as RowTable | undefined) ?? null;

function valueText(path: string, v: unknown): string {
  if (v == null) return '—';
  const table = tableOf(path);
  if (table) return rowSummary(table, v);
  const shown = displayValue(path, v);
  if (Array.isArray(shown)) return shown.join('；');
  return typeof shown === 'object' ? JSON.stringify(shown) : String(shown);
}

/** One line of the corrections ledger in words: "自评得分：99 → 98.36", "新增 绩效指标第 25 行：…". */
export function ledgerText(c: LedgerEntry): { text: string; extracted: string | null } {
  const label = c.label || fieldLabel(c.path);
  if (c.change === 'row_added') return { text: `新增${label}：${valueText(c.path, c.after)}`, extracted: null };
  if (c.change === 'row_deleted') return { text: `删除${label}：${valueText(c.path, c.before)}`, extracted: null };
  const table = tableOf(c.path);
  if (table && c.before && c.after && typeof c.before === 'object' && typeof c.after === 'object') {
    // A corrected row: only the cells that changed, each as before → after.
    const cell = (row: unknown, key: string) => (row as Record<string, unknown>)[key];
    const changed = ROW_COLUMNS[table]
      .filter((col) => JSON.stringify(cell(c.before, col.key) ?? null) !== JSON.stringify(cell(c.after, col.key) ?? null))
      .map((col) => `${col.label} ${cell(c.before, col.key) == null ? '—' : String(cell(c.before, col.key))} → ${cell(c.after, col.key) == null ? '—' : String(cell(c.after, col.key))}`);
    return { text: `${label}：${changed.join('；') || '无变化'}`, extracted: null };
  }
  return { text: `${label}：${valueText(c.path, c.before)} → ${valueText(c.path, c.after)}`, extracted: valueText(c.path, c.extracted) };
}

/** A warning's title and the name of the field it is about, never the code or the path. */
export function warningHeading(w: { code?: string; path?: string | null }): { title: string; field: string | null } {
  return { title: warningTitle(w.code ?? ''), field: w.path ? fieldLabel(w.path) : null };
}
