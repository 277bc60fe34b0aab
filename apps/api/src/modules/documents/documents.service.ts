import { readFile } from 'node:fs/promises';
import { Inject, Injectable } from '@nestjs/common';
import { AppError, notFound } from '../../common/app-error.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ReportAccessService } from '../reports/report-access.service.js';
import { ReportsRepository } from '../reports/reports.repository.js';
import type { IngestOutcome } from './ingest-types.js';
import { IngestionService } from './ingestion.service.js';
import { SourceDocumentsRepository } from './source-documents.repository.js';
import { MB, UPLOAD_LIMITS, type UploadLimits } from './upload-limits.js';
import type { UploadedPart } from './upload-receiver.js';

@Injectable()
export class DocumentsService {
  constructor(
    private readonly ingestion: IngestionService,
    private readonly documents: SourceDocumentsRepository,
    private readonly reports: ReportsRepository,
    private readonly access: ReportAccessService,
    @Inject(UPLOAD_LIMITS) private readonly limits: UploadLimits,
  ) {}

  /**
   * Per-file outcomes, the files read from disk one at a time; when no file at all could be imported
   * the request itself fails with 422.
   */
  async upload(parts: UploadedPart[], user: AuthUser, requestId: string): Promise<IngestOutcome[]> {
    const outcomes: IngestOutcome[] = [];
    for (const part of parts) {
      if (part.tooLarge || !part.path) {
        const size = `${(part.size / MB).toFixed(1)} MB`;
        outcomes.push({ fileName: part.fileName, error: { code: 'TOO_LARGE', message: `${part.fileName}：大小为 ${size}，超过 ${(this.limits.maxFileBytes / MB).toFixed(0)} MB 的上限` } });
        continue;
      }
      const file = { fileName: part.fileName, bytes: await readFile(part.path), mediaType: part.mediaType };
      outcomes.push(...(await this.ingestion.ingestMany([file], user, { requestId })));
    }
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
