import { Injectable } from '@nestjs/common';
import { QUALITY_FLAG_CODES, QUALITY_FLAGS, type QualityFlag, type QualityThresholds } from '@hunan-perf/metrics';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ReportAccessService } from '../reports/report-access.service.js';
import { SettingsRepository } from '../settings/settings.repository.js';
import type { QualitySettingsDto, ReportQualityDto } from './dto/quality.dto.js';
import { validateThresholds } from './quality-thresholds.js';
import { QUALITY_THRESHOLDS_KEY, qualityThresholds, refreshAllQuality } from './report-quality.js';

export function qualitySettingsOf(thresholds: QualityThresholds): QualitySettingsDto {
  return {
    thresholds,
    flags: QUALITY_FLAG_CODES.map((code) => ({ code, title: QUALITY_FLAGS[code].title, description: QUALITY_FLAGS[code].description(thresholds) })),
  };
}

/** 自评质量提示: a report's flags, and the thresholds they are computed with. */
@Injectable()
export class QualityService {
  constructor(
    private readonly db: DataSource,
    private readonly access: ReportAccessService,
    private readonly settings: SettingsRepository,
    private readonly audit: AuditService,
  ) {}

  async settingsNow(): Promise<QualitySettingsDto> {
    return qualitySettingsOf(await qualityThresholds(this.db));
  }

  async reportFlags(id: string, user: AuthUser): Promise<ReportQualityDto> {
    await this.access.get(id, user);
    const thresholds = await qualityThresholds(this.db);
    const rows: { flags: QualityFlag[]; version: string }[] = await this.db.query(
      `SELECT flags, thresholds_version AS version FROM report_quality WHERE report_id = $1`, [id],
    );
    return {
      reportId: id,
      thresholdsVersion: rows[0]?.version ?? thresholds.version,
      flags: (rows[0]?.flags ?? []).map((f) => ({ ...f, title: QUALITY_FLAGS[f.code].title, description: QUALITY_FLAGS[f.code].description(thresholds) })),
    };
  }

  /** New thresholds: stored, audited and every report's flags recomputed, all in one transaction. */
  async update(body: unknown, user: AuthUser): Promise<QualitySettingsDto> {
    const thresholds = validateThresholds(body);
    await this.db.transaction(async (m) => {
      const before = await qualityThresholds(m);
      await this.settings.set(m, QUALITY_THRESHOLDS_KEY, thresholds, user.id);
      const reports = await refreshAllQuality(m, thresholds);
      await this.audit.record({
        actorId: user.id, action: 'setting.update', entityType: 'setting', entityId: QUALITY_THRESHOLDS_KEY,
        oldValue: before, newValue: thresholds, reason: `质量提示按新阈值重新计算（${reports} 份报告）`,
      }, m);
    });
    return qualitySettingsOf(thresholds);
  }
}
