import { Injectable } from '@nestjs/common';
import { METRICS } from '@hunan-perf/metrics';
import type { DataSource } from 'typeorm';
import { InjectReadDatabase } from '../../database/read-database.js';
import type { AnalyticsQueryDto } from './dto/analytics-query.dto.js';

const LEVELS: Record<string, string> = { province: '省级', city: '市州级', county: '县市区级' };

/** An export's filters as a reader states them: names, not codes or keys. */
@Injectable()
export class ExportFiltersRepository {
  constructor(@InjectReadDatabase() private readonly db: DataSource) {}

  async describe(q: AnalyticsQueryDto, year: number | null, mode?: 'year' | 'latest'): Promise<Record<string, string>> {
    const codes = [...(q.regionCode ? [q.regionCode] : []), ...(q.regionCodes ?? [])];
    const regions: { code: string; name: string }[] = codes.length ? await this.db.query(`SELECT code, name FROM region WHERE code = ANY($1::varchar[])`, [codes]) : [];
    const units: { id: string; name: string }[] = q.unitIds?.length
      ? await this.db.query(`SELECT id, name FROM unit WHERE id = ANY($1::uuid[]) ORDER BY name`, [q.unitIds])
      : [];
    const regionName = (code: string) => regions.find((r) => r.code === code)?.name ?? code;
    const filters: Record<string, string> = {};
    if (mode === 'latest') filters['年度'] = '各单位最新年度';
    else if (year) filters['年度'] = `${year} 年`;
    if (q.years?.length) filters['年度范围'] = q.years.map((y) => `${y} 年`).join('、');
    if (q.regionCode) filters['地区'] = `${regionName(q.regionCode)}（含下级地区）`;
    if (q.regionCodes?.length) filters['对比地区'] = q.regionCodes.map(regionName).join('、');
    if (q.level) filters['层级'] = LEVELS[q.level] ?? q.level;
    if (units.length) filters['单位'] = units.map((u) => u.name).join('、');
    filters['报告类型'] = q.kind === 'project' ? '项目支出' : '部门整体支出';
    filters['含合成数据'] = q.includeSynthetic ? '是' : '否';
    const metrics = q.metrics?.length ? q.metrics : q.metric ? [q.metric] : [];
    if (metrics.length) filters['指标'] = metrics.map((m) => `${METRICS[m].label}（${METRICS[m].unit}）`).join('、');
    if (q.status) filters['完成情况'] = { met: '达标', unmet: '未达标', qualitative: '定性', unknown: '无法判断' }[q.status];
    return filters;
  }

  /** When the newest confirmed data in the export was confirmed (北京时间), or null. */
  async dataAsOf(): Promise<string | null> {
    const [{ at }] = await this.db.query(
      `SELECT to_char(max(confirmed_at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS at FROM report WHERE status = 'confirmed'`,
    );
    return at as string | null;
  }
}
