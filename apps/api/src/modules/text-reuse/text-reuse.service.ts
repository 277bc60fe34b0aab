import { Injectable } from '@nestjs/common';
import { METRIC_DEFINITIONS_VERSION, sharedRanges } from '@hunan-perf/metrics';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { badRequest, notFound } from '../../common/app-error.js';
import type { Scope } from '../analytics/analytics-scope.js';
import type { AnalyticsQueryDto } from '../analytics/dto/analytics-query.dto.js';
import { ExportFiltersRepository } from '../analytics/export-filters.repository.js';
import { limitOffset } from '../analytics/page.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { sendTable } from '../exports/send-table.js';
import { shanghaiTime } from '../exports/shanghai-time.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import { RegionsService } from '../regions/regions.service.js';
import { SettingsRepository } from '../settings/settings.repository.js';
import type { ReuseParagraphDto, ReusePairDetailDto, ReusePairDto, TextReuseListDto, TextReuseQueryDto, TextReuseSettingsDto } from './dto/text-reuse.dto.js';
import { relinkAllFollowUps } from '../rectification/rectification-items.js';
import { REUSE_DEFINITIONS, reuseColumns } from './text-reuse-table.js';
import { MIN_WORDING_LENGTH, PARAGRAPH_SECTIONS, RELATION_LABELS, SECTION_LABELS, TEXT_REUSE_SETTINGS_KEY, textReuseSettings } from './text-reuse-rules.js';
import { type StoredPair, type StoredParagraph, TextReuseRepository } from './text-reuse.repository.js';

const toParagraph = (p: StoredParagraph): ReuseParagraphDto => ({
  paragraphId: p.paragraphId, reportId: p.reportId, unitId: p.unitId, unitName: p.unitName, regionCode: p.regionCode, regionName: p.regionName,
  fiscalYear: p.fiscalYear, section: p.section, sectionLabel: SECTION_LABELS[p.section], position: p.position, text: p.text, sourceLine: p.sourceLine,
});

const toPair = (p: StoredPair): ReusePairDto => ({
  similarity: p.similarity, relation: p.relation, relationLabel: RELATION_LABELS[p.relation], paragraph: toParagraph(p.paragraph), other: toParagraph(p.other),
});

const SECTIONS = PARAGRAPH_SECTIONS.map((value) => ({ value, label: SECTION_LABELS[value] }));

const ranges = (text: string, other: string) => sharedRanges(text, other).map(([start, end]) => ({ start, end }));

/** 文字雷同: near-duplicate 存在的问题, 改进措施 and 绩效目标 statements, their side-by-side view, and the threshold. */
@Injectable()
export class TextReuseService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: TextReuseRepository,
    private readonly regions: RegionsService,
    private readonly regionRows: RegionsRepository,
    private readonly settings: SettingsRepository,
    private readonly audit: AuditService,
    private readonly exportFilters: ExportFiltersRepository,
  ) {}

  /** Pairs in the caller's scope as JSON, or every pair as CSV/XLSX. */
  async list(q: TextReuseQueryDto, user: AuthUser, res: Response): Promise<TextReuseListDto | undefined> {
    const scope: Scope = { regionCodes: await this.regions.scopeFor(user, q.regionCode, '数据'), level: q.level ?? null, unitIds: null, kind: q.kind, includeSynthetic: false };
    const { thresholdPercent } = await textReuseSettings(this.db);
    const page = q.format === 'json' ? { page: q.page, pageSize: q.pageSize } : null;
    const [limit, offset] = limitOffset(page);
    const found = await this.repo.pairs(scope, q.year ?? null, {
      thresholdPercent, minWordingLength: MIN_WORDING_LENGTH, section: q.section ?? null, relation: q.relation ?? null, limit, offset,
    });
    const rows = found.rows.map(toPair);
    if (page) return { year: q.year ?? null, sections: SECTIONS, thresholdPercent, minWordingLength: MIN_WORDING_LENGTH, page: page.page, pageSize: page.pageSize, total: found.total, rows };
    const filters = await this.exportFilters.describe({ regionCode: q.regionCode, level: q.level, kind: q.kind, includeSynthetic: false } as AnalyticsQueryDto, q.year ?? null);
    if (!q.year) filters['年度'] = '全部年度';
    if (q.section) filters['部分'] = SECTION_LABELS[q.section];
    if (q.relation) filters['雷同对象'] = RELATION_LABELS[q.relation];
    filters['相似度阈值'] = `${thresholdPercent}%`;
    delete filters['含合成数据'];
    await sendTable(res, {
      fileName: `文字雷同-${q.year ?? '全部年度'}`,
      columns: reuseColumns,
      rows,
      context: {
        title: '文字雷同', filters, generatedAt: shanghaiTime(new Date()), dataAsOf: await this.exportFilters.dataAsOf(),
        definitions: REUSE_DEFINITIONS(thresholdPercent), metricDefinitionsVersion: METRIC_DEFINITIONS_VERSION, rows: rows.length, confirmedRows: rows.length,
      },
    }, q.format as 'csv' | 'xlsx');
    return undefined;
  }

  /** Two paragraphs side by side with what they share; 404 unless they may be compared and the caller may see one of them. */
  async pair(a: string, b: string, user: AuthUser): Promise<ReusePairDetailDto> {
    for (const id of [a, b]) if (!/^\d{1,18}$/.test(id)) throw badRequest('INVALID_ID', `段落编号 ${id.slice(0, 40)} 格式不正确`);
    const found = await this.repo.pair(a, b);
    const missing = () => notFound('PARAGRAPH_PAIR_NOT_FOUND', '这两段文字不存在、不可比较（须为同一部分、另一单位或本单位上年的报告），或无权查看');
    if (!found || found.similarity === null) throw missing();
    const { paragraph: p, other: o } = found;
    const sameUnit = p.unitId === o.unitId;
    if (p.reportId === o.reportId || p.section !== o.section || p.kind !== o.kind || (sameUnit && Math.abs(p.fiscalYear - o.fiscalYear) !== 1)) throw missing();
    if (user.regionCode) {
      const visible = (await this.regionRows.isWithin(p.regionCode, user.regionCode)) || (await this.regionRows.isWithin(o.regionCode, user.regionCode));
      if (!visible) throw missing();
    }
    const { thresholdPercent } = await textReuseSettings(this.db);
    return {
      ...toPair({ similarity: found.similarity, relation: sameUnit ? 'previous_year' : 'other_unit', paragraph: p, other: o }),
      thresholdPercent, paragraphShared: ranges(p.text, o.text), otherShared: ranges(o.text, p.text),
    };
  }

  settingsNow(): Promise<TextReuseSettingsDto> {
    return textReuseSettings(this.db);
  }

  /** A new threshold: stored and audited in one transaction. */
  async updateSettings(body: TextReuseSettingsDto, user: AuthUser): Promise<TextReuseSettingsDto> {
    const value = { thresholdPercent: body.thresholdPercent };
    await this.db.transaction(async (m) => {
      const before = await textReuseSettings(m);
      await this.settings.set(m, TEXT_REUSE_SETTINGS_KEY, value, user.id);
      // 整改 items' 重复出现 uses the same threshold.
      await relinkAllFollowUps(m, value.thresholdPercent);
      await this.audit.record({ actorId: user.id, action: 'setting.update', entityType: 'setting', entityId: TEXT_REUSE_SETTINGS_KEY, oldValue: before, newValue: value }, m);
    });
    return value;
  }
}
