import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import { AuditService } from '../audit/audit.service.js';
import { drawStratifiedSample, type SampleCandidate, type SampleSize } from './stratified-sample.js';

export interface DrawInput {
  fiscalYear: number;
  size: SampleSize;
  seed: string;
  mustIncludeUnitIds: string[];
}

export interface DrawResult {
  sampleId: string;
  version: number;
  target: number;
  reportIds: string[];
}

/**
 * Draws a year's 抽查 sample from the current confirmed 部门整体 reports and stores it with its
 * parameters and population snapshot as a new version (the previous one superseded), in one
 * transaction with its audit event. The stratum level is the unit's region level (市级/县级…).
 */
@Injectable()
export class SpotCheckDrawService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async draw(input: DrawInput, actorId: string | null): Promise<DrawResult> {
    validate(input);
    return this.db.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('spot_check_sample'), $1)`, [input.fiscalYear]);
      const population = await populationOf(m, input.fiscalYear);
      if (population.length === 0) throw new AppError(400, 'SPOT_CHECK_EMPTY', `fiscalYear：${input.fiscalYear} 年度没有已确认的报告，无法抽样`);
      const known = new Set(population.map((c) => c.unitId));
      const missing = input.mustIncludeUnitIds.filter((id) => !known.has(id));
      if (missing.length > 0) throw new AppError(400, 'SPOT_CHECK_MUST_INCLUDE', `mustIncludeUnitIds：单位 ${missing.join('、')} 在 ${input.fiscalYear} 年度没有已确认的报告`);
      const drawn = drawStratifiedSample(population, { size: input.size, seed: input.seed, mustIncludeUnitIds: input.mustIncludeUnitIds });
      const [prev] = await m.query(`SELECT id, version FROM spot_check_sample WHERE fiscal_year = $1 AND status = 'current'`, [input.fiscalYear]);
      const [{ v }] = await m.query(`SELECT coalesce(max(version), 0) + 1 AS v FROM spot_check_sample WHERE fiscal_year = $1`, [input.fiscalYear]);
      if (prev) await m.query(`UPDATE spot_check_sample SET status = 'superseded' WHERE id = $1`, [prev.id]);
      const [{ id }] = await m.query(
        `INSERT INTO spot_check_sample (fiscal_year, version, size_kind, size_value, seed, must_include, target, strata, population, created_by)
         VALUES ($1, $2, $3, $4, $5, $6::uuid[], $7, $8::jsonb, $9::jsonb, $10) RETURNING id`,
        [input.fiscalYear, v, input.size.kind, input.size.value, input.seed, input.mustIncludeUnitIds, drawn.target,
          JSON.stringify(drawn.strata), JSON.stringify(population), actorId],
      );
      const forced = new Set(drawn.mustIncluded);
      const byReport = new Map(population.map((c) => [c.reportId, c]));
      for (const reportId of drawn.reportIds) {
        const c = byReport.get(reportId)!;
        await m.query(
          `INSERT INTO spot_check_item (sample_id, report_id, unit_id, region_code, level, must_include, self_total)
           SELECT $1, r.id, r.unit_id, $2, $3, $4, r.score_total FROM report r WHERE r.id = $5`,
          [id, c.regionCode, c.level, forced.has(reportId), reportId],
        );
      }
      await this.audit.record({
        actorId, action: 'spot_check.draw', entityType: 'spot_check_sample', entityId: id,
        oldValue: prev ? { sampleId: prev.id, version: prev.version } : undefined,
        newValue: { fiscalYear: input.fiscalYear, version: v, size: input.size, seed: input.seed, mustIncludeUnitIds: input.mustIncludeUnitIds, sampled: drawn.reportIds.length },
      }, m);
      return { sampleId: id as string, version: v as number, target: drawn.target, reportIds: drawn.reportIds };
    });
  }
}

async function populationOf(m: EntityManager, year: number): Promise<SampleCandidate[]> {
  const rows: Array<{ report_id: string; unit_id: string; region_code: string; level: string }> = await m.query(
    `SELECT r.id AS report_id, r.unit_id, u.region_code, g.level
       FROM report r JOIN unit u ON u.id = r.unit_id JOIN region g ON g.code = u.region_code
      WHERE r.fiscal_year = $1 AND r.status = 'confirmed' AND r.kind = 'department_overall'
      ORDER BY r.id`,
    [year],
  );
  return rows.map((r) => ({ reportId: r.report_id, unitId: r.unit_id, regionCode: r.region_code, level: r.level }));
}

function validate(input: DrawInput): void {
  if (!Number.isInteger(input.fiscalYear) || input.fiscalYear < 2000 || input.fiscalYear > 2100) throw new AppError(400, 'SPOT_CHECK_YEAR', 'fiscalYear：年度须为 2000 至 2100 之间的整数');
  if (input.size.kind === 'count' && (!Number.isInteger(input.size.value) || input.size.value < 1)) throw new AppError(400, 'SPOT_CHECK_SIZE', 'size.value：抽样数量须为不小于 1 的整数');
  if (input.size.kind === 'percent' && !(input.size.value > 0 && input.size.value <= 100)) throw new AppError(400, 'SPOT_CHECK_SIZE', 'size.value：抽样比例须大于 0 且不超过 100（%）');
  if (input.seed.trim() === '' || input.seed.length > 100) throw new AppError(400, 'SPOT_CHECK_SEED', 'seed：随机种子不能为空，且不超过 100 个字符');
}
