import { Inject, Injectable } from '@nestjs/common';
import { ERROR_WARNING_CODES, type ReportDocument } from '@hunan-perf/contracts';
import { DEFAULT_MAX_BYTES } from '@hunan-perf/report-parser';
import type { Logger } from 'pino';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_LOGGER } from '../../config/config.module.js';
import { ExtractionPoolService } from '../../extraction/extraction-pool.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import { refreshMetricsReadQuality } from '../reports/derived-rows.js';
import { insertReportWithRows } from '../reports/new-report.js';
import type { ReportStatus } from '../reports/report-status.js';
import { ReportWorkflowService } from '../reports/report-workflow.service.js';
import { type ReportRecord, ReportsRepository, seriesLockKey } from '../reports/reports.repository.js';
import { SettingsService } from '../settings/settings.service.js';
import { type UnitResolution, UnitResolverService } from '../units/unit-resolver.service.js';
import { DocumentReadError, readDocument, type ReadDocument, sha256Of } from './document-reader.js';
import type { IngestedReport, IngestFile, IngestOptions, IngestOutcome } from './ingest-types.js';
import { inOrderParallel } from './in-order-parallel.js';
import { SourceDocumentsRepository } from './source-documents.repository.js';

class FileRejected extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * One path for every way a report comes in (upload, folder import, sample data): keep the bytes,
 * extract, resolve the unit, store a draft version, all writes for one file in one transaction.
 */
