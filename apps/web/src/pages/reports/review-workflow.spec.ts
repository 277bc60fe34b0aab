import { describe, expect, it } from 'vitest';
import { STATUS_OPTIONS, WAITING_OPTIONS, actionButtons, historyText, statusTone, waitingLabel, workflowStatusLabel } from './review-workflow';

describe('review workflow display', () => {
  it('labels every status and waiting party in Chinese', () => {
    expect(STATUS_OPTIONS.map((o) => o.label)).toEqual(['草稿', '单位待识别', '待审核', '已退回', '已确认', '已被替代', '已撤回']);
    expect(WAITING_OPTIONS).toEqual([{ value: 'submitter', label: '提交单位' }, { value: 'reviewer', label: '审核人员' }]);
    expect(waitingLabel('reviewer')).toBe('等待审核人员');
    expect(waitingLabel(null)).toBe('');
    expect(workflowStatusLabel('returned')).toBe('已退回');
    expect(statusTone('returned')).toBe('danger');
    expect(statusTone('confirmed')).toBe('success');
  });

  it('maps actions to buttons: return asks a comment, withdraw a confirmation, resolve_unit none', () => {
    const b = actionButtons(['return', 'confirm', 'withdraw', 'resolve_unit'], 'submitted');
    expect(b.map((x) => [x.action, x.label, x.ask])).toEqual([
      ['return', '退回修改', 'comment'], ['confirm', '确认', 'none'], ['withdraw', '撤回', 'confirm'],
    ]);
    expect(actionButtons(['submit'], 'returned')[0].label).toBe('重新提交');
    expect(actionButtons(['submit'], 'draft')[0].label).toBe('提交审核');
  });

  it('describes a history step with its status change', () => {
    expect(historyText({ event: 'return', label: '退回修改', fromStatus: 'submitted', toStatus: 'returned' })).toBe('退回修改（待审核 → 已退回）');
    expect(historyText({ event: 'submit', fromStatus: null, toStatus: 'submitted' })).toBe('提交审核');
  });
});
