import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, forbidden } from '../../common/app-error.js';
import type { AuthUser } from '../auth/auth-user.js';
import { RegionsService } from '../regions/regions.service.js';
import type { SpotCheckItemDetailDto, SpotCheckReviewerDto, SpotCheckRowDto } from './dto/spot-check-item.dto.js';
import { loadItems } from './spot-check-items.js';
import { spotCheckSettings } from './spot-check-settings.js';

interface ScoreRow {
  kind: SpotCheckRowDto['kind']; position: number; level1: string | null; level2: string | null; name: string | null;
  weight: string | null; self_score: string | null; review_score: string | null; reason: string | null;
}

const num = (v: string | null) => (v === null ? null : Number(v));

/** One sampled report for its review screen, and the accounts that may be assigned as reviewers. */
@Injectable()
export class SpotCheckItemService {
  constructor(
    private readonly db: DataSource,
    private readonly regions: RegionsService,
  ) {}

  /** The item with its rows; a region-limited account (every submitter) sees only its region's items. */
  async detail(itemId: string, user: AuthUser): Promise<SpotCheckItemDetailDto> {
    if (!/^[0-9a-f-]{36}$/i.test(itemId)) throw new AppError(400, 'INVALID_ID', `抽查条目编号 ${itemId.slice(0, 60)} 格式不正确`);
    const { gapMargin } = await spotCheckSettings(this.db);
    const [item] = await loadItems(this.db, { itemId }, gapMargin);
    if (!item) throw new AppError(404, 'SPOT_CHECK_ITEM_NOT_FOUND', '抽查条目不存在');
    const codes = await this.regions.scopeFor(user, undefined, '抽查结果');
    if (codes && !codes.includes(item.regionCode)) throw forbidden('当前账号只能查看本地区的抽查结果');
    const [sample] = (await this.db.query(
      `SELECT s.fiscal_year, s.version, s.status FROM spot_check_item i JOIN spot_check_sample s ON s.id = i.sample_id WHERE i.id = $1`, [itemId],
    )) as { fiscal_year: number; version: number; status: string }[];
    const rows = (await this.db.query(
      `SELECT 'indicator' AS kind, r.position, r.level1, r.level2, r.name, r.weight, r.score AS self_score, s.review_score, s.reason
         FROM report_indicator r LEFT JOIN spot_check_score s ON s.item_id = $2 AND s.row_kind = 'indicator' AND s.position = r.position
        WHERE r.report_id = $1
       UNION ALL
       SELECT 'breakdown', r.position, r.level1, r.level2, NULL, r.weight, r.score, s.review_score, s.reason
         FROM report_score_breakdown r LEFT JOIN spot_check_score s ON s.item_id = $2 AND s.row_kind = 'breakdown' AND s.position = r.position
        WHERE r.report_id = $1
        ORDER BY 1 DESC, 2`,
      [item.reportId, itemId],
    )) as ScoreRow[];
    return {
      fiscalYear: sample.fiscal_year, version: sample.version, current: sample.status === 'current', gapMargin, item,
      rows: rows.map((r) => ({
        kind: r.kind, position: r.position, level1: r.level1, level2: r.level2, name: r.name, weight: num(r.weight),
        selfScore: num(r.self_score), reviewScore: num(r.review_score), reason: r.reason,
      })),
    };
  }

  /** Enabled analyst and admin accounts, the ones a 复核 may be assigned to. */
  async reviewers(): Promise<SpotCheckReviewerDto[]> {
    return (await this.db.query(
      `SELECT id, coalesce(display_name, username) AS name, role FROM app_user
        WHERE role IN ('analyst', 'admin') AND disabled_at IS NULL ORDER BY role DESC, coalesce(display_name, username), id`,
    )) as SpotCheckReviewerDto[];
  }
}
