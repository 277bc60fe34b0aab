import { Injectable } from '@nestjs/common';
import { AppError, notFound } from '../../common/app-error.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ReportAccessService } from '../reports/report-access.service.js';
import { ReportsRepository } from '../reports/reports.repository.js';
import type { IngestFile, IngestOutcome } from './ingest-types.js';
import { IngestionService } from './ingestion.service.js';
import { SourceDocumentsRepository } from './source-documents.repository.js';

@Injectable()
export class DocumentsService {
  constructor(
    private readonly ingestion: IngestionService,
    private readonly documents: SourceDocumentsRepository,
    private readonly reports: ReportsRepository,
    private readonly access: ReportAccessService,
  ) {}

  /** Per-file outcomes; when no file at all could be imported the request itself fails with 422. */
  async upload(files: IngestFile[], user: AuthUser, requestId: string): Promise<IngestOutcome[]> {
    const outcomes = await this.ingestion.ingestMany(files, user, { requestId });
    const failures = outcomes.filter((o): o is Extract<IngestOutcome, { error: unknown }> => 'error' in o);
    if (failures.length === outcomes.length) {
      const details = failures.map((f) => ({ field: f.fileName, message: f.error.message }));
      const message = failures.length === 1 ? `未能导入：${failures[0]!.error.message}` : `${failures.length} 个文件均未能导入：${details.map((d) => d.message).join('；')}`;
      throw new AppError(422, failures.length === 1 ? failures[0]!.error.code : 'NO_FILE_IMPORTED', message, details);
    }
    return outcomes;
  }

  /** The original bytes, to anyone who may see at least one report of the document. */
  async content(id: string, user: AuthUser): Promise<{ fileName: string; mediaType: string; bytes: Buffer }> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError(400, 'INVALID_ID', '文件编号格式不正确');
    const info = await this.documents.find(id);
    const reports = info ? await this.reports.bySourceDocument(id) : [];
    const visible = await Promise.all(reports.map((r) => this.access.canSee(r, user)));
    if (!info || !visible.some(Boolean)) throw notFound('DOCUMENT_NOT_FOUND', '文件不存在或无权查看');
    return { fileName: info.fileName, mediaType: info.mediaType, bytes: (await this.documents.content(id))! };
  }
}
