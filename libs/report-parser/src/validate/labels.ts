/** Chinese names of the fields and of the places a value is read from, for warning messages. */
const FIELD_LABELS: Record<string, string> = {
  'unit.name': '单位名称',
  'unit.regionName': '所属地区',
  fiscalYear: '年度',
  reportDate: '报告日期',
  'score.total': '自评得分',
  'score.grade': '评价等级',
  'budget.total': '部门整体支出',
  'budget.basic': '基本支出',
  'budget.project': '项目支出',
  initial: '年初预算数',
  adjusted: '全年预算数',
  actual: '全年执行数',
  executionRateStated: '执行率',
  'threePublic.budget': '三公经费预算数',
  'threePublic.actual': '三公经费决算数',
  'threePublic.priorYearActual': '三公经费上年决算数',
  'threePublic.reception': '公务接待费',
  'threePublic.vehiclePurchase': '公务用车购置费',
  'threePublic.vehicleOperation': '公务用车运行维护费',
  'threePublic.overseas': '因公出国（境）费',
  'staff.quota': '编制数',
  'staff.actual': '实有人数',
};

const PLACES: Record<string, string> = {
  table: '表格',
  text: '正文',
  title: '标题',
  signature: '落款',
  'basic-data table': '基础数据表',
  'self-evaluation table': '自评表',
  'score table': '评分表',
};

/** "budget.total.initial" → "部门整体支出年初预算数"; unknown paths come back as they are. */
export function fieldLabel(path: string): string {
  if (FIELD_LABELS[path]) return FIELD_LABELS[path]!;
  const m = /^(budget\.(?:total|basic|project))\.(\w+)$/.exec(path);
  if (m && FIELD_LABELS[m[1]!] && FIELD_LABELS[m[2]!]) return `${FIELD_LABELS[m[1]!]}${FIELD_LABELS[m[2]!]}`;
  return path;
}

export function placeLabel(where: string): string {
  return PLACES[where] ?? where;
}
