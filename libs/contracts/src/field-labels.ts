/**
 * Chinese names of ReportDocument fields, one table for the extraction engine's messages, the
 * API's errors and correction ledger, exports and the web: whatever reaches people names a field
 * with these words, never with its dotted path.
 */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  schemaVersion: '数据版本',
  source: '来源文件',
  'source.fileName': '来源文件名',
  unit: '单位',
  'unit.name': '单位名称',
  'unit.regionName': '所属地区',
  'unit.level': '层级',
  fiscalYear: '年度',
  reportKind: '报告类型',
  reportDate: '报告日期',
  score: '得分',
  'score.total': '自评得分',
  'score.grade': '评价等级',
  'score.gradeText': '评价等级（原文）',
  budget: '预算',
  'budget.total': '部门整体支出',
  'budget.basic': '基本支出',
  'budget.project': '项目支出',
  threePublic: '三公经费',
  'threePublic.budget': '三公经费预算数',
  'threePublic.actual': '三公经费决算数',
  'threePublic.priorYearActual': '三公经费上年决算数',
  'threePublic.reception': '公务接待费',
  'threePublic.vehiclePurchase': '公务用车购置费',
  'threePublic.vehicleOperation': '公务用车运行维护费',
  'threePublic.overseas': '因公出国（境）费',
  staff: '人员',
  'staff.quota': '编制数',
  'staff.actual': '实有人数',
  indicators: '绩效指标',
  scoreBreakdown: '评分明细',
  findings: '问题与措施',
  'findings.problems': '存在的问题',
  'findings.measures': '改进措施',
  warnings: '警告',
  provenance: '出处',
  coverage: '覆盖率',
};

/** The amounts of a budget line ("budget.total.initial" → 部门整体支出 + 年初预算数). */
export const BUDGET_AMOUNT_LABELS: Readonly<Record<string, string>> = {
  initial: '年初预算数',
  adjusted: '全年预算数',
  actual: '全年执行数',
  executionRateStated: '执行率',
  carryover: '上年结转结余',
  adjustmentStated: '预算调整数',
};

/** Columns of an indicator row, in table order. */
export const INDICATOR_COLUMN_LABELS = {
  level1: '一级指标',
  category: '指标类别',
  level2: '二级指标',
  name: '三级指标',
  target: '指标值',
  actual: '实际完成值',
  weight: '分值',
  score: '得分',
  note: '备注',
} as const;

/** Columns of a score-breakdown row, in table order. */
export const BREAKDOWN_COLUMN_LABELS = {
  level1: '一级指标',
  level2: '二级指标',
  weight: '分值',
  score: '得分',
} as const;

const ROW_TABLES: Readonly<Record<string, { label: string; unit: string; columns: Readonly<Record<string, string>> }>> = {
  indicators: { label: '绩效指标', unit: '行', columns: INDICATOR_COLUMN_LABELS },
  scoreBreakdown: { label: '评分明细', unit: '行', columns: BREAKDOWN_COLUMN_LABELS },
  'findings.problems': { label: '存在的问题', unit: '条', columns: {} },
  'findings.measures': { label: '改进措施', unit: '条', columns: {} },
};

const BUDGET_PATH = /^budget\.(total|basic|project)\.([A-Za-z]+)$/;
const ROW_PATH = /^(indicators|scoreBreakdown|findings\.problems|findings\.measures)\.(\d{1,6})(?:\.([A-Za-z]+))?$/;

/**
 * The Chinese name of a field path: "score.total" → 自评得分, "budget.total.initial" →
 * 部门整体支出年初预算数, "indicators.3.actual" → 绩效指标第 4 行实际完成值, "scoreBreakdown.0" →
 * 评分明细第 1 行. A path the contract does not know comes back as it is (callers decide).
 */
export function fieldLabel(path: string): string {
  const direct = FIELD_LABELS[path];
  if (direct) return direct;
  const budget = BUDGET_PATH.exec(path);
  if (budget && BUDGET_AMOUNT_LABELS[budget[2]!]) return `${FIELD_LABELS[`budget.${budget[1]}`]}${BUDGET_AMOUNT_LABELS[budget[2]!]}`;
  const row = ROW_PATH.exec(path);
  if (row) {
    const table = ROW_TABLES[row[1]!]!;
    const place = `${table.label}第 ${Number(row[2]) + 1} ${table.unit}`;
    if (row[3] === undefined) return place;
    const column = table.columns[row[3]];
    if (column) return `${place}${column}`;
  }
  return path;
}

/** True when fieldLabel knows the path (so a caller can fall back to its own words otherwise). */
export function hasFieldLabel(path: string): boolean {
  return fieldLabel(path) !== path;
}
