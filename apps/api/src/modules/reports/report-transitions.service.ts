import { Injectable } from '@nestjs/common';
import {
  type ReportAction, type ReportStatus, type ReportTransition, reviewAuditAction, transitionFor, transitionRefusal, type WorkflowRole,
} from '@hunan-perf/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { conflict, notFound } from '../../common/app-error.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { type ReportRecord, ReportsRepository } from './reports.repository.js';

/** The transition the workflow allows `role` from `status`, or 409 naming the status. */
export function requireTransition(action: ReportAction, status: ReportStatus, role: WorkflowRole): ReportTransition {
  const transition = transitionFor(action, status, role);
  if (!transition) throw conflict('REPORT_STATUS_CONFLICT', transitionRefusal(action, status, role));
  return transition;
}

/** Submit (or resubmit), return and withdraw: each one transaction, the row locked, one audit event. */
@Injectable()
export class ReportTransitionsService {
  constructor(
    private readonly db: DataSource,
    private readonly reports: ReportsRepository,
    private readonly audit: AuditService,
  ) {}

  submit(id: string, comment: string | null, actor: AuthUser, requestId: string | null): Promise<ReportRecord> {
    return this.apply(id, 'submit', comment, actor, requestId, (report) => {
      if (report.fiscalYear === null) throw conflict('FISCAL_YEAR_MISSING', '报告缺少年度，请先补充年度再提交审核');
    });
  }

  return(id: string, comment: string, actor: AuthUser, requestId: string | null): Promise<ReportRecord> {
    return this.apply(id, 'return', comment, actor, requestId);
  }

  /** The version stays stored with its source bytes, marked withdrawn; it never counts again. */
  withdraw(id: string, reason: string | null, actor: AuthUser, requestId: string | null): Promise<ReportRecord> {
    return this.apply(id, 'withdraw', reason, actor, requestId);
  }

  private async apply(
    id: string, action: ReportAction, comment: string | null, actor: AuthUser, requestId: string | null,
    precondition?: (report: ReportRecord) => void,
  ): Promise<ReportRecord> {
    return this.db.transaction(async (m: EntityManager) => {
      // Lock first, then check: a step that committed while this request waited is seen here.
      const report = await this.reports.find(id, m, true);
      if (!report) throw notFound('REPORT_NOT_FOUND', '报告不存在');
      const transition = requireTransition(action, report.status, actor.role);
      precondition?.(report);
      await this.reports.setStatus(m, id, transition.to, actor.id);
      await this.audit.record(
        {
          actorId: actor.id, action: reviewAuditAction(transition.event), entityType: 'report', entityId: id,
          oldValue: { status: report.status }, newValue: { status: transition.to, version: report.version }, reason: comment, requestId,
        },
        m,
      );
      return (await this.reports.find(id, m))!;
    });
  }
}
