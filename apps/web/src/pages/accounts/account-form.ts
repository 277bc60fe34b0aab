/** Checks the forms of the accounts page before anything is sent (pure; unit-tested). */
import type { NewAccount, PasswordChange } from '@/api/types';

export interface AccountForm {
  username: string;
  displayName: string;
  password: string;
  role: NewAccount['role'];
  regionCode: string;
}

/** Problems with the form in plain words, by field; empty when it can be sent. */
export function accountProblems(form: AccountForm): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!/^[A-Za-z0-9._-]{3,40}$/.test(form.username)) problems.username = '用户名为 3–40 个字母、数字或 . _ -';
  if (form.password.length < 10) problems.password = '初始密码至少 10 个字符';
  if (form.role === 'submitter' && !/^\d{6}$/.test(form.regionCode)) problems.regionCode = '报送单位账号须选择所属地区';
  return problems;
}

export function toNewAccount(form: AccountForm): NewAccount {
  return {
    username: form.username.trim(),
    password: form.password,
    role: form.role,
    displayName: form.displayName.trim() || null,
    regionCode: form.role === 'submitter' ? form.regionCode : null,
  };
}

export interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

export function passwordProblems(form: PasswordForm): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!form.currentPassword) problems.currentPassword = '请输入当前密码';
  if (form.newPassword.length < 10) problems.newPassword = '新密码至少 10 个字符';
  else if (form.newPassword === form.currentPassword) problems.newPassword = '新密码不能与当前密码相同';
  if (form.repeat !== form.newPassword) problems.repeat = '两次输入的新密码不一致';
  return problems;
}

export const toPasswordChange = (form: PasswordForm): PasswordChange => ({ currentPassword: form.currentPassword, newPassword: form.newPassword });
