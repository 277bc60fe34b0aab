import { Injectable } from '@nestjs/common';
import { METRIC_DEFINITIONS_VERSION } from '@hunan-perf/metrics';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { badRequest, notFound } from '../../common/app-error.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { sendTable } from '../exports/send-table.js';
import { shanghaiTime } from '../exports/shanghai-time.js';
import { RegionsService } from '../regions/regions.service.js';
import { SettingsRepository } from '../settings/settings.repository.js';
import type { RegionGapDto, SpotCheckGapsDto, SpotCheckItemDto, SpotCheckSampleDto, SpotCheckSettingsDto } from './dto/spot-check.dto.js';
import { gapRows, gapsByRegion } from './spot-check-gaps.js';
import { loadItems } from './spot-check-items.js';
import { SPOT_CHECK_SETTINGS_KEY, spotCheckSettings } from './spot-check-settings.js';
import { SPOT_CHECK_DEFINITIONS, regionGapColumns, sampleColumns } from './spot-check-table.js';

interface SampleRow {
  id: string; version: number; size_kind: 'count' | 'percent'; size_value: string; seed: string; must_include: string[];
  target: number; strata: SpotCheckSampleDto['strata']; created_at: Date;
}

/** Parses the year of a route; 400 in plain words otherwise. */
export function routeYear(year: string): number {
  const y = /^\d{4}$/.test(year) ? Number(year) : NaN;
  if (!(y >= 2000 && y <= 2100)) throw badRequest('SPOT_CHECK_YEAR', `年度 ${year.slice(0, 20)} 须为 2000 至 2100 之间的整数`);
  return y;
}

/** Reading a year's current 抽查 sample and its gaps, and the 差距阈值 setting. */
@Injectable()
export class SpotCheckService {
  constructor(
    private readonly db: DataSource,
    private readonly regions: RegionsService,
    private readonly settings: SettingsRepository,
    private readonly audit: AuditService,
  ) {}

  /** The current sample; a region-limited account (every submitter) sees only its region's items, strata and must-include units. */
  async sample(year: number, user: AuthUser, format: 'json' | 'csv' | 'xlsx', res: Response): Promise<SpotCheckSampleDto | undefined> {
    const { sample, items, gapMargin, codes } = await this.load(year, user);
    const visibleUnits = new Set(items.map((i) => i.unitId));
    const body: SpotCheckSampleDto = {
      fiscalYear: year, sampleId: sample.id, version: sample.version,
      size: { kind: sample.size_kind, value: Number(sample.size_value) }, seed: sample.seed,
      mustIncludeUnitIds: codes ? sample.must_include.filter((u) => visibleUnits.has(u)) : sample.must_include,
      target: sample.target, createdAt: sample.created_at.toISOString(), gapMargin,
      strata: codes ? sample.strata.filter((s) => codes.includes(s.regionCode)) : sample.strata, items,
    };
    if (format === 'json') return body;
    await this.send(res, `抽查样本-${year}`, '抽查样本', year, sample.version, gapMargin, sampleColumns, items, format);
    return undefined;
  }

  /** The gaps by region and the flagged units of the current sample. */
  async gaps(year: number, user: AuthUser, format: 'json' | 'csv' | 'xlsx', res: Response): Promise<SpotCheckGapsDto | undefined> {
    const { sample, items, gapMargin } = await this.load(year, user);
    const names = new Map(items.map((i) => [i.regionCode, i.regionName]));
    const regions: RegionGapDto[] = gapsByRegion(gapRows(items, gapMargin)).map((g) => ({ ...g, regionName: names.get(g.regionCode) ?? g.regionCode }));
    const flagged = items.filter((i) => i.flagged);
    if (format === 'json') return { fiscalYear: year, version: sample.version, gapMargin, regions, flagged };
    await this.send(res, `抽查差距-${year}`, '抽查差距（按地区）', year, sample.version, gapMargin, regionGapColumns, regions, format);
    return undefined;
  }

  settingsNow(): Promise<SpotCheckSettingsDto> {
    return spotCheckSettings(this.db);
  }

  /** A new 差距阈值: stored and audited in one transaction. */
  async updateSettings(body: SpotCheckSettingsDto, user: AuthUser): Promise<SpotCheckSettingsDto> {
    const value = { gapMargin: body.gapMargin };
    await this.db.transaction(async (m) => {
      const before = await spotCheckSettings(m);
      await this.settings.set(m, SPOT_CHECK_SETTINGS_KEY, value, user.id);
      await this.audit.record({ actorId: user.id, action: 'setting.update', entityType: 'setting', entityId: SPOT_CHECK_SETTINGS_KEY, oldValue: before, newValue: value }, m);
    });
    return value;
  }

  private async load(year: number, user: AuthUser): Promise<{ sample: SampleRow; items: SpotCheckItemDto[]; gapMargin: number; codes: string[] | null }> {
    const codes = await this.regions.scopeFor(user, undefined, '抽查结果');
    const [sample]: SampleRow[] = await this.db.query(
      `SELECT id, version, size_kind, size_value, seed, must_include, target, strata, created_at FROM spot_check_sample WHERE fiscal_year = $1 AND status = 'current'`,
      [year],
    );
    if (!sample) throw notFound('SPOT_CHECK_NO_SAMPLE', `${year} 年度尚未抽样`);
    const { gapMargin } = await spotCheckSettings(this.db);
    const items = await loadItems(this.db, { sampleId: sample.id, codes }, gapMargin);
    return { sample, items, gapMargin, codes };
  }

  private async send<Row>(
    res: Response, fileName: string, title: string, year: number, version: number, margin: number,
    columns: Parameters<typeof sendTable<Row>>[1]['columns'], rows: Row[], format: 'csv' | 'xlsx',
  ): Promise<void> {
    await sendTable(res, {
      fileName, columns, rows,
      context: {
        title, filters: { 年度: String(year), 样本版本: String(version), 差距阈值: `${margin} 分` }, generatedAt: shanghaiTime(new Date()), dataAsOf: null,
        definitions: SPOT_CHECK_DEFINITIONS(margin), metricDefinitionsVersion: METRIC_DEFINITIONS_VERSION, rows: rows.length, confirmedRows: rows.length,
      },
    }, format);
  }
}
