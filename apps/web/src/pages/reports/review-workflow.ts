/** How the review cycle shows on the report pages: status tags, the waiting party, the action buttons. */
import {
  REPORT_ACTION_LABELS, REPORT_STATUSES, REPORT_STATUS_LABELS, WAITING_FOR, WAITING_FOR_LABELS, reviewEventLabel,
  type ReportAction, type ReportStatus, type WaitingFor,
} from '@hunan-perf/contracts/report-workflow';

type Tone = 'success' | 'info' | 'warning' | 'danger' | 'primary';

const STATUS_TONES: Readonly<Record<ReportStatus, Tone>> = {
  draft: 'warning', unresolved: 'warning', submitted: 'primary', returned: 'danger', confirmed: 'success', superseded: 'info', withdrawn: 'info',
};

export const statusTone = (status: string): Tone => STATUS_TONES[status as ReportStatus] ?? 'info';
export const workflowStatusLabel = (status: string): string => REPORT_STATUS_LABELS[status as ReportStatus] ?? status;
export const waitingLabel = (who: string | null | undefined): string => (who ? `等待${WAITING_FOR_LABELS[who as WaitingFor] ?? who}` : '');

/** The filter options of the report list, in the workflow's order. */
export const STATUS_OPTIONS = REPORT_STATUSES.map((value) => ({ value, label: REPORT_STATUS_LABELS[value] }));
export const WAITING_OPTIONS = WAITING_FOR.map((value) => ({ value, label: WAITING_FOR_LABELS[value] }));

/** A button of the detail page: confirm keeps its own flow; return asks a comment; withdraw asks to confirm. */
export interface ActionButton {
  action: ReportAction;
  label: string;
  type: 'primary' | 'warning' | 'danger' | 'default';
  ask: 'none' | 'comment' | 'confirm';
}

const BUTTONS: Readonly<Partial<Record<ReportAction, Omit<ActionButton, 'action' | 'label'>>>> = {
  submit: { type: 'primary', ask: 'none' },
  confirm: { type: 'primary', ask: 'none' },
  return: { type: 'warning', ask: 'comment' },
  withdraw: { type: 'danger', ask: 'confirm' },
};

/** The buttons for the actions the API offers, in its order; resolve_unit has its own panel. */
export function actionButtons(actions: readonly string[], status: string): ActionButton[] {
  return actions.flatMap((a) => {
    const b = BUTTONS[a as ReportAction];
    if (!b) return [];
    const label = a === 'submit' && status === 'returned' ? '重新提交' : REPORT_ACTION_LABELS[a as ReportAction];
    return [{ action: a as ReportAction, label, ...b }];
  });
}

/** One line of the review history: what happened, from which status to which. */
export function historyText(e: { event: string; label?: string; fromStatus: string | null; toStatus: string }): string {
  const what = e.label || reviewEventLabel(e.event);
  return e.fromStatus ? `${what}（${workflowStatusLabel(e.fromStatus)} → ${workflowStatusLabel(e.toStatus)}）` : what;
}
