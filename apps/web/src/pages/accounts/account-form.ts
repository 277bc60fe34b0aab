/** Checks the forms of the accounts page before anything is sent (pure; unit-tested). */
import type { Account, AccountUpdate, NewAccount, PasswordChange } from '@/api/types';

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
  Object.assign(problems, regionProblems(form.role, form.regionCode));
  return problems;
}

/**
 * The one region rule, as the API applies it: a submitter must have a region; an analyst or
 * viewer may be limited to one (that region and everything under it); an admin cannot be.
 */
function regionProblems(role: NewAccount['role'], regionCode: string): Record<string, string> {
  if (role === 'submitter' && !/^\d{6}$/.test(regionCode)) return { regionCode: '报送单位账号须选择所属地区' };
  if (role === 'admin' && regionCode) return { regionCode: '管理员管理全省账号，不能限定地区' };
  return {};
}

/** The region sent for a role: none for an admin, the chosen one (or none = 全省) otherwise. */
const regionFor = (role: NewAccount['role'], regionCode: string): string | null => (role === 'admin' || !regionCode ? null : regionCode);

export function toNewAccount(form: AccountForm): NewAccount {
  return {
    username: form.username.trim(),
    password: form.password,
    role: form.role,
    displayName: form.displayName.trim() || null,
    regionCode: regionFor(form.role, form.regionCode),
  };
}

/** 修改账号: role, region limit and name of an existing account. */
export interface AccountEditForm {
  role: NewAccount['role'];
  regionCode: string;
  displayName: string;
}

export const editFormOf = (account: Account): AccountEditForm =>
  ({ role: account.role, regionCode: account.regionCode ?? '', displayName: account.displayName ?? '' });

export function accountEditProblems(form: AccountEditForm): Record<string, string> {
  const problems = regionProblems(form.role, form.regionCode);
  if (form.displayName.trim().length > 100) problems.displayName = '姓名最多 100 个字符';
  return problems;
}

/** Only what changed is sent (the API audits each change with its old and new value). */
export function toAccountUpdate(account: Account, form: AccountEditForm): AccountUpdate {
  const update: AccountUpdate = {};
  const regionCode = regionFor(form.role, form.regionCode);
  const displayName = form.displayName.trim() || null;
  if (form.role !== account.role) update.role = form.role;
  if (regionCode !== account.regionCode) update.regionCode = regionCode;
  if (displayName !== account.displayName) update.displayName = displayName;
  return update;
}

/** What the state column says about an account. */
export function accountState(account: Pick<Account, 'disabledAt' | 'lockedUntil' | 'mustChangePassword'>): string[] {
  const state: string[] = [];
  if (account.disabledAt) state.push('已停用');
  if (account.lockedUntil) state.push('已锁定');
  if (account.mustChangePassword) state.push('待改密');
  return state.length ? state : ['正常'];
}

export interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

export function passwordProblems(form: PasswordForm, oneTime = false): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!form.currentPassword) problems.currentPassword = oneTime ? '请输入管理员提供的一次性密码' : '请输入当前密码';
  if (form.newPassword.length < 10) problems.newPassword = '新密码至少 10 个字符';
  else if (form.newPassword === form.currentPassword) problems.newPassword = '新密码不能与当前密码相同';
  if (form.repeat !== form.newPassword) problems.repeat = '两次输入的新密码不一致';
  return problems;
}

export const toPasswordChange = (form: PasswordForm): PasswordChange => ({ currentPassword: form.currentPassword, newPassword: form.newPassword });
