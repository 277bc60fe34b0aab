/** The audit page's filter form and how it becomes the API query (pure; unit-tested). */
import type { AuditQuery } from '@/api/types';

export interface AuditFilterForm {
  /** Calendar days in 北京时间, `YYYY-MM-DD`, both included; empty for open ends. */
  from: string;
  to: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
}

export const emptyAuditFilters = (): AuditFilterForm => ({ from: '', to: '', actor: '', action: '', entityType: '', entityId: '' });

export const PAGE_SIZE = 50;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Problems with the filters in plain words, by field; empty when they can be sent. */
export function auditFilterProblems(form: AuditFilterForm): Record<string, string> {
  const problems: Record<string, string> = {};
  if (form.from && !DATE.test(form.from)) problems.from = '起始日期格式应为 YYYY-MM-DD';
  if (form.to && !DATE.test(form.to)) problems.to = '截止日期格式应为 YYYY-MM-DD';
  if (!problems.from && !problems.to && form.from && form.to && form.from > form.to) problems.to = '截止日期不能早于起始日期';
  if (form.actor.trim().length > 100) problems.actor = '操作人最多 100 个字符';
  if (form.entityId.trim().length > 100) problems.entityId = '对象编号最多 100 个字符';
  return problems;
}

/** The API query for a page (1-based) of the trail; empty filters are left out. */
export function toAuditQuery(form: AuditFilterForm, page = 1): AuditQuery {
  const query: AuditQuery = { limit: PAGE_SIZE, offset: (Math.max(1, page) - 1) * PAGE_SIZE };
  if (form.from) query.from = form.from;
  if (form.to) query.to = form.to;
  if (form.actor.trim()) query.actor = form.actor.trim();
  if (form.action) query.action = form.action;
  if (form.entityType) query.entityType = form.entityType;
  if (form.entityId.trim()) query.entityId = form.entityId.trim();
  return query;
}

export const ENTITY_TYPES: { value: string; label: string }[] = [
  { value: 'app_user', label: '账号' },
  { value: 'address', label: '地址' },
  { value: 'report', label: '报告' },
  { value: 'unit', label: '单位' },
  { value: 'source_document', label: '源文件' },
  { value: 'setting', label: '设置' },
];
