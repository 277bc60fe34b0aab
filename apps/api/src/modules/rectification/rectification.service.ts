import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Injectable } from '@nestjs/common';
import { METRIC_DEFINITIONS_VERSION } from '@hunan-perf/metrics';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { AppError, badRequest, notFound } from '../../common/app-error.js';
import { ExportFiltersRepository } from '../analytics/export-filters.repository.js';
import { limitOffset } from '../analytics/page.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import type { UploadedPart } from '../documents/upload-receiver.js';
import { sendTable } from '../exports/send-table.js';
import { shanghaiTime } from '../exports/shanghai-time.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import { RegionsService } from '../regions/regions.service.js';
import { textReuseSettings } from '../text-reuse/text-reuse-rules.js';
import type {
  RectificationExportQueryDto, RectificationFiltersDto, RectificationItemDto, RectificationListDto, RectificationListQueryDto, RectificationQueryDto,
  RectificationSummaryDto, UpdateRectificationDto,
} from './dto/rectification.dto.js';
import { EVIDENCE_FIELD } from './evidence-upload.interceptor.js';
import { type ItemFilter, type ItemProgress, RectificationRepository, type StoredEvidence } from './rectification.repository.js';
import { EVIDENCE_MAX_BYTES, RECURRING_LABEL, STATUS_LABELS } from './rectification-rules.js';
import { ITEM_DEFINITIONS, itemColumns } from './rectification-table.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A media type as `type/subtype` (parameters dropped); anything else is kept as octet-stream. */
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/i;

const missing = () => notFound('RECTIFICATION_NOT_FOUND', '整改事项不存在或无权查看');

/** Whether YYYY-MM-DD names a real calendar day. */
function isCalendarDate(text: string): boolean {
  const [y, m, d] = text.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  return y! >= 2000 && y! <= 2100 && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
}

