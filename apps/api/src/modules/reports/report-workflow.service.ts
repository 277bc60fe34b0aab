import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, conflict, forbidden, notFound } from '../../common/app-error.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { UnitsRepository } from '../units/units.repository.js';
import { UnitsService } from '../units/units.service.js';
import { writeConfirmedParagraphs } from '../text-reuse/report-paragraphs.js';
import { writeRectificationItems } from '../rectification/rectification-items.js';
import { revalidateReport } from '@hunan-perf/report-parser';
import { mayEdit, type ReportDocument, REPORT_STATUS_LABELS, reviewAuditAction } from '@hunan-perf/contracts';
import { type AppliedEdit, applyEdits, type FieldEdit } from './document-edits.js';
import { applyRowEdit, type RowEdit } from './row-edits.js';
import { ReportRowsRepository } from './report-rows.repository.js';
import { requireTransition } from './report-transitions.service.js';
import { type ReportRecord, ReportsRepository } from './reports.repository.js';

export interface ResolveUnitInput {
  unitId?: string;
  newUnit?: { name: string; regionCode: string; aliases?: string[] };
  /** Save the name the report uses as an alias of the chosen unit. */
  saveAlias?: boolean;
}

/** Whether `actor` may correct a report in its status (libs/contracts mayEdit); checked again under the row lock. */
export function assertMayEdit(report: Pick<ReportRecord, 'status'>, actor: AuthUser): void {
  if (mayEdit(report.status, actor.role)) return;
  const status = REPORT_STATUS_LABELS[report.status];
  if (report.status === 'withdrawn') throw conflict('REPORT_WITHDRAWN', `报告当前状态为“${status}”，不能更正；如需更正请重新上传`);
  throw forbidden(`报告当前状态为“${status}”，提交单位只能更正草稿和已退回的报告`);
}

