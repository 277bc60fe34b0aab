import type { SpotCheckItemDto } from './dto/spot-check.dto.js';
import { gapRows } from './spot-check-gaps.js';
import { LEVEL_LABELS, STATUS_LABELS } from './spot-check-table.js';

interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

interface ItemRow {
  id: string; report_id: string; unit_id: string; unit_name: string; region_code: string; region_name: string; level: string;
  must_include: boolean; reviewer_id: string | null; reviewer_name: string | null; review_status: SpotCheckItemDto['status'];
  self_total: string | null; review_total: string | null; total_reason: string | null;
}

const num = (v: string | null) => (v === null ? null : Number(v));

/**
 * The sampled items of one sample (limited to the region codes, if any) or one item by id, with
 * their unit, region, reviewer, totals and the gap against the margin.
 */
export async function loadItems(
  m: Queryable, where: { sampleId: string; codes: string[] | null } | { itemId: string }, gapMargin: number,
): Promise<SpotCheckItemDto[]> {
  const [filter, params] = 'itemId' in where
    ? ['i.id = $1', [where.itemId]]
    : ['i.sample_id = $1 AND ($2::text[] IS NULL OR i.region_code = ANY($2::text[]))', [where.sampleId, where.codes]];
  const rows = (await m.query(
    `SELECT i.id, i.report_id, i.unit_id, u.name AS unit_name, i.region_code, g.name AS region_name, i.level, i.must_include,
            i.reviewer_id, coalesce(a.display_name, a.username) AS reviewer_name, i.review_status, i.self_total, i.review_total, i.total_reason
       FROM spot_check_item i JOIN unit u ON u.id = i.unit_id JOIN region g ON g.code = i.region_code LEFT JOIN app_user a ON a.id = i.reviewer_id
      WHERE ${filter}
      ORDER BY i.region_code, i.level, u.name, i.id`,
    params,
  )) as ItemRow[];
  const gaps = gapRows(rows.map((r) => ({ unitId: r.unit_id, regionCode: r.region_code, selfTotal: num(r.self_total), reviewTotal: num(r.review_total) })), gapMargin);
  return rows.map((r, i): SpotCheckItemDto => ({
    id: r.id, reportId: r.report_id, unitId: r.unit_id, unitName: r.unit_name, regionCode: r.region_code, regionName: r.region_name,
    level: r.level, levelLabel: LEVEL_LABELS[r.level] ?? r.level,
    mustInclude: r.must_include, reviewerId: r.reviewer_id, reviewerName: r.reviewer_name, status: r.review_status, statusLabel: STATUS_LABELS[r.review_status],
    selfTotal: num(r.self_total), reviewTotal: num(r.review_total), totalReason: r.total_reason, gap: gaps[i].gap, flagged: gaps[i].flagged,
  }));
}
