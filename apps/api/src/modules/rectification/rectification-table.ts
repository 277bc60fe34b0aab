import type { Column } from '../exports/table.js';
import type { RectificationItemDto } from './dto/rectification.dto.js';
import { RECURRING_LABEL, STATUS_LABELS } from './rectification-rules.js';

const LEVEL_LABELS: Record<string, string> = { province: '省级', city: '市级', county: '县级' };

/** The export of the item list: one row per item, in the list's order. */
export const itemColumns: Column<RectificationItemDto>[] = [
  { header: '年度', type: 'int', value: (r) => r.fiscalYear },
  { header: '单位', type: 'text', value: (r) => r.unitName },
  { header: '地区', type: 'text', value: (r) => r.regionName },
  { header: '层级', type: 'text', value: (r) => LEVEL_LABELS[r.level] ?? r.level },
  { header: '问题序号', type: 'int', value: (r) => r.position + 1 },
  { header: '存在的问题', type: 'text', value: (r) => r.problemText, width: 60 },
  { header: '问题原文行号', type: 'int', value: (r) => r.sourceLine },
  { header: '改进措施', type: 'text', value: (r) => r.measureText, width: 60 },
  { header: '措施原文行号', type: 'int', value: (r) => r.measureSourceLine },
  { header: '整改期限', type: 'text', value: (r) => r.dueDate },
  { header: '整改状态', type: 'text', value: (r) => STATUS_LABELS[r.status] },
  { header: '整改说明', type: 'text', value: (r) => r.note, width: 40 },
  { header: '证明材料', type: 'text', value: (r) => r.evidence?.fileName ?? null },
  { header: '已过天数', type: 'int', value: (r) => r.ageDays },
  { header: '是否逾期', type: 'bool', value: (r) => r.overdue },
  { header: '次年报告年度', type: 'int', value: (r) => r.followUpYear },
  { header: RECURRING_LABEL, type: 'bool', value: (r) => r.recurring },
  { header: '相似度（%）', type: 'rate', value: (r) => r.recurringSimilarity },
  { header: '次年重复的问题', type: 'text', value: (r) => r.recurringText, width: 60 },
  { header: '次年原文行号', type: 'int', value: (r) => r.recurringSourceLine },
];

/** The 说明 sheet's definitions for the export. */
export const ITEM_DEFINITIONS = (thresholdPercent: number): [string, string][] => [
  ['整改事项', '已确认的部门整体支出绩效自评报告“存在的问题”中的每一条；改进措施为报告中与之对应（条数相同时按序号，否则取文字最相近）的一条'],
  ['整改期限', '默认为报告年度次年的 12 月 31 日，可由填报单位或审核人员修改'],
  ['已过天数', '自问题所在报告确认之日起的天数（北京时间）'],
  ['是否逾期', '整改状态不是“已整改”，且已过整改期限'],
  [RECURRING_LABEL, `本单位次年报告的“存在的问题”中有一条与之相似度不低于 ${thresholdPercent}%（文字雷同阈值，相似度的算法同文字雷同）`],
];
