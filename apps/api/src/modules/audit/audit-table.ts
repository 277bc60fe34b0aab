import type { Column } from '../exports/table.js';
import type { AuditRow } from './audit.repository.js';
import { actionLabel, entityLabel } from './audit-actions.js';

const json = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));

/** The audit trail as an export table: Chinese headers, times in 北京时间, values as JSON text. */
export const AUDIT_COLUMNS: Column<AuditRow>[] = [
  { header: '编号', type: 'text', value: (r) => r.id, width: 10 },
  { header: '时间（北京时间）', type: 'text', value: (r) => r.occurredLocal, width: 20 },
  { header: '操作人', type: 'text', value: (r) => r.actorName, width: 18 },
  { header: '操作', type: 'text', value: (r) => actionLabel(r.action), width: 12 },
  { header: '操作代码', type: 'text', value: (r) => r.action, width: 20 },
  { header: '对象类型', type: 'text', value: (r) => entityLabel(r.entityType), width: 10 },
  { header: '对象编号', type: 'text', value: (r) => r.entityId, width: 38 },
  { header: '字段', type: 'text', value: (r) => r.field, width: 24 },
  { header: '原值', type: 'text', value: (r) => json(r.oldValue), width: 40 },
  { header: '新值', type: 'text', value: (r) => json(r.newValue), width: 40 },
  { header: '原因', type: 'text', value: (r) => r.reason, width: 24 },
  { header: '来源地址', type: 'text', value: (r) => r.address, width: 16 },
  { header: '请求编号', type: 'text', value: (r) => r.requestId, width: 38 },
];