@Injectable()
export class IngestionService {
  constructor(
    private readonly db: DataSource,
    private readonly documents: SourceDocumentsRepository,
    private readonly reports: ReportsRepository,
    private readonly resolver: UnitResolverService,
    private readonly regions: RegionsRepository,
    private readonly workflow: ReportWorkflowService,
    private readonly settings: SettingsService,
    private readonly audit: AuditService,
    private readonly extraction: ExtractionPoolService,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Files through the extraction pool in parallel (about one per worker in flight), outcomes in input
   * order; each file still in its own transaction, so one bad file never fails the others.
   */
  async ingestMany(files: IngestFile[], actor: AuthUser | null, options: IngestOptions = {}): Promise<IngestOutcome[]> {
    const autoConfirm = (await this.settings.ingest()).autoConfirm;
    const outcomes: IngestOutcome[] = [];
    for await (const o of this.ingestInOrder(files, (file) => this.ingest(file, actor, { ...options, autoConfirm }))) outcomes.push(o);
    return outcomes;
  }

  /** `ingestOne` over `items` with a window of pool size + 1 in flight (one more writes while the workers extract). */
  ingestInOrder<T>(items: Iterable<T>, ingestOne: (item: T) => Promise<IngestOutcome>): AsyncGenerator<IngestOutcome> {
    return inOrderParallel(items, this.extraction.limits.threads + 1, ingestOne);
  }

  async ingest(file: IngestFile, actor: AuthUser | null, options: IngestOptions & { autoConfirm?: boolean } = {}): Promise<IngestOutcome> {
    const fileName = file.fileName;
    try {
      // The same bytes again: answer from what is stored, without extracting them a second time —
      // unless every report read from them was withdrawn; then they are read and stored again.
      const sha256 = sha256Of(file.bytes);
      const existing = await this.documents.findBySha(sha256);
      if (existing && !(await this.allWithdrawn(existing.id))) return await this.existingOutcome(fileName, existing.id, sha256, actor);
      const read = await readDocument(this.extraction, file.bytes, fileName, DEFAULT_MAX_BYTES, sha256);
      const autoConfirm = options.autoConfirm ?? (await this.settings.ingest()).autoConfirm;
      const stored = await this.db.transaction((m) => existing
        ? this.storeAgain(m, existing.id, file, read, actor, options, autoConfirm)
        : this.store(m, file, read, actor, options, autoConfirm));
      if (!stored) {
        // The same bytes were stored (or stored again) by a concurrent upload between our check and our insert.
        const winner = await this.documents.findBySha(read.sha256);
        return await this.existingOutcome(fileName, winner!.id, read.sha256, actor);
      }
      return stored;
    } catch (error) {
      if (error instanceof DocumentReadError || error instanceof FileRejected) {
        return { fileName, error: { code: error.code, message: error.message } };
      }
      this.logger.error({ err: error, fileName }, 'ingest failed');
      throw error;
    }
  }

  private async store(
    m: EntityManager, file: IngestFile, read: ReadDocument, actor: AuthUser | null, options: IngestOptions, autoConfirm: boolean,
  ): Promise<IngestOutcome | null> {
    const resolved = await this.resolveAll(m, file, read, actor);
    // The series locks of its reports are taken with the document row, in the same round trip.
    const documentId = await this.documents.insertIfNew(m, {
      sha256: read.sha256, fileName: file.fileName, mediaType: file.mediaType || read.mediaType, format: read.format,
      content: file.bytes, text: read.text, uploadedBy: actor?.id ?? null,
    }, seriesLocks(read, resolved));
    if (!documentId) return null;
    return this.storeReports(m, documentId, file, read, resolved, actor, options, autoConfirm, false);
  }

  /**
   * The same bytes again after every report read from them was withdrawn (a wrong withdrawal, or the
   * right file after all): new draft versions from the stored document, whose bytes are kept once.
   * Null when a concurrent upload stored them again first (the row lock makes that one wait).
   */
  private async storeAgain(
    m: EntityManager, documentId: string, file: IngestFile, read: ReadDocument, actor: AuthUser | null, options: IngestOptions, autoConfirm: boolean,
  ): Promise<IngestOutcome | null> {
    await this.documents.lock(m, documentId);
    if (!(await this.allWithdrawn(documentId, m))) return null;
    const resolved = await this.resolveAll(m, file, read, actor);
    await this.reports.lockSeriesAll(m, seriesLocks(read, resolved));
    return this.storeReports(m, documentId, file, read, resolved, actor, options, autoConfirm, true);
  }

  /** Whether the document's reports are all withdrawn (it has some): its bytes may then be uploaded again. */
  private async allWithdrawn(documentId: string, m?: EntityManager): Promise<boolean> {
    const records = await this.reports.bySourceDocument(documentId, m);
    return records.length > 0 && records.every((r) => r.status === 'withdrawn');
  }

  private async resolveAll(m: EntityManager, file: IngestFile, read: ReadDocument, actor: AuthUser | null): Promise<UnitResolution[]> {
    const resolved: UnitResolution[] = [];
    for (const doc of read.reports) resolved.push(await this.resolver.resolve(doc.unit.name, doc.unit.regionName, m, false));
    if (actor?.role === 'submitter') await this.assertWithinRegion(file.fileName, resolved.map((r) => r.regionCode), actor);
    return resolved;
  }

  /**
   * The file's reports, each with its normalised rows in one statement (the caller holds their
   * series locks), then their metrics and quality inputs in one, then the quality flags with the
   * audit entry in one; a report to confirm is confirmed after its metrics and flags are stored.
   */
  private async storeReports(
    m: EntityManager, documentId: string, file: IngestFile, read: ReadDocument, resolved: UnitResolution[], actor: AuthUser | null,
    options: IngestOptions, autoConfirm: boolean, afterWithdrawal: boolean,
  ): Promise<IngestOutcome> {
    const reports: IngestedReport[] = [];
    for (const [position, doc] of read.reports.entries()) {
      const resolution = resolved[position]!;
      const regionCode = resolution.regionCode ?? (actor?.role === 'submitter' ? actor.regionCode : null);
      const status: ReportStatus = resolution.unitId ? 'draft' : 'unresolved';
      const { id, version } = await insertReportWithRows(m, {
        sourceDocumentId: documentId, position, unitId: resolution.unitId, regionCode, fiscalYear: doc.fiscalYear,
        kind: doc.reportKind, status, document: doc, extractedDocument: doc, isSynthetic: Boolean(options.synthetic),
        createdBy: actor?.id ?? null,
      });
      reports.push({
        reportId: id, kind: doc.reportKind, unit: resolution.unitId ? { id: resolution.unitId, name: resolution.unitName! } : null,
        unitNameInReport: doc.unit.name, regionCode, fiscalYear: doc.fiscalYear, status, version, warnings: doc.warnings,
      });
    }
    const quality = await refreshMetricsReadQuality(m, reports.map((r) => r.reportId));
    const toConfirm = read.reports.map((doc, i) => this.shouldConfirm(reports[i]!.status, doc, Boolean(options.confirm), autoConfirm));
    if (toConfirm.some(Boolean)) {
      await m.query(quality.sql, quality.params);
      for (const [i, confirm] of toConfirm.entries()) {
        if (confirm) reports[i] = summary(await this.workflow.confirm(reports[i]!.reportId, actor, options.requestId ?? null, m));
      }
    }
    await this.audit.record(
      { actorId: actor?.id ?? null, action: 'document.ingest', entityType: 'source_document', entityId: documentId,
        newValue: { fileName: file.fileName, sha256: read.sha256, reports: reports.map((r) => r.reportId), ...(afterWithdrawal ? { afterWithdrawal } : {}) },
        requestId: options.requestId ?? null },
      m,
      toConfirm.some(Boolean) ? undefined : quality,
    );
    return outcome(file.fileName, documentId, read.sha256, true, reports);
  }

  /**
   * An explicit --confirm (sample data, folder import) confirms every resolved report with a year;
   * the auto-confirm setting only those without error-level warnings.
   */
  private shouldConfirm(status: ReportStatus, doc: ReportDocument, explicit: boolean, autoConfirm: boolean): boolean {
    if (status !== 'draft' || doc.fiscalYear === null) return false;
    return explicit || (autoConfirm && !doc.warnings.some((w) => ERROR_WARNING_CODES.includes(w.code)));
  }

  private async assertWithinRegion(fileName: string, regionCodes: (string | null)[], actor: AuthUser): Promise<void> {
    for (const code of regionCodes) {
      if (code && !(await this.regions.isWithin(code, actor.regionCode!))) {
        const region = await this.regions.find(code);
        throw new FileRejected('OUT_OF_REGION', `${fileName}: 报告属于${region?.name ?? code}，超出您账号所属地区的范围，未导入`);
      }
    }
  }

  private async existingOutcome(fileName: string, documentId: string, sha256: string, actor: AuthUser | null): Promise<IngestOutcome> {
    const stored = await this.reports.bySourceDocument(documentId);
    // Stored again after a withdrawal: the live reports are the answer, the withdrawn ones stay in their history.
    const live = stored.filter((r) => r.status !== 'withdrawn');
    const records = live.length > 0 ? live : stored;
    if (actor?.role === 'submitter') {
      await this.assertWithinRegion(fileName, records.map((r) => r.regionCode), actor);
    }
    return outcome(fileName, documentId, sha256, false, records.map(summary));
  }
}

/** The lock keys of the report series the file's resolved reports go into, in report order. */
function seriesLocks(read: ReadDocument, resolved: UnitResolution[]): string[] {
  return read.reports.flatMap((doc, i) => {
    const unitId = resolved[i]!.unitId;
    return unitId ? [seriesLockKey(unitId, doc.fiscalYear, doc.reportKind)] : [];
  });
}

function summary(r: ReportRecord): IngestedReport {
  return {
    reportId: r.id, kind: r.kind, unit: r.unitId ? { id: r.unitId, name: r.unitName! } : null, unitNameInReport: r.document.unit.name,
    regionCode: r.regionCode, fiscalYear: r.fiscalYear, status: r.status, version: r.version, warnings: r.document.warnings,
  };
}

function outcome(fileName: string, documentId: string, sha256: string, created: boolean, reports: IngestedReport[]): IngestOutcome {
  const main = reports[0]!;
  return {
    fileName, documentId, sha256, created, reportId: main.reportId, unit: main.unit, fiscalYear: main.fiscalYear,
    status: main.status, warnings: main.warnings, reports,
  };
}
