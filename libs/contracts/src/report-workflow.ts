/**
 * The review cycle of a report version, as data: its statuses with their Chinese names, who each
 * status waits for, and every allowed transition with the roles that may take it. The API enforces
 * it (apps/api reports module), the web shows the buttons and filters from it; nothing else spells
 * the rules out again. Importable alone (`@hunan-perf/contracts/report-workflow` in the web).
 *
 *   upload → draft (unresolved while its unit is unknown; resolve_unit makes it a draft)
 *   draft → submitted (submitter) → returned (reviewer, with a comment) → submitted (resubmit) …
 *   draft | submitted → confirmed (reviewer); a later confirmed version makes it superseded
 *   draft | unresolved | submitted | returned → withdrawn (kept, never counted, never reopened)
 *
 * Only `confirmed` reports count in analytics; every other status is left out as a draft is.
 */

export const REPORT_STATUSES = ['draft', 'unresolved', 'submitted', 'returned', 'confirmed', 'superseded', 'withdrawn'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS: Readonly<Record<ReportStatus, string>> = {
  draft: '草稿',
  unresolved: '单位待识别',
  submitted: '待审核',
  returned: '已退回',
  confirmed: '已确认',
  superseded: '已被替代',
  withdrawn: '已撤回',
};

export const reportStatusLabel = (status: string): string => REPORT_STATUS_LABELS[status as ReportStatus] ?? status;

/** Who has to act next: the unit that submits the report, or the provincial reviewers. */
export const WAITING_FOR = ['submitter', 'reviewer'] as const;
export type WaitingFor = (typeof WAITING_FOR)[number];

export const WAITING_FOR_LABELS: Readonly<Record<WaitingFor, string>> = { submitter: '提交单位', reviewer: '审核人员' };

/** Per status, who it waits for; null: nobody (the version is settled). */
export const STATUS_WAITING_FOR: Readonly<Record<ReportStatus, WaitingFor | null>> = {
  draft: 'submitter',
  unresolved: 'reviewer',
  submitted: 'reviewer',
  returned: 'submitter',
  confirmed: null,
  superseded: null,
  withdrawn: null,
};

export const waitingForOf = (status: ReportStatus): WaitingFor | null => STATUS_WAITING_FOR[status];

/** The statuses that wait for `who`. */
export const statusesWaitingFor = (who: WaitingFor): ReportStatus[] => REPORT_STATUSES.filter((s) => STATUS_WAITING_FOR[s] === who);

/** Statuses still open (someone has to act): listed first in the review queue. */
export const OPEN_STATUSES: readonly ReportStatus[] = REPORT_STATUSES.filter((s) => STATUS_WAITING_FOR[s] !== null);

export type WorkflowRole = 'admin' | 'analyst' | 'viewer' | 'submitter';

/** What a person asks for (one API route each). */
export const REPORT_ACTIONS = ['submit', 'return', 'confirm', 'withdraw', 'resolve_unit'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

export const REPORT_ACTION_LABELS: Readonly<Record<ReportAction, string>> = {
  submit: '提交审核',
  return: '退回修改',
  confirm: '确认',
  withdraw: '撤回',
  resolve_unit: '指定单位',
};

/** What happened, as the review history records it (`report.<event>` in the audit trail). */
export const REVIEW_EVENTS = ['submit', 'resubmit', 'return', 'confirm', 'withdraw', 'resolve_unit', 'supersede'] as const;
export type ReviewEvent = (typeof REVIEW_EVENTS)[number];

export const REVIEW_EVENT_LABELS: Readonly<Record<ReviewEvent, string>> = {
  submit: '提交审核',
  resubmit: '重新提交',
  return: '退回修改',
  confirm: '确认',
  withdraw: '撤回',
  resolve_unit: '指定单位',
  supersede: '被新版本替代',
};

export const reviewEventLabel = (event: string): string => REVIEW_EVENT_LABELS[event as ReviewEvent] ?? event;

/** The audit action a review event is recorded under. */
export const reviewAuditAction = (event: ReviewEvent): string => `report.${event}`;

export interface ReportTransition {
  action: ReportAction;
  event: ReviewEvent;
  from: readonly ReportStatus[];
  to: ReportStatus;
  roles: readonly WorkflowRole[];
  /** required: a comment must be given (the reason of a return); optional: may be given. */
  comment: 'required' | 'optional' | 'none';
}

/**
 * Every allowed transition. A submitter acts only on its own region's reports (the API checks the
 * region); an admin may do whatever an analyst or a submitter may. Confirming a confirmed version
 * again changes nothing (no transition, no error).
 */
export const REPORT_TRANSITIONS: readonly ReportTransition[] = [
  { action: 'submit', event: 'submit', from: ['draft'], to: 'submitted', roles: ['submitter', 'admin'], comment: 'none' },
  { action: 'submit', event: 'resubmit', from: ['returned'], to: 'submitted', roles: ['submitter', 'admin'], comment: 'optional' },
  { action: 'return', event: 'return', from: ['submitted'], to: 'returned', roles: ['analyst', 'admin'], comment: 'required' },
  { action: 'confirm', event: 'confirm', from: ['draft', 'submitted'], to: 'confirmed', roles: ['analyst', 'admin'], comment: 'none' },
  { action: 'withdraw', event: 'withdraw', from: ['draft', 'unresolved', 'returned'], to: 'withdrawn', roles: ['submitter'], comment: 'optional' },
  { action: 'withdraw', event: 'withdraw', from: ['draft', 'unresolved', 'submitted', 'returned'], to: 'withdrawn', roles: ['analyst', 'admin'], comment: 'optional' },
  { action: 'resolve_unit', event: 'resolve_unit', from: ['unresolved'], to: 'draft', roles: ['analyst', 'admin'], comment: 'none' },
];

/** The transition `role` may take with `action` from `status`, if any. */
export function transitionFor(action: ReportAction, status: ReportStatus, role: WorkflowRole): ReportTransition | undefined {
  return REPORT_TRANSITIONS.find((t) => t.action === action && t.from.includes(status) && t.roles.includes(role));
}

/** Whether any role may take `action` from `status` (a wrong status, as opposed to a wrong role). */
export const actionAllowedFrom = (action: ReportAction, status: ReportStatus): boolean =>
  REPORT_TRANSITIONS.some((t) => t.action === action && t.from.includes(status));

/** The roles that may take `action` at all (the route's role list). */
export const rolesFor = (action: ReportAction): WorkflowRole[] =>
  [...new Set(REPORT_TRANSITIONS.filter((t) => t.action === action).flatMap((t) => t.roles))];

/** What `role` may do with a report in `status`, in the order the buttons show. */
export const actionsFor = (status: ReportStatus, role: WorkflowRole): ReportAction[] =>
  REPORT_ACTIONS.filter((a) => transitionFor(a, status, role) !== undefined);

/** What to do instead, for the wrong steps people are likely to try (keyed `action:status`). */
const REFUSAL_HINTS: Readonly<Record<string, string>> = {
  'confirm:returned': '须由提交单位修改后重新提交审核',
  'confirm:superseded': '已有更新的确认版本；如需恢复，请更正后生成新版本再确认',
  'confirm:withdrawn': '已撤回的报告不再参与审核，请重新上传',
  'submit:submitted': '报告已提交，正在等待审核人员处理',
  'submit:unresolved': '报告的单位尚未识别，须由审核人员先指定单位',
  'return:draft': '报告尚未提交审核',
  'return:returned': '报告已退回，正在等待提交单位修改',
  'withdraw:confirmed': '已确认的报告不能撤回；如需更正，请修改后生成新版本',
  'withdraw:withdrawn': '报告已经撤回',
};

/** Why `role` cannot take `action` on a report in `status`: plain Chinese that names the status. */
export function transitionRefusal(action: ReportAction, status: ReportStatus, role: WorkflowRole): string {
  const base = `报告当前状态为“${REPORT_STATUS_LABELS[status]}”，不能${REPORT_ACTION_LABELS[action]}`;
  const others = REPORT_TRANSITIONS.filter((t) => t.action === action && t.from.includes(status) && !t.roles.includes(role));
  if (others.length > 0) {
    const who = others.some((t) => t.roles.includes('analyst')) ? '审核人员' : '提交单位';
    return `${base}：此时须由${who}办理`;
  }
  const hint = REFUSAL_HINTS[`${action}:${status}`];
  return hint ? `${base}：${hint}` : base;
}

/** Statuses in which a submitter may still correct its own report (drafts and returned reports). */
export const SUBMITTER_EDITABLE_STATUSES: readonly ReportStatus[] = ['draft', 'unresolved', 'returned'];

/** Statuses no one corrects: a withdrawn report stays as it was withdrawn. */
export const NOT_EDITABLE_STATUSES: readonly ReportStatus[] = ['withdrawn'];

/** Whether `role` may correct a report in `status` (reviewers correct any version but a withdrawn one). */
export function mayEdit(status: ReportStatus, role: WorkflowRole): boolean {
  if (NOT_EDITABLE_STATUSES.includes(status) || role === 'viewer') return false;
  return role !== 'submitter' || SUBMITTER_EDITABLE_STATUSES.includes(status);
}

/** Longest comment of a return or a withdrawal. */
export const REVIEW_COMMENT_MAX = 1000;
