import { Injectable } from '@nestjs/common';
import { actionsFor, fieldLabel, mayEdit, type ReportDocument, waitingForOf } from '@hunan-perf/contracts';
import { coverageOf } from '@hunan-perf/report-parser';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { SourceDocumentsRepository } from '../documents/source-documents.repository.js';
import { RegionsService } from '../regions/regions.service.js';
import { UnitResolverService } from '../units/unit-resolver.service.js';
import type { CorrectionChange, CorrectionDto, ReportDetailDto, ReportVersionDto } from './dto/report-detail.dto.js';
import type { ListReportsQueryDto, ReportListDto } from './dto/report.dto.js';
import { ReportAccessService } from './report-access.service.js';
import { ReportHistoryRepository } from './report-history.repository.js';
import { ReportListRepository } from './report-list.repository.js';
import { type ReportRecord, ReportsRepository } from './reports.repository.js';

const valueAt = (doc: ReportDocument, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | null | undefined)?.[k], doc) ?? null;

/** A whole row of a table ("indicators.3"), as row corrections record it. */
const ROW_PATH = /^(indicators|scoreBreakdown)\.\d+$/;

function changeOf(path: string, before: unknown, after: unknown): CorrectionChange {
  if (!ROW_PATH.test(path)) return 'field';
  return before === null ? 'row_added' : after === null ? 'row_deleted' : 'row_updated';
}

/** The read side of review: the queue, one report beside its source, its history. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly db: DataSource,
    private readonly reports: ReportsRepository,
    private readonly list: ReportListRepository,
    private readonly access: ReportAccessService,
    private readonly regions: RegionsService,
    private readonly documents: SourceDocumentsRepository,
    private readonly resolver: UnitResolverService,
    private readonly history: ReportHistoryRepository,
  ) {}

  async search(query: ListReportsQueryDto, user: AuthUser): Promise<ReportListDto> {
    const scope = await this.regions.scopeFor(user, query.regionCode, '报告');
    // A viewer's list holds confirmed versions only, whatever status it asks for; they wait for nobody.
    if (!this.access.statusVisible(query.status ?? 'confirmed', user) || (user.role === 'viewer' && query.waitingFor)) return { total: 0, items: [] };
    return this.list.list(user.role === 'viewer' ? { ...query, status: 'confirmed' } : query, scope);
  }

  async detail(id: string, user: AuthUser): Promise<ReportDetailDto> {
    return this.toDetail(await this.access.get(id, user), user);
  }

  /** The report as `viewer` may see it: the unit candidates of an unresolved report stay inside the viewer's region scope. */
  async toDetail(report: ReportRecord, viewer: AuthUser): Promise<ReportDetailDto> {
    const source = report.sourceDocumentId ? await this.documents.find(report.sourceDocumentId) : null;
    const text = report.sourceDocumentId ? await this.documents.text(report.sourceDocumentId) : null;
    const scope = report.status === 'unresolved' ? await this.regions.scopeFor(viewer, undefined, '单位') : null;
    const candidates = report.status === 'unresolved'
      ? (await this.resolver.resolve(report.document.unit.name, report.document.unit.regionName)).candidates
        .filter((c) => scope === null || scope.includes(c.regionCode))
      : [];
    return {
      id: report.id,
      status: report.status,
      waitingFor: waitingForOf(report.status),
      actions: actionsFor(report.status, viewer.role),
      canEdit: mayEdit(report.status, viewer.role),
      history: await this.history.history(report.id),
      version: report.version,
      kind: report.kind,
      fiscalYear: report.fiscalYear,
      unit: report.unitId ? { id: report.unitId, name: report.unitName! } : null,
      regionCode: report.regionCode,
      regionName: report.regionName,
      isSynthetic: report.isSynthetic,
      revisedFrom: report.revisedFrom,
      createdAt: report.createdAt.toISOString(),
      confirmedAt: report.confirmedAt?.toISOString() ?? null,
      document: report.document,
      extractedDocument: report.extractedDocument,
      warnings: report.document.warnings,
      // Stored with every write; a version stored before coverage existed is counted on read.
      coverage: report.coverage ?? coverageOf(report.document),
      corrections: await this.corrections(report),
      source: {
        documentId: source?.id ?? null, fileName: source?.fileName ?? null, format: source?.format ?? null,
        sha256: source?.sha256 ?? null, lines: text === null ? [] : text.split(/\r\n|\n|\r/),
      },
      candidates,
    };
  }

  async versions(id: string, user: AuthUser): Promise<ReportVersionDto[]> {
    const report = await this.access.get(id, user);
    const versions = (await this.reports.versions(report)).filter((v) => this.access.statusVisible(v.status, user));
    const files = new Map<string, string>();
    for (const v of versions) {
      if (v.sourceDocumentId && !files.has(v.sourceDocumentId)) files.set(v.sourceDocumentId, (await this.documents.find(v.sourceDocumentId))?.fileName ?? '');
    }
    return versions.map((v) => ({
      id: v.id, version: v.version, status: v.status, scoreTotal: v.document.score.total,
      fileName: v.sourceDocumentId ? files.get(v.sourceDocumentId) ?? null : null, revisedFrom: v.revisedFrom,
      createdAt: v.createdAt.toISOString(), confirmedAt: v.confirmedAt?.toISOString() ?? null,
    }));
  }

  /** Every edit of this version and of the versions it was revised from, oldest first. */
  private async corrections(report: ReportRecord): Promise<CorrectionDto[]> {
    const rows: { field: string; old: unknown; new: unknown; reason: string; username: string | null; at: Date }[] = await this.db.query(
      `WITH RECURSIVE chain AS (
         SELECT id, revised_from FROM report WHERE id = $1
         UNION ALL SELECT r.id, r.revised_from FROM report r JOIN chain c ON r.id = c.revised_from
       )
       SELECT e.field, e.old_value AS old, e.new_value AS new, e.reason, u.username, e.occurred_at AS at
         FROM audit_event e LEFT JOIN app_user u ON u.id = e.actor_id
        WHERE e.entity_type = 'report' AND e.action = 'report.edit' AND e.entity_id IN (SELECT id::text FROM chain)
        ORDER BY e.id`,
      [report.id],
    );
    return rows.map((r) => ({
      path: r.field, label: fieldLabel(r.field), change: changeOf(r.field, r.old, r.new),
      // A row added by a person has no machine-read counterpart.
      extracted: ROW_PATH.test(r.field) && r.old === null ? null : valueAt(report.extractedDocument, r.field), before: r.old, after: r.new,
      reason: r.reason, editedBy: r.username, editedAt: r.at.toISOString(),
    }));
  }
}
