/** Turns a ReportDocument into labelled field rows for the detail page (pure; unit-tested). */
import type { ReportDocument } from '@hunan-perf/contracts';

export const FIELD_LABELS: Record<string, string> = {
  'unit.name': '单位名称', 'unit.regionName': '所属地区', 'unit.level': '层级', fiscalYear: '年度', reportKind: '报告类型', reportDate: '填报日期',
  'score.total': '自评得分', 'score.grade': '等级', 'score.gradeText': '等级（原文）',
  'budget.total.initial': '年初预算数（合计）', 'budget.total.adjusted': '全年预算数（合计）', 'budget.total.actual': '全年执行数（合计）',
  'budget.total.executionRateStated': '报告所填执行率',
  'budget.basic.initial': '基本支出 年初预算数', 'budget.basic.adjusted': '基本支出 全年预算数', 'budget.basic.actual': '基本支出 全年执行数',
  'budget.project.initial': '项目支出 年初预算数', 'budget.project.adjusted': '项目支出 全年预算数', 'budget.project.actual': '项目支出 全年执行数',
  'threePublic.budget': '三公经费 预算数', 'threePublic.actual': '三公经费 决算数', 'threePublic.priorYearActual': '三公经费 上年决算数',
  'threePublic.reception': '公务接待费', 'threePublic.vehiclePurchase': '公务用车购置费', 'threePublic.vehicleOperation': '公务用车运行维护费',
  'threePublic.overseas': '因公出国（境）费',
  'staff.quota': '编制数', 'staff.actual': '实有人数',
};

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

/** Every scalar field of the document that has a label, in the label table's order. */
export function scalarFields(doc: Partial<ReportDocument>): FieldRow[] {
  return Object.keys(FIELD_LABELS).map((path) => {
    const value = getPath(doc, path);
    const kind = RATE.test(path) ? 'rate' : AMOUNT.test(path) ? 'amount' : typeof value === 'number' ? 'number' : 'text';
    return { path, label: FIELD_LABELS[path]!, value: value ?? null, kind };
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
