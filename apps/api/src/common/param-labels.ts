import { fieldLabel, hasFieldLabel } from '@hunan-perf/contracts';

/** Chinese names of the API's request fields (query parameters and body fields), for error messages. */
const PARAM_LABELS: Readonly<Record<string, string>> = {
  year: '年度', years: '年度', fiscalYear: '年度', regionCode: '地区代码', regionCodes: '地区代码', unitId: '单位', unitIds: '单位',
  status: '状态', kind: '报告类型', reportKind: '报告类型', hasWarnings: '是否有警告', includeSynthetic: '是否包含演示数据',
  q: '关键字', sort: '排序', limit: '每页条数', offset: '起始位置', level: '层级', metric: '指标', metrics: '指标', format: '导出格式',
  manifest: '清单', username: '用户名', password: '密码', currentPassword: '当前密码', newPassword: '新密码', role: '角色',
  displayName: '显示名称', name: '名称', aliases: '别名', autoConfirm: '自动确认', reason: '原因', comment: '意见', waitingFor: '待谁处理', edits: '修改项',
  path: '字段', value: '新值', newUnit: '新建单位', saveAlias: '保存为别名', table: '表格', action: '操作', index: '行号', row: '行内容',
  thresholdPercent: '相似度阈值', dueDate: '整改期限', recurring: '是否重复出现', overdue: '是否逾期', section: '部分', relation: '雷同对象', page: '页码', pageSize: '每页条数',
  level1: '一级指标', level2: '二级指标', target: '指标值', actual: '实际完成值', weight: '分值', score: '得分', note: '备注',
};

/** "edits.0.path" → "修改项第 1 项字段"; "row.weight" → "行内容分值"; a document path reads as its contract label. */
export function paramLabel(field: string): string {
  if (PARAM_LABELS[field]) return PARAM_LABELS[field]!;
  if (hasFieldLabel(field)) return fieldLabel(field);
  const parts = field.split('.');
  if (parts.length > 1) {
    return parts.map((p) => (/^\d+$/.test(p) ? `第 ${Number(p) + 1} 项` : (PARAM_LABELS[p] ?? p))).join('');
  }
  return field;
}
