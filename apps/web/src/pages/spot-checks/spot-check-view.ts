/** Pure display logic of 抽查复核: row labels, differences, the reasons the API demands, and who may do what. */
import type { Role } from '@/api/types';

export type RowKind = 'indicator' | 'breakdown';

/** A stratum's level (the unit's region level) in words. */
export const levelLabel = (level: string): string => ({ province: '省级', city: '市级', county: '县级' } as Record<string, string>)[level] ?? level;

export const ROW_KIND_LABELS: Record<RowKind, string> = { indicator: '绩效指标', breakdown: '评分明细' };

/** One row of the review screen as the reviewer edits it. */
export interface EditRow {
  kind: RowKind;
  position: number;
  level1: string | null;
  level2: string | null;
  name: string | null;
  selfScore: number | null;
  reviewScore: number | null;
  reason: string | null;
}

export interface ReviewForm {
  rows: EditRow[];
  total: number | null;
  totalReason: string | null;
  selfTotal: number | null;
}

/** How the row is named in messages: 绩效指标第 3 行（产出数量）. */
export function rowLabel(r: Pick<EditRow, 'kind' | 'position' | 'level1' | 'level2' | 'name'>): string {
  const title = r.name || r.level2 || r.level1;
  return `${ROW_KIND_LABELS[r.kind]}第 ${r.position + 1} 行${title ? `（${title}）` : ''}`;
}

/** 复核 − 自评, two decimals; null while either is missing (never 0). */
export function scoreDifference(self: number | null, review: number | null): number | null {
  if (self === null || review === null) return null;
  return Math.round((review - self) * 100) / 100;
}

/** 自评总分 − 复核总分 (the gap the dashboard flags), two decimals; null while either is missing. */
export function totalGap(selfTotal: number | null, reviewTotal: number | null): number | null {
  return scoreDifference(reviewTotal, selfTotal);
}

/** A 复核 score that differs from the self-score (or has none to compare with) needs a reason. */
export function needsReason(self: number | null, review: number | null): boolean {
  return review !== null && self !== review;
}

const blank = (s: string | null) => !s || s.trim() === '';

/** The problems that keep the form from being saved, in plain Chinese naming the row or field. */
export function reviewProblems(form: ReviewForm): string[] {
  const out: string[] = [];
  for (const r of form.rows) {
    if (r.reviewScore !== null && (!Number.isFinite(r.reviewScore) || r.reviewScore < 0)) out.push(`${rowLabel(r)}：复核得分须为不小于 0 的数`);
    else if (needsReason(r.selfScore, r.reviewScore) && blank(r.reason)) out.push(`${rowLabel(r)}：复核得分与自评得分不同，须填写理由`);
  }
  if (form.total !== null && (!Number.isFinite(form.total) || form.total < 0)) out.push('复核总分：须为不小于 0 的数');
  else if (form.total !== null && form.selfTotal !== null && form.total !== form.selfTotal && blank(form.totalReason)) out.push('复核总分：与自评总分不同，须填写理由');
  return out;
}

/** The body of PUT /api/spot-checks/items/:id/review: only the rows given a 复核 score. */
export function reviewBody(form: ReviewForm) {
  return {
    rows: form.rows.filter((r) => r.reviewScore !== null).map((r) => ({
      kind: r.kind, position: r.position, score: r.reviewScore as number, reason: blank(r.reason) ? null : r.reason!.trim(),
    })),
    total: form.total,
    totalReason: blank(form.totalReason) ? null : form.totalReason!.trim(),
  };
}

/** Fills every row without a 复核 score with its self-score (the reviewer agrees unless changed). */
export function acceptSelfScores(rows: EditRow[]): EditRow[] {
  return rows.map((r) => (r.reviewScore === null && r.selfScore !== null ? { ...r, reviewScore: r.selfScore } : r));
}

export type ItemStatus = 'unassigned' | 'assigned' | 'submitted';

export interface ReviewRights {
  /** Scores can be entered and saved. */
  edit: boolean;
  submit: boolean;
  reopen: boolean;
  /** Why the form is read-only, when it is. */
  why: string | null;
}

/** What the signed-in account may do on one item, by the API's rules. */
export function reviewRights(me: { id: string; role: Role } | null, item: { reviewerId: string | null; status: ItemStatus }, current: boolean): ReviewRights {
  const reviewer = !!me && item.reviewerId === me.id && (me.role === 'analyst' || me.role === 'admin');
  const reopen = current && me?.role === 'admin' && item.status === 'submitted';
  const edit = current && reviewer && item.status === 'assigned';
  let why: string | null = null;
  if (!current) why = '该样本已重新抽样作废，只能查看';
  else if (item.status === 'submitted') why = me?.role === 'admin' ? '复核已提交锁定；如需修改，请先退回' : '复核已提交锁定，须由管理员退回后才能修改';
  else if (item.status === 'unassigned') why = '尚未指派复核人';
  else if (!reviewer) why = '只有被指派的复核人可以录入复核分';
  return { edit, submit: edit, reopen, why };
}

export const canManage = (role: Role | null | undefined) => role === 'admin' || role === 'analyst';

/** The status tag's colour. */
export const STATUS_TONES: Record<ItemStatus, 'info' | 'warning' | 'success'> = { unassigned: 'info', assigned: 'warning', submitted: 'success' };

/** The gap as shown: +3.50 when the self-score is higher; — while missing. */
export function formatGap(gap: number | null): string {
  if (gap === null) return '—';
  return `${gap > 0 ? '+' : ''}${gap.toFixed(2)}`;
}

/** A fresh seed for a draw: the year and a random suffix, shown and stored so the draw can be repeated. */
export function newSeed(year: number, random: () => number = Math.random): string {
  return `${year}-抽查-${Math.floor(random() * 1e6).toString().padStart(6, '0')}`;
}

/** The draw's size in words: 按数量 5 份 / 按比例 20%. */
export function sizeLabel(size: { kind: 'count' | 'percent'; value: number }): string {
  return size.kind === 'count' ? `按数量 ${size.value} 份` : `按比例 ${size.value}%`;
}

/** The draw form's problem, if any, in plain Chinese naming the field. */
export function drawProblem(kind: 'count' | 'percent', value: number | null, seed: string): string | null {
  if (value === null || !Number.isFinite(value)) return kind === 'count' ? '抽样数量：请填写' : '抽样比例：请填写';
  if (kind === 'count' && (!Number.isInteger(value) || value < 1)) return '抽样数量：须为不小于 1 的整数';
  if (kind === 'percent' && !(value > 0 && value <= 100)) return '抽样比例：须大于 0 且不超过 100（%）';
  if (seed.trim() === '') return '随机种子：不能为空';
  if (seed.length > 100) return '随机种子：不能超过 100 个字符';
  return null;
}
