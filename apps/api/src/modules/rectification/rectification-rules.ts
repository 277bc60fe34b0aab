/**
 * What 整改 tracking knows, in one place: the statuses and their Chinese names, which count as
 * open, the default due date, the age buckets of the summary, and the evidence file limit.
 * The similarity from which a next-year problem counts as the same one recurring is the admin's
 * text-reuse threshold (text-reuse-rules.ts), so 文字雷同 and 重复出现 agree.
 */

export const RECTIFICATION_STATUSES = ['pending', 'in_progress', 'done'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

export const STATUS_LABELS: Record<RectificationStatus, string> = { pending: '待整改', in_progress: '整改中', done: '已整改' };

/** Statuses still waiting for the unit: counted in 未完成, in the age buckets, and overdue after their due date. */
export const OPEN_STATUSES: readonly RectificationStatus[] = ['pending', 'in_progress'];

export const RECURRING_LABEL = '重复出现';

/** Only the 部门整体 report's 存在的问题 become items (one series per unit and year). */
export const RECTIFICATION_REPORT_KIND = 'department_overall';

/** Until someone sets another: the problems of year Y are due by 31 December of Y + 1. */
export const defaultDueDate = (fiscalYear: number): string => `${fiscalYear + 1}-12-31`;

/** The summary's age buckets of open items, in days since the problem was confirmed (inclusive bounds; null = no upper bound). */
export const AGE_BUCKETS = [
  { key: 'age0to90', label: '0–90 天', from: 0, to: 90 },
  { key: 'age91to180', label: '91–180 天', from: 91, to: 180 },
  { key: 'age181to365', label: '181–365 天', from: 181, to: 365 },
  { key: 'ageOver365', label: '365 天以上', from: 366, to: null },
] as const;
export type AgeBucketKey = (typeof AGE_BUCKETS)[number]['key'];

export const NOTE_MAX_LENGTH = 2000;

/** One evidence file per item, at most this size (the upload limit of reports). */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

/** Where the time of day is read: ages and overdue dates are counted in 北京时间. */
export const TIME_ZONE = 'Asia/Shanghai';
