/** 整改跟踪: the words the page shows, as data in one place, and which actions a role gets. */
import type { RectificationStatus, Role } from '@/api/types';

/** The statuses in workflow order, with the tag tone of each. */
export const RECTIFICATION_STATUSES: readonly { value: RectificationStatus; label: string; tone: 'danger' | 'warning' | 'success' }[] = [
  { value: 'pending', label: '待整改', tone: 'danger' },
  { value: 'in_progress', label: '整改中', tone: 'warning' },
  { value: 'done', label: '已整改', tone: 'success' },
];

export function statusLabel(status: string | null | undefined): string {
  return RECTIFICATION_STATUSES.find((s) => s.value === status)?.label ?? '—';
}
export function statusTone(status: string | null | undefined): 'danger' | 'warning' | 'success' | 'info' {
  return RECTIFICATION_STATUSES.find((s) => s.value === status)?.tone ?? 'info';
}
export const isRectificationStatus = (v: unknown): v is RectificationStatus => RECTIFICATION_STATUSES.some((s) => s.value === v);

export const RECURRING_LABEL = '重复出现';
export const OVERDUE_LABEL = '逾期';

/** The age buckets of open items: the summary row's field and its column title. */
export const AGE_BUCKETS = [
  { key: 'age0to90', label: '0–90天', max: 90 },
  { key: 'age91to180', label: '91–180天', max: 180 },
  { key: 'age181to365', label: '181–365天', max: 365 },
  { key: 'ageOver365', label: '一年以上', max: Infinity },
] as const;
export type AgeBucketKey = (typeof AGE_BUCKETS)[number]['key'];

/** The bucket an open item of this age (in days) is counted in; the same edges as the API's summary. */
export function ageBucket(ageDays: number): (typeof AGE_BUCKETS)[number] {
  return AGE_BUCKETS.find((b) => ageDays <= b.max) ?? AGE_BUCKETS[AGE_BUCKETS.length - 1];
}

/** 12 → "12 天"; a negative or missing age (not yet started) → "—". */
export const ageLabel = (ageDays: number | null | undefined): string => (ageDays == null || ageDays < 0 ? '—' : `${ageDays} 天`);

/** "来源第 12 行", or null when the paragraph has no source line. */
export const sourceLineLabel = (line: number | null | undefined): string | null => (line == null ? null : `来源第 ${line} 行`);

/** The report page highlighting that source line (the report page reads ?line=). */
export function sourceLineLink(reportId: string, line: number | null | undefined) {
  return { name: 'report', params: { id: reportId }, ...(line == null ? {} : { query: { line: String(line) } }) };
}

/** 1536 → "1.5 KB"; bytes, KB and MB. */
export function formatFileSize(bytes: number | null | undefined): string {
  if (bytes == null) return '—';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The evidence limit of the API (POST /api/rectification/:id/evidence). */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

/** Why this file cannot be sent as evidence, in Chinese, or null when it can. */
export function evidenceFileError(file: { size: number; name: string } | null | undefined): string | null {
  if (!file) return '请选择佐证材料文件';
  if (file.size === 0) return `佐证材料“${file.name}”是空文件`;
  if (file.size > EVIDENCE_MAX_BYTES) return `佐证材料“${file.name}”超过 20 MB`;
  return null;
}

/** 整改期限 as the API takes it: YYYY-MM-DD of a real calendar day. */
export function dueDateError(value: string | null | undefined): string | null {
  if (!value) return '请填写整改期限';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return '整改期限须为 YYYY-MM-DD 格式的日期';
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) return '整改期限不是有效的日期';
  return null;
}

/** What a role may do on the 整改跟踪 page. The API scopes the list (a submitter sees its own units' items only). */
export interface RectificationActions {
  /** 更新整改: status, note, due date, evidence upload. */
  edit: boolean;
  /** Download an item's evidence. */
  downloadEvidence: boolean;
  export: boolean;
}

const ACTIONS: Record<Role, RectificationActions> = {
  admin: { edit: true, downloadEvidence: true, export: true },
  analyst: { edit: true, downloadEvidence: true, export: true },
  // A submitter reports its own units' progress (the API refuses other units' items).
  submitter: { edit: true, downloadEvidence: true, export: true },
  viewer: { edit: false, downloadEvidence: true, export: true },
};
const NONE: RectificationActions = { edit: false, downloadEvidence: false, export: false };

export function rectificationActions(role: Role | null | undefined): RectificationActions {
  return role ? ACTIONS[role] : NONE;
}
