import { Injectable } from '@nestjs/common';
import { METRIC_DEFINITIONS_VERSION } from '@hunan-perf/metrics';
import type { Response } from 'express';
import { badRequest } from '../../common/app-error.js';
import { sendTable } from '../exports/send-table.js';
import { shanghaiTime } from '../exports/shanghai-time.js';
import { AUDIT_COLUMNS } from './audit-table.js';
import { AuditRepository, type AuditRow } from './audit.repository.js';
import { actionLabel, entityLabel } from './audit-actions.js';
import type { AuditActionDto, AuditEventDto, AuditExportQueryDto, AuditPageDto, AuditQueryDto } from './dto/audit.dto.js';

const mapEvent = (r: AuditRow): AuditEventDto => ({
  id: r.id, occurredAt: new Date(r.occurredAt).toISOString(), actorId: r.actorId, actorName: r.actorName,
  action: r.action, actionLabel: actionLabel(r.action), entityType: r.entityType, entityId: r.entityId, field: r.field,
  oldValue: r.oldValue, newValue: r.newValue, reason: r.reason, address: r.address, requestId: r.requestId,
});

/** The reading side of the audit trail (admins): filtered pages and CSV / XLSX exports. */
@Injectable()
export class AuditTrailService {
  constructor(private readonly repo: AuditRepository) {}

  async page(q: AuditQueryDto): Promise<AuditPageDto> {
    this.checkRange(q);
    const [total, rows] = await Promise.all([this.repo.count(q), this.repo.page(q, q.limit, q.offset)]);
    return { items: rows.map(mapEvent), total, limit: q.limit, offset: q.offset };
  }

  async actions(): Promise<AuditActionDto[]> {
    return (await this.repo.actions()).map((action) => ({ action, label: actionLabel(action) }));
  }

  async export(q: AuditExportQueryDto, res: Response): Promise<void> {
    this.checkRange(q);
    await this.repo.stream(q, (rows, total) => sendTable(res, {
      fileName: '审计日志',
      columns: AUDIT_COLUMNS,
      rows,
      context: {
        title: '审计日志', filters: filtersOf(q), generatedAt: shanghaiTime(new Date()), dataAsOf: null,
        metricDefinitionsVersion: METRIC_DEFINITIONS_VERSION, rows: total, confirmedRows: total,
      },
    }, q.format));
  }

  private checkRange(q: AuditQueryDto): void {
    if (q.from && q.to && q.from > q.to) throw badRequest('INVALID_RANGE', `起始日期 ${q.from} 晚于截止日期 ${q.to}`, [{ field: 'from', message: '晚于截止日期' }]);
  }
}

/** The filters as a reader would state them, for the export's 说明. */
function filtersOf(q: AuditQueryDto): Record<string, string> {
  const f: Record<string, string> = { 时间范围: `${q.from ?? '最早'} 至 ${q.to ?? '最新'}（北京时间）` };
  if (q.actor) f['操作人'] = q.actor;
  if (q.action) f['操作'] = actionLabel(q.action);
  if (q.entityType) f['对象类型'] = entityLabel(q.entityType);
  if (q.entityId) f['对象编号'] = q.entityId;
  return f;
}
