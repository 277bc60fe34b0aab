import type { ReportDocument } from '@hunan-perf/contracts';

/**
 * The province template (统一填报模板) a unit fills in: one sheet (or one .csv) of rows
 * 类型 | 字段 | 值 | indicator columns. This list says which row maps to which ReportDocument path;
 * the engine reads filled templates with it and the API writes templates with it.
 */
export const TEMPLATE_VERSION = 'hunan-perf-report-template-v1';

/** The name of the data sheet of the .xlsx template. */
export const TEMPLATE_SHEET = '自评报告';

export const TEMPLATE_COLUMNS = ['类型', '字段', '值', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '备注'] as const;

export type TemplateFieldKind = 'text' | 'amount' | 'rate' | 'int' | 'score' | 'level' | 'reportKind' | 'grade' | 'date';

export interface TemplateField {
  label: string;
  path: string;
  kind: TemplateFieldKind;
}

/** Every scalar of the ReportDocument the template carries, with its label (amounts in 万元, rates in %). */
export const TEMPLATE_FIELDS: ReadonlyArray<TemplateField> = [
  { label: '单位名称', path: 'unit.name', kind: 'text' },
  { label: '所属地区', path: 'unit.regionName', kind: 'text' },
  { label: '行政层级（省级/市级/县级）', path: 'unit.level', kind: 'level' },
  { label: '年度', path: 'fiscalYear', kind: 'int' },
  { label: '报告类型（部门整体支出/项目支出）', path: 'reportKind', kind: 'reportKind' },
  { label: '报告日期（YYYY-MM-DD）', path: 'reportDate', kind: 'date' },
  { label: '自评得分', path: 'score.total', kind: 'score' },
  { label: '评价等级（优/良/中/差）', path: 'score.grade', kind: 'grade' },
  { label: '评价等级（原文）', path: 'score.gradeText', kind: 'text' },
  { label: '部门整体 年初预算数（万元）', path: 'budget.total.initial', kind: 'amount' },
  { label: '部门整体 全年预算数（万元）', path: 'budget.total.adjusted', kind: 'amount' },
  { label: '部门整体 全年执行数（万元）', path: 'budget.total.actual', kind: 'amount' },
  { label: '部门整体 执行率（%，报告所填）', path: 'budget.total.executionRateStated', kind: 'rate' },
  { label: '部门整体 上年结转结余（万元）', path: 'budget.total.carryover', kind: 'amount' },
  { label: '部门整体 预算调整数（追加/追减，万元）', path: 'budget.total.adjustmentStated', kind: 'amount' },
  { label: '基本支出 年初预算数（万元）', path: 'budget.basic.initial', kind: 'amount' },
  { label: '基本支出 全年预算数（万元）', path: 'budget.basic.adjusted', kind: 'amount' },
  { label: '基本支出 全年执行数（万元）', path: 'budget.basic.actual', kind: 'amount' },
  { label: '项目支出 年初预算数（万元）', path: 'budget.project.initial', kind: 'amount' },
  { label: '项目支出 全年预算数（万元）', path: 'budget.project.adjusted', kind: 'amount' },
  { label: '项目支出 全年执行数（万元）', path: 'budget.project.actual', kind: 'amount' },
  { label: '三公经费 预算数（万元）', path: 'threePublic.budget', kind: 'amount' },
  { label: '三公经费 决算数（万元）', path: 'threePublic.actual', kind: 'amount' },
  { label: '三公经费 上年决算数（万元）', path: 'threePublic.priorYearActual', kind: 'amount' },
  { label: '公务接待费（万元）', path: 'threePublic.reception', kind: 'amount' },
  { label: '公务用车购置费（万元）', path: 'threePublic.vehiclePurchase', kind: 'amount' },
  { label: '公务用车运行维护费（万元）', path: 'threePublic.vehicleOperation', kind: 'amount' },
  { label: '因公出国（境）费（万元）', path: 'threePublic.overseas', kind: 'amount' },
  { label: '编制数（人）', path: 'staff.quota', kind: 'int' },
  { label: '实有人数（人）', path: 'staff.actual', kind: 'int' },
];

const LEVELS: Record<string, string> = { province: '省级', city: '市级', county: '县级' };
const KINDS: Record<string, string> = { department_overall: '部门整体支出', project: '项目支出' };

export function getPath(doc: ReportDocument, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | null)?.[k], doc);
}

export function setPath(doc: ReportDocument, path: string, value: unknown): void {
  const parts = path.split('.');
  const parent = parts.slice(0, -1).reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], doc) as Record<string, unknown>;
  parent[parts[parts.length - 1]!] = value;
}

/** The cell text of a field value. */
export function formatField(kind: TemplateFieldKind, value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (kind === 'level') return LEVELS[String(value)] ?? String(value);
  if (kind === 'reportKind') return KINDS[String(value)] ?? String(value);
  return value as string | number;
}

export class TemplateValueError extends Error {}

/** A cell back to the field value; throws TemplateValueError naming the problem. */
export function parseField(kind: TemplateFieldKind, raw: string): unknown {
  const text = raw.trim();
  if (text === '') return null;
  switch (kind) {
    case 'text':
      return text;
    case 'amount':
    case 'rate':
    case 'score': {
      const n = Number(text.replace(/,/g, '').replace(/%$/, ''));
      if (!Number.isFinite(n)) throw new TemplateValueError(`“${text}”不是数字`);
      return Math.round(n * 100) / 100;
    }
    case 'int': {
      if (!/^\d+$/.test(text)) throw new TemplateValueError(`“${text}”不是整数`);
      return Number(text);
    }
    case 'level': {
      const found = Object.entries(LEVELS).find(([key, label]) => text === label || text === key);
      if (!found) throw new TemplateValueError(`“${text}”不是 省级/市级/县级 之一`);
      return found[0];
    }
    case 'reportKind': {
      const found = Object.entries(KINDS).find(([key, label]) => text === label || text === key);
      if (!found) throw new TemplateValueError(`“${text}”不是 部门整体支出/项目支出 之一`);
      return found[0];
    }
    case 'grade':
      if (!['优', '良', '中', '差'].includes(text)) throw new TemplateValueError(`“${text}”不是 优/良/中/差 之一`);
      return text;
    case 'date':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new TemplateValueError(`“${text}”不是 YYYY-MM-DD 格式的日期`);
      return text;
  }
}
