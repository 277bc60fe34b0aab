import { describe, expect, it } from 'vitest';
import { accountProblems, passwordProblems, toNewAccount } from './account-form';

const form = { username: 'liuyang-clerk', displayName: '', password: 'a-long-password', role: 'submitter' as const, regionCode: '430181' };

describe('account form', () => {
  it('accepts a complete submitter account and drops the region of other roles', () => {
    expect(accountProblems(form)).toEqual({});
    expect(toNewAccount(form)).toEqual({ username: 'liuyang-clerk', password: 'a-long-password', role: 'submitter', displayName: null, regionCode: '430181' });
    expect(toNewAccount({ ...form, role: 'viewer' }).regionCode).toBeNull();
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
});