/** Confirm, correct and resolve: every change in one transaction with its audit events. */
@Injectable()
export class ReportWorkflowService {
  constructor(
    private readonly db: DataSource,
    private readonly reports: ReportsRepository,
    private readonly rows: ReportRowsRepository,
    private readonly units: UnitsRepository,
    private readonly unitsService: UnitsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Makes the report the current confirmed version of its series; confirming twice changes nothing.
   * Only a draft or a submitted report is confirmed (a returned one is resubmitted first). Without
   * an actor (sample data, `npm run ingest -- --confirm`) the system confirms as an admin would.
   */
  async confirm(id: string, actor: AuthUser | null, requestId: string | null = null, manager?: EntityManager): Promise<ReportRecord> {
    const work = async (m: EntityManager) => {
      const report = await this.lockedReport(m, id);
      if (report.status === 'confirmed') return report;
      if (report.status === 'unresolved' || !report.unitId) {
        throw conflict('REPORT_UNRESOLVED', '报告的单位尚未识别，请先指定单位再确认');
      }
      requireTransition('confirm', report.status, actor?.role ?? 'admin');
      if (report.fiscalYear == null) throw conflict('FISCAL_YEAR_MISSING', '报告缺少年度，请先补充年度再确认');
      await this.reports.lockSeries(m, report.unitId, report.fiscalYear, report.kind);
      const superseded = await this.reports.supersedeCurrent(m, report);
      await this.reports.setStatus(m, id, 'confirmed', actor?.id ?? null);
      // Its 存在的问题 and 改进措施 paragraphs replace the superseded version's (copied-text detection).
      await writeConfirmedParagraphs(m, id, superseded);
      // Its 存在的问题 become (or update) the unit-year's 整改 items, linked with the adjacent years.
      await writeRectificationItems(m, id);
      await this.audit.record(
        { actorId: actor?.id ?? null, action: reviewAuditAction('confirm'), entityType: 'report', entityId: id, oldValue: { status: report.status, superseded }, newValue: { status: 'confirmed', version: report.version }, requestId },
        m,
      );
      if (superseded) {
        // The replaced version's own history says what replaced it.
        await this.audit.record(
          { actorId: actor?.id ?? null, action: reviewAuditAction('supersede'), entityType: 'report', entityId: superseded, oldValue: { status: 'confirmed' }, newValue: { status: 'superseded', supersededBy: id, version: report.version }, requestId },
          m,
        );
      }
      return (await this.reports.find(id, m))!;
    };
    return manager ? work(manager) : this.db.transaction(work);
  }

  /**
   * Applies field corrections with a reason. A draft is corrected in place; a confirmed or
   * superseded version stays as it was and the correction becomes a new draft version.
   */
  async edit(id: string, edits: FieldEdit[], reason: string, actor: AuthUser, requestId: string | null): Promise<ReportRecord> {
    return this.correct(id, (doc) => applyEdits(doc, edits), reason, actor, requestId);
  }

  /** Adds, corrects or deletes an indicator or score-breakdown row, as edit does for fields. */
  async editRow(id: string, edit: RowEdit, reason: string, actor: AuthUser, requestId: string | null): Promise<ReportRecord> {
    return this.correct(id, (doc) => applyRowEdit(doc, edit), reason, actor, requestId);
  }

  /**
   * One correction in one transaction: the changed document's warnings re-checked, a new draft
   * version where the report was confirmed (or superseded), its normalised rows and stored
   * metrics rewritten, and one audit event (a ledger entry) per changed field or row.
   */
  private async correct(
    id: string, change: (doc: ReportDocument) => { document: ReportDocument; applied: AppliedEdit[] }, reason: string, actor: AuthUser, requestId: string | null,
  ): Promise<ReportRecord> {
    return this.db.transaction(async (m) => {
      // Lock first, then check: a confirm that committed while this request waited is seen here.
      const report = await this.lockedReport(m, id);
      assertMayEdit(report, actor);
      const edited = change(report.document);
      if (edited.applied.length === 0) return report;
      const { applied } = edited;
      // revalidateReport also refreshes edited.document.coverage, so it runs before the copy.
      const warnings = revalidateReport(edited.document, applied.map((a) => a.path));
      const document = { ...edited.document, warnings };
      let targetId = id;
      if (report.status === 'confirmed' || report.status === 'superseded') {
        const revision = await this.reports.insert(m, {
          sourceDocumentId: report.sourceDocumentId, position: report.position, unitId: report.unitId, regionCode: report.regionCode,
          fiscalYear: document.fiscalYear, kind: document.reportKind, status: 'draft', document, extractedDocument: report.extractedDocument,
          isSynthetic: report.isSynthetic, createdBy: actor.id, revisedFrom: report.id,
        });
        targetId = revision.id;
      } else if (report.unitId && (document.fiscalYear !== report.fiscalYear || document.reportKind !== report.kind)) {
        // A draft moved to another year or kind takes the next version number of its new series.
        await this.reports.lockSeries(m, report.unitId, document.fiscalYear, document.reportKind);
        const version = await this.reports.nextVersion(m, report.unitId, document.fiscalYear, document.reportKind);
        await this.reports.moveToSeries(m, id, document.fiscalYear, document.reportKind, version);
      }
      await this.rows.replace(m, targetId, document);
      for (const change of applied) {
        await this.audit.record(
          { actorId: actor.id, action: 'report.edit', entityType: 'report', entityId: targetId, field: change.path, oldValue: change.oldValue, newValue: change.newValue, reason, requestId },
          m,
        );
      }
      return (await this.reports.find(targetId, m))!;
    });
  }

  /** Picks (or creates) the unit of an unresolved report; optionally saves the report's name as an alias. */
  async resolveUnit(id: string, input: ResolveUnitInput, actor: AuthUser, requestId: string | null): Promise<ReportRecord> {
    if (!input.unitId === !input.newUnit) throw new AppError(400, 'UNIT_CHOICE_REQUIRED', '请指定 unitId（已有单位）或 newUnit（新建单位）其中之一');
    return this.db.transaction(async (m) => {
      const report = await this.lockedReport(m, id);
      if (report.status !== 'unresolved') throw conflict('REPORT_ALREADY_RESOLVED', '该报告的单位已经识别，无需再指定');
      const unit = input.unitId
        ? await this.units.findById(input.unitId, m)
        : await this.unitsService.createWithin(m, { name: input.newUnit!.name, regionCode: input.newUnit!.regionCode, aliases: input.newUnit!.aliases }, actor);
      if (!unit) throw notFound('UNIT_NOT_FOUND', '指定的单位不存在');
      const reportName = report.document.unit.name;
      if (input.saveAlias && reportName && reportName !== unit.name) await this.units.addAliases(unit.id, [reportName], actor.id, m);
      await this.reports.lockSeries(m, unit.id, report.fiscalYear, report.kind);
      const version = await this.reports.nextVersion(m, unit.id, report.fiscalYear, report.kind);
      await this.reports.assignUnit(m, id, unit.id, unit.regionCode, version);
      await this.audit.record(
        {
          actorId: actor.id, action: reviewAuditAction('resolve_unit'), entityType: 'report', entityId: id, oldValue: { status: 'unresolved' },
          newValue: { status: 'draft', unitId: unit.id, unitName: unit.name, aliasSaved: Boolean(input.saveAlias && reportName) }, requestId,
        },
        m,
      );
      return (await this.reports.find(id, m))!;
    });
  }

  private async lockedReport(m: EntityManager, id: string): Promise<ReportRecord> {
    const report = await this.reports.find(id, m, true);
    if (!report) throw notFound('REPORT_NOT_FOUND', '报告不存在');
    return report;
  }
}
