import { describe, expect, it } from 'vitest';
import type { Account } from '@/api/types';
import { accountEditProblems, accountProblems, accountState, editFormOf, passwordProblems, toAccountUpdate, toNewAccount } from './account-form';

const form = { username: 'liuyang-clerk', displayName: '', password: 'a-long-password', role: 'submitter' as const, regionCode: '430181' };

describe('account form', () => {
  it('accepts a complete submitter account; a viewer may be limited to a region, an admin never', () => {
    expect(accountProblems(form)).toEqual({});
    expect(toNewAccount(form)).toEqual({ username: 'liuyang-clerk', password: 'a-long-password', role: 'submitter', displayName: null, regionCode: '430181' });
    expect(toNewAccount({ ...form, role: 'viewer' }).regionCode).toBe('430181');
    expect(toNewAccount({ ...form, role: 'viewer', regionCode: '' }).regionCode).toBeNull();
    expect(accountProblems({ ...form, role: 'admin' })).toEqual({ regionCode: '管理员管理全省账号，不能限定地区' });
  });

  it('names every problem', () => {
    expect(accountProblems({ ...form, username: 'a b', password: 'short', regionCode: '' })).toEqual({
      username: '用户名为 3–40 个字母、数字或 . _ -', password: '初始密码至少 10 个字符', regionCode: '报送单位账号须选择所属地区',
    });
    expect(accountProblems({ ...form, role: 'analyst', regionCode: '' })).toEqual({});
  });
});

describe('password form', () => {
  it('checks length, difference and the repeat', () => {
    expect(passwordProblems({ currentPassword: 'old-password-1', newPassword: 'new-password-22', repeat: 'new-password-22' })).toEqual({});
    expect(passwordProblems({ currentPassword: '', newPassword: 'short', repeat: 'x' })).toEqual({
      currentPassword: '请输入当前密码', newPassword: '新密码至少 10 个字符', repeat: '两次输入的新密码不一致',
    });
    expect(passwordProblems({ currentPassword: 'same-password-1', newPassword: 'same-password-1', repeat: 'same-password-1' }).newPassword)
      .toBe('新密码不能与当前密码相同');
  });

  const account: Account = {
    id: 'a1', username: 'zhang', displayName: '张三', role: 'viewer', regionCode: null, createdAt: '2026-01-01T00:00:00Z',
    disabledAt: null, mustChangePassword: false, lockedUntil: null, activeSessions: 1,
  };

  it('sends only what the edit changed', () => {
    expect(toAccountUpdate(account, editFormOf(account))).toEqual({});
    expect(toAccountUpdate(account, { ...editFormOf(account), regionCode: '430100' })).toEqual({ regionCode: '430100' });
    expect(toAccountUpdate({ ...account, regionCode: '430100' }, { role: 'admin', regionCode: '430100', displayName: '' }))
      .toEqual({ role: 'admin', regionCode: null, displayName: null });
  });

  it('checks the region rule on an edit', () => {
    expect(accountEditProblems({ role: 'submitter', regionCode: '', displayName: '' })).toEqual({ regionCode: '报送单位账号须选择所属地区' });
    expect(accountEditProblems({ role: 'analyst', regionCode: '430100', displayName: '' })).toEqual({});
  });

  it('states an account’s state in words', () => {
    expect(accountState(account)).toEqual(['正常']);
    expect(accountState({ ...account, disabledAt: '2026-01-02T00:00:00Z', lockedUntil: '2026-01-02T00:15:00Z' })).toEqual(['已停用', '已锁定']);
    expect(accountState({ ...account, mustChangePassword: true })).toEqual(['待改密']);
  });

  it('asks for the one-time password after a reset', () => {
    expect(passwordProblems({ currentPassword: '', newPassword: 'a-long-new-password', repeat: 'a-long-new-password' }, true))
      .toEqual({ currentPassword: '请输入管理员提供的一次性密码' });
  });
});