/** 整改 tracking: the items of confirmed reports' 存在的问题, their progress, evidence, summary and export. */
@Injectable()
export class RectificationService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: RectificationRepository,
    private readonly regions: RegionsService,
    private readonly regionRows: RegionsRepository,
    private readonly audit: AuditService,
    private readonly exportFilters: ExportFiltersRepository,
  ) {}

  async list(q: RectificationListQueryDto, user: AuthUser): Promise<RectificationListDto> {
    const [limit, offset] = limitOffset({ page: q.page, pageSize: q.pageSize });
    const { total, items } = await this.repo.list(await this.filter(q, user), limit, offset);
    return { total, page: q.page, pageSize: q.pageSize, items };
  }

  async summary(q: RectificationFiltersDto, user: AuthUser): Promise<RectificationSummaryDto> {
    return { rows: await this.repo.summary(await this.filter(q, user)) };
  }

  /** Every item the filters select, as CSV or XLSX. */
  async export(q: RectificationExportQueryDto, user: AuthUser, res: Response): Promise<void> {
    const { items } = await this.repo.list(await this.filter(q, user), null, 0);
    const { thresholdPercent } = await textReuseSettings(this.db);
    const filters: Record<string, string> = { 年度: q.year ? `${q.year} 年` : '全部年度' };
    if (q.regionCode) filters['地区'] = `${(await this.regionRows.find(q.regionCode))?.name ?? q.regionCode}（含下级地区）`;
    if (q.level) filters['层级'] = { province: '省级', city: '市级', county: '县级' }[q.level];
    if (q.status) filters['整改状态'] = STATUS_LABELS[q.status];
    if (q.recurring !== undefined) filters[RECURRING_LABEL] = q.recurring ? '是' : '否';
    if (q.overdue !== undefined) filters['是否逾期'] = q.overdue ? '是' : '否';
    filters['相似度阈值'] = `${thresholdPercent}%`;
    await sendTable(res, {
      fileName: `整改事项-${q.year ?? '全部年度'}`,
      columns: itemColumns,
      rows: items,
      context: {
        title: '整改事项', filters, generatedAt: shanghaiTime(new Date()), dataAsOf: await this.exportFilters.dataAsOf(),
        definitions: ITEM_DEFINITIONS(thresholdPercent), metricDefinitionsVersion: METRIC_DEFINITIONS_VERSION, rows: items.length, confirmedRows: items.length,
      },
    }, q.format);
  }

  /** New status, note or due date: one transaction with its audit event (old and new values). */
  async update(id: string, body: UpdateRectificationDto, user: AuthUser, requestId: string | null): Promise<RectificationItemDto> {
    this.checkId(id);
    if (body.status === undefined && body.note === undefined && body.dueDate === undefined) {
      throw badRequest('RECTIFICATION_NOTHING_TO_UPDATE', '请至少填写整改状态（status）、整改说明（note）或整改期限（dueDate）其中之一');
    }
    if (body.dueDate !== undefined && !isCalendarDate(body.dueDate)) {
      throw badRequest('RECTIFICATION_DUE_DATE', `整改期限（dueDate）${body.dueDate} 不是 2000–2100 年间的有效日期`, [{ field: 'dueDate', message: '整改期限不是有效日期' }]);
    }
    return this.db.transaction(async (m) => {
      const item = await this.repo.lock(m, id);
      if (!item || !(await this.mayTouch(item.regionCode, user))) throw missing();
      const before: ItemProgress = { status: item.status, note: item.note, dueDate: item.dueDate };
      const note = body.note === undefined ? before.note : body.note?.trim() || null;
      const after: ItemProgress = { status: body.status ?? before.status, note, dueDate: body.dueDate ?? before.dueDate };
      if (after.status !== before.status || after.note !== before.note || after.dueDate !== before.dueDate) {
        await this.repo.setProgress(m, id, after);
        await this.audit.record({ actorId: user.id, action: 'rectification.update', entityType: 'rectification_item', entityId: id, oldValue: before, newValue: after, requestId }, m);
      }
      return (await this.repo.find(id, m))!;
    });
  }

  /** The one evidence file (replacing an earlier one), its bytes kept in PostgreSQL; audited. */
  async attachEvidence(id: string, parts: UploadedPart[], user: AuthUser, requestId: string | null): Promise<RectificationItemDto> {
    this.checkId(id);
    const part = parts[0];
    if (!part) throw badRequest('EVIDENCE_MISSING', `没有收到证明材料：请用 multipart/form-data 的 ${EVIDENCE_FIELD} 字段上传一个文件`);
    if (part.tooLarge) throw new AppError(413, 'EVIDENCE_TOO_LARGE', `证明材料（${EVIDENCE_FIELD}）${part.fileName} 超过 ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB 的上限`);
    if (part.size === 0 || !part.path) throw badRequest('EVIDENCE_EMPTY', `证明材料（${EVIDENCE_FIELD}）${part.fileName} 是空文件`);
    const bytes = await readFile(part.path);
    const file: StoredEvidence & { sha256: string } = {
      fileName: part.fileName, contentType: MEDIA_TYPE.test(part.mediaType) ? part.mediaType.toLowerCase() : 'application/octet-stream',
      bytes, sha256: createHash('sha256').update(bytes).digest('hex'),
    };
    return this.db.transaction(async (m) => {
      const item = await this.repo.lock(m, id);
      if (!item || !(await this.mayTouch(item.regionCode, user))) throw missing();
      await this.repo.setEvidence(m, id, file);
      await this.audit.record({
        actorId: user.id, action: 'rectification.evidence', entityType: 'rectification_item', entityId: id, oldValue: item.evidence,
        newValue: { fileName: file.fileName, contentType: file.contentType, sha256: file.sha256, size: bytes.length }, requestId,
      }, m);
      return (await this.repo.find(id, m))!;
    });
  }

  async evidence(id: string, user: AuthUser): Promise<StoredEvidence> {
    this.checkId(id);
    const found = await this.repo.evidence(id);
    if (!found || !(await this.mayTouch(found.regionCode, user))) throw missing();
    if (!found.file) throw notFound('EVIDENCE_NOT_FOUND', '该整改事项尚未上传证明材料');
    return found.file;
  }

  /** The query's filters within the caller's region (a region-limited account, every submitter, sees only its subtree). */
  private async filter(q: RectificationFiltersDto & Partial<RectificationQueryDto>, user: AuthUser): Promise<ItemFilter> {
    return {
      regionCodes: await this.regions.scopeFor(user, q.regionCode, '整改事项'), year: q.year ?? null, level: q.level ?? null,
      status: q.status ?? null, recurring: q.recurring ?? null, overdue: q.overdue ?? null,
    };
  }

  /** Whether the caller sees (and, with a writing role, changes) an item of this region. */
  private async mayTouch(regionCode: string, user: AuthUser): Promise<boolean> {
    if (!user.regionCode) return user.role !== 'submitter';
    return this.regionRows.isWithin(regionCode, user.regionCode);
  }

  private checkId(id: string): void {
    if (!UUID.test(id)) throw badRequest('INVALID_ID', `整改事项编号 ${id.slice(0, 60)} 格式不正确`);
  }
}
