import {
  actionsFor, mayEdit, OPEN_STATUSES, REPORT_STATUS_LABELS, REPORT_STATUSES, REPORT_TRANSITIONS, REVIEW_EVENT_LABELS, rolesFor,
  STATUS_WAITING_FOR, statusesWaitingFor, transitionFor, transitionRefusal, WAITING_FOR_LABELS, type WorkflowRole,
} from './report-workflow.js';

const CHINESE = /^[\u4e00-\u9fa5]+$/;

describe('the report workflow', () => {
  it('names every status, step and party in Chinese', () => {
    for (const label of [...Object.values(REPORT_STATUS_LABELS), ...Object.values(REVIEW_EVENT_LABELS), ...Object.values(WAITING_FOR_LABELS)]) {
      expect(label).toMatch(CHINESE);
    }
    expect(Object.keys(REPORT_STATUS_LABELS).sort()).toEqual([...REPORT_STATUSES].sort());
  });

  it('runs draft → submitted → returned → submitted → confirmed, the steps taken by the roles the province expects', () => {
    expect(transitionFor('submit', 'draft', 'submitter')).toMatchObject({ event: 'submit', to: 'submitted' });
    expect(transitionFor('return', 'submitted', 'analyst')).toMatchObject({ to: 'returned', comment: 'required' });
    expect(transitionFor('submit', 'returned', 'submitter')).toMatchObject({ event: 'resubmit', to: 'submitted' });
    expect(transitionFor('confirm', 'submitted', 'analyst')).toMatchObject({ to: 'confirmed' });
    // A returned report is resubmitted before anyone confirms it; a submitter never reviews.
    expect(transitionFor('confirm', 'returned', 'analyst')).toBeUndefined();
    expect(transitionFor('return', 'submitted', 'submitter')).toBeUndefined();
    expect(transitionFor('submit', 'draft', 'analyst')).toBeUndefined();
    expect(rolesFor('return').sort()).toEqual(['admin', 'analyst']);
  });

  it('lets a submitter withdraw its drafts and returned reports, a reviewer also a submitted one; nothing once confirmed', () => {
    for (const status of ['draft', 'unresolved', 'returned'] as const) expect(transitionFor('withdraw', status, 'submitter')?.to).toBe('withdrawn');
    expect(transitionFor('withdraw', 'submitted', 'submitter')).toBeUndefined();
    expect(transitionFor('withdraw', 'submitted', 'analyst')?.to).toBe('withdrawn');
    for (const role of ['admin', 'analyst', 'submitter', 'viewer'] as WorkflowRole[]) {
      for (const status of ['confirmed', 'superseded', 'withdrawn'] as const) expect(actionsFor(status, role)).toEqual([]);
    }
  });

  it('says who each open status waits for, and that party can act on it', () => {
    expect(OPEN_STATUSES).toEqual(['draft', 'unresolved', 'submitted', 'returned']);
    expect(statusesWaitingFor('submitter')).toEqual(['draft', 'returned']);
    expect(statusesWaitingFor('reviewer')).toEqual(['unresolved', 'submitted']);
    for (const status of OPEN_STATUSES) {
      const role: WorkflowRole = STATUS_WAITING_FOR[status] === 'submitter' ? 'submitter' : 'analyst';
      expect(actionsFor(status, role).length).toBeGreaterThan(0);
    }
    // Every transition leaves from and goes to known statuses.
    for (const t of REPORT_TRANSITIONS) expect([...t.from, t.to].every((s) => REPORT_STATUSES.includes(s))).toBe(true);
  });

  it('lets a submitter correct drafts and returned reports only; nobody corrects a withdrawn one', () => {
    expect(REPORT_STATUSES.filter((s) => mayEdit(s, 'submitter'))).toEqual(['draft', 'unresolved', 'returned']);
    expect(REPORT_STATUSES.filter((s) => !mayEdit(s, 'analyst'))).toEqual(['withdrawn']);
    expect(REPORT_STATUSES.filter((s) => mayEdit(s, 'viewer'))).toEqual([]);
  });

  it('refuses a wrong step naming the status, and says who may take it instead', () => {
    expect(transitionRefusal('confirm', 'returned', 'analyst')).toBe('报告当前状态为“已退回”，不能确认：须由提交单位修改后重新提交审核');
    expect(transitionRefusal('withdraw', 'submitted', 'submitter')).toBe('报告当前状态为“待审核”，不能撤回：此时须由审核人员办理');
    expect(transitionRefusal('submit', 'confirmed', 'submitter')).toBe('报告当前状态为“已确认”，不能提交审核');
  });
});
