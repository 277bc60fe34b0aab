import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import { AuditService } from '../audit/audit.service.js';

export type ReviewRowKind = 'indicator' | 'breakdown';

export interface ReviewRowInput {
  kind: ReviewRowKind;
  position: number;
  score: number;
  reason?: string | null;
}

export interface ReviewInput {
  rows: ReviewRowInput[];
  total: number | null;
  totalReason?: string | null;
}

export interface Actor {
  id: string;
  role: string;
}

const ROW_TABLE: Record<ReviewRowKind, string> = { indicator: 'report_indicator', breakdown: 'report_score_breakdown' };
const ROW_LABEL: Record<ReviewRowKind, string> = { indicator: '指标', breakdown: '评分明细' };

interface ItemRow { id: string; report_id: string; reviewer_id: string | null; review_status: string; self_total: string | null }

/**
 * Assigning reviewers and recording 复核 scores: each write is one transaction with its audit
 * event; a score differing from the self-score needs a reason; a submitted review is locked
 * until an admin reopens it.
 */
@Injectable()
export class SpotCheckReviewService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async assign(itemId: string, reviewerId: string, actor: Actor): Promise<void> {
    await this.db.transaction(async (m) => {
      const item = await lockItem(m, itemId);
      if (item.review_status === 'submitted') throw new AppError(409, 'SPOT_CHECK_LOCKED', '该复核已提交，须由管理员退回后才能更换复核人');
      const [user] = /^[0-9a-f-]{36}$/i.test(reviewerId) ? await m.query(`SELECT role FROM app_user WHERE id = $1 AND disabled_at IS NULL`, [reviewerId]) : [];
      if (!user || !['analyst', 'admin'].includes(user.role)) throw new AppError(400, 'SPOT_CHECK_REVIEWER', 'reviewerId：复核人须为分析员或管理员账号');
      await m.query(`UPDATE spot_check_item SET reviewer_id = $2, review_status = 'assigned', updated_at = now() WHERE id = $1`, [itemId, reviewerId]);
      await this.audit.record({ actorId: actor.id, action: 'spot_check.assign', entityType: 'spot_check_item', entityId: itemId, oldValue: item.reviewer_id, newValue: reviewerId }, m);
    });
  }

  async record(itemId: string, input: ReviewInput, actor: Actor): Promise<void> {
    await this.db.transaction(async (m) => {
      const item = await lockItem(m, itemId);
      if (item.reviewer_id !== actor.id) throw new AppError(403, 'SPOT_CHECK_NOT_REVIEWER', '只有被指派的复核人可以录入复核分');
      if (item.review_status === 'submitted') throw new AppError(409, 'SPOT_CHECK_LOCKED', '该复核已提交锁定，须由管理员退回后才能修改');
      const before = await m.query(`SELECT row_kind, position, review_score, reason FROM spot_check_score WHERE item_id = $1 ORDER BY row_kind, position`, [itemId]);
      for (const row of input.rows) {
        const label = `${ROW_LABEL[row.kind] ?? row.kind}第 ${row.position + 1} 行`;
        const table = ROW_TABLE[row.kind];
        if (!table || !Number.isInteger(row.position)) throw new AppError(400, 'SPOT_CHECK_ROW', `rows：${label} 不存在`);
        if (!Number.isFinite(row.score) || row.score < 0) throw new AppError(400, 'SPOT_CHECK_SCORE', `rows：${label} 的复核分须为不小于 0 的数`);
        const [self] = await m.query(`SELECT score FROM ${table} WHERE report_id = $1 AND position = $2`, [item.report_id, row.position]);
        if (!self) throw new AppError(400, 'SPOT_CHECK_ROW', `rows：${label} 在该报告中不存在`);
        const selfScore = self.score === null ? null : Number(self.score);
        const reason = row.reason?.trim() || null;
        if (selfScore !== row.score && !reason) throw new AppError(400, 'SPOT_CHECK_REASON', `rows：${label} 的复核分（${row.score}）与自评分（${selfScore ?? '无'}）不同，须填写理由`);
        await m.query(
          `INSERT INTO spot_check_score (item_id, row_kind, position, self_score, review_score, reason) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (item_id, row_kind, position) DO UPDATE SET self_score = EXCLUDED.self_score, review_score = EXCLUDED.review_score, reason = EXCLUDED.reason`,
          [itemId, row.kind, row.position, selfScore, row.score, reason],
        );
      }
      const selfTotal = item.self_total === null ? null : Number(item.self_total);
      const totalReason = input.totalReason?.trim() || null;
      if (input.total !== null && selfTotal !== null && input.total !== selfTotal && !totalReason) throw new AppError(400, 'SPOT_CHECK_REASON', `total：复核总分（${input.total}）与自评总分（${selfTotal}）不同，须填写理由`);
      await m.query(`UPDATE spot_check_item SET review_total = $2, total_reason = $3, updated_at = now() WHERE id = $1`, [itemId, input.total, totalReason]);
      await this.audit.record({ actorId: actor.id, action: 'spot_check.record', entityType: 'spot_check_item', entityId: itemId, oldValue: before, newValue: input }, m);
    });
  }

  async submit(itemId: string, actor: Actor): Promise<void> {
    await this.db.transaction(async (m) => {
      const item = await lockItem(m, itemId);
      if (item.reviewer_id !== actor.id) throw new AppError(403, 'SPOT_CHECK_NOT_REVIEWER', '只有被指派的复核人可以提交复核');
      if (item.review_status === 'submitted') throw new AppError(409, 'SPOT_CHECK_LOCKED', '该复核已提交');
      await m.query(`UPDATE spot_check_item SET review_status = 'submitted', submitted_at = now(), updated_at = now() WHERE id = $1`, [itemId]);
      await this.audit.record({ actorId: actor.id, action: 'spot_check.submit', entityType: 'spot_check_item', entityId: itemId }, m);
    });
  }

  async reopen(itemId: string, reason: string, actor: Actor): Promise<void> {
    if (actor.role !== 'admin') throw new AppError(403, 'FORBIDDEN', '只有管理员可以退回已提交的复核');
    if (!reason?.trim()) throw new AppError(400, 'SPOT_CHECK_REASON', 'reason：退回复核须填写理由');
    await this.db.transaction(async (m) => {
      const item = await lockItem(m, itemId);
      if (item.review_status !== 'submitted') throw new AppError(409, 'SPOT_CHECK_NOT_SUBMITTED', '该复核尚未提交，无需退回');
      await m.query(`UPDATE spot_check_item SET review_status = 'assigned', submitted_at = NULL, updated_at = now() WHERE id = $1`, [itemId]);
      await this.audit.record({ actorId: actor.id, action: 'spot_check.reopen', entityType: 'spot_check_item', entityId: itemId, reason: reason.trim() }, m);
    });
  }
}

async function lockItem(m: EntityManager, itemId: string): Promise<ItemRow> {
  if (!/^[0-9a-f-]{36}$/i.test(itemId)) throw new AppError(400, 'INVALID_ID', `抽查条目编号 ${itemId.slice(0, 60)} 格式不正确`);
  const [item] = await m.query(
    `SELECT i.id, i.report_id, i.reviewer_id, i.review_status, i.self_total, s.status AS sample_status
       FROM spot_check_item i JOIN spot_check_sample s ON s.id = i.sample_id WHERE i.id = $1 FOR UPDATE OF i FOR SHARE OF s`,
    [itemId],
  );
  if (!item) throw new AppError(404, 'SPOT_CHECK_ITEM_NOT_FOUND', '抽查条目不存在');
  if (item.sample_status !== 'current') throw new AppError(409, 'SPOT_CHECK_SUPERSEDED', '该样本已重新抽样作废，不能再指派或录入复核');
  return item as ItemRow;
}
