/**
 * Indicator-table header words, per column role, in both frameworks: the 项目支出 table
 * (一级/二级/三级指标, 年度指标值, 实际完成值, 分值, 得分 …) and the Hunan 部门整体支出 scoring sheet
 * (一级/二级/三级指标, 指标解释, 指标说明, 自评分). Matched on the compact cell text, longest first.
 */
export type ColumnRole =
  | 'seq'
  | 'level1'
  | 'level2'
  | 'name'
  | 'target'
  | 'adjustedTarget'
  | 'actual'
  | 'weight'
  | 'score'
  | 'note'
  | 'explain'
  | 'rule'
  | 'nature'
  | 'unit'
  | 'coefficient'
  | 'core';

export const HEADER_WORDS: readonly { role: ColumnRole; words: readonly string[] }[] = [
  { role: 'seq', words: ['序号'] },
  { role: 'level1', words: ['一级指标', '一级'] },
  { role: 'level2', words: ['二级指标', '二级'] },
  { role: 'name', words: ['三级指标', '三级', '指标名称', '指标内容', '绩效指标'] },
  { role: 'adjustedTarget', words: ['调整指标值', '调整后指标值', '全年指标值'] },
  { role: 'target', words: ['年度指标值', '年初指标值', '年度目标值', '预期指标值', '指标值', '目标值', '年度目标', '预期目标', '计划值', '绩效目标值'] },
  { role: 'actual', words: ['指标完成情况', '实际完成值', '全年完成值', '实际完成情况', '完成情况', '实际完成', '完成值', '实际值', '全年实际值'] },
  { role: 'score', words: ['自评得分', '指标得分', '自评分', '得分', '评分'] },
  { role: 'weight', words: ['指标分值', '指标权重', '标准分值', '分值', '权重', '标准分'] },
  { role: 'note', words: ['偏差原因分析及改进措施', '偏差原因', '扣分原因', '未完成原因', '原因分析', '备注'] },
  { role: 'explain', words: ['指标解释', '指标说明及评分标准', '指标说明', '评分标准', '评价标准', '评分依据'] },
  { role: 'nature', words: ['指标性质', '比较符'] },
  { role: 'unit', words: ['计量单位', '度量单位', '单位'] },
  { role: 'coefficient', words: ['得分系数', '完成率'] },
  { role: 'core', words: ['是否核心', '是否核心指标'] },
];

/** Roles that hold numbers in a scoring sheet's cell stream; the others hold text. */
export const NUMERIC_ROLES: ReadonlySet<ColumnRole> = new Set(['seq', 'weight', 'score', 'coefficient']);

/** Level cells that are really 二级 names (a 项目支出 table that leaves 一级 to a merged cell). */
export const LEVEL2_ONLY_NAMES: readonly string[] = [
  '经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标', '服务对象满意度指标', '社会公众满意度指标', '数量指标', '质量指标', '时效指标', '成本指标',
];

/** Rows that close an indicator table. */
export const TOTAL_ROW_WORDS: readonly string[] = ['总分', '合计', '总计', '综合得分', '自评总分'];
