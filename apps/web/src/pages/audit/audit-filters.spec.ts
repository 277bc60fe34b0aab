import { describe, expect, it } from 'vitest';
import { auditFilterProblems, emptyAuditFilters, PAGE_SIZE, toAuditQuery } from './audit-filters';
import { describeField, describeValue } from './audit-value-labels';

describe('audit filters', () => {
  it('leaves empty filters out and pages by 50', () => {
    expect(toAuditQuery(emptyAuditFilters())).toEqual({ limit: PAGE_SIZE, offset: 0 });
    expect(toAuditQuery({ ...emptyAuditFilters(), actor: '  admin ', action: 'user.disable', from: '2026-03-01', to: '2026-03-31' }, 3))
      .toEqual({ limit: 50, offset: 100, actor: 'admin', action: 'user.disable', from: '2026-03-01', to: '2026-03-31' });
  });

  it('names a reversed or malformed date range in plain words', () => {
    expect(auditFilterProblems({ ...emptyAuditFilters(), from: '2026-03-02', to: '2026-03-01' })).toEqual({ to: '截止日期不能早于起始日期' });
    expect(auditFilterProblems({ ...emptyAuditFilters(), from: '2026/03/02' })).toEqual({ from: '起始日期格式应为 YYYY-MM-DD' });
    expect(auditFilterProblems({ ...emptyAuditFilters(), from: '2026-03-01', to: '2026-03-01' })).toEqual({});
  });

  it('describes changed values in one line', () => {
    expect(describeValue({ role: 'viewer', regionCode: null })).toBe('角色：领导查看；地区代码：—');
    expect(describeValue({ username: 'li', reason: 'wrong_password', disabled: true })).toBe('用户名：li；原因：密码错误；停用：是');
    expect(describeValue({ status: 'confirmed', customKey: 3 })).toBe('状态：已确认；customKey：3');
    expect(describeValue(96.5)).toBe('96.5');
    expect(describeField('score.total')).toBe('自评得分');
    expect(describeField(null)).toBe('');
    expect(describeValue(null)).toBe('');
  });
});
