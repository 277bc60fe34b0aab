import { fieldLabel } from '@hunan-perf/contracts/labels';
import { roleLabel, statusLabel } from '../../format';

/**
 * The words the audit page uses for the keys and coded values inside an event's 原值/新值, one table:
 * what an analyst reads is `角色：领导查看`, never `role: viewer`. A key not listed shows as written.
 */
const KEY_LABELS: Readonly<Record<string, string>> = {
  username: '用户名', displayName: '姓名', role: '角色', regionCode: '地区代码', disabled: '停用',
  mustChangePassword: '须改密码', afterReset: '重置后首次登录', revokedSessions: '注销会话数', revoked: '注销会话数',
  sessionId: '会话', lockedUntil: '锁定至', until: '锁定至', failures: '失败次数', scope: '锁定范围', address: '来源地址',
  reason: '原因', status: '状态', version: '版本', superseded: '替代的报告', unitId: '单位编号', unitName: '单位名称',
  aliasSaved: '已存为别名', name: '名称', aliases: '别名', fileName: '文件名', sha256: '文件摘要', reports: '报告',
  fiscalYear: '年度', size: '数量', seed: '随机种子', mustIncludeUnitIds: '必选单位', sampled: '抽中报告数',
  sampleId: '样本', path: '字段',
};

/** Coded values spelled out per key; `status` and `role` use the app's own names. */
const VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  reason: { wrong_password: '密码错误', unknown_user: '用户名不存在', disabled: '账号已停用' },
  scope: { account: '按账号', address: '按地址' },
};

function valueText(key: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'object') return JSON.stringify(value);
  const text = String(value);
  if (key === 'role') return roleLabel(text);
  if (key === 'status') return statusLabel(text);
  if (key === 'path') return fieldLabel(text);
  return VALUE_LABELS[key]?.[text] ?? text;
}

/** A changed value in one line: `{"role":"viewer","regionCode":null}` → `角色：领导查看；地区代码：—`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object' || Array.isArray(value)) return valueText('', value);
  return Object.entries(value as Record<string, unknown>)
    .map(([key, v]) => `${KEY_LABELS[key] ?? key}：${valueText(key, v)}`)
    .join('；');
}

/** The field an edit changed, in Chinese (the correction ledger's dotted path otherwise). */
export const describeField = (field: string | null): string => (field ? fieldLabel(field) : '');
