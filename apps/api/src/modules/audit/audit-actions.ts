import { REVIEW_EVENT_LABELS, reviewAuditAction } from '@hunan-perf/contracts';

/** Every audited action with its name in plain Chinese (the audit page, the export). */
export const AUDIT_ACTIONS: Record<string, string> = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.lockout': '登录锁定',
  'auth.logout': '退出登录',
  'user.create': '创建账号',
  'user.update': '修改账号',
  'user.disable': '停用账号',
  'user.enable': '启用账号',
  'user.reset_password': '重置密码',
  'user.change_password': '修改密码',
  'user.unlock': '解除锁定',
  'user.revoke_session': '吊销会话',
  'unit.create': '新建单位',
  'report.edit': '修改报告',
  'report.confirm': '确认报告',
  'report.resolve_unit': '指定单位',
  // The review steps under the names the workflow gives them (libs/contracts report-workflow.ts).
  ...Object.fromEntries((['submit', 'resubmit', 'return', 'withdraw', 'supersede'] as const).map((e) => [reviewAuditAction(e), REVIEW_EVENT_LABELS[e]])),
  'document.ingest': '导入文件',
  'setting.update': '修改设置',
  'spot_check.draw': '抽取抽查样本',
  'spot_check.assign': '指派复核人',
  'spot_check.record': '录入复核分',
  'spot_check.submit': '提交复核',
  'spot_check.reopen': '退回复核',
  'rectification.update': '更新整改进展',
  'rectification.evidence': '上传整改证明材料',
};

export const actionLabel = (action: string): string => AUDIT_ACTIONS[action] ?? action;

export const ENTITY_LABELS: Record<string, string> = {
  app_user: '账号', address: '地址', unit: '单位', report: '报告', setting: '设置', source_document: '源文件', spot_check_sample: '抽查样本', spot_check_item: '抽查条目', rectification_item: '整改事项',
};

export const entityLabel = (type: string): string => ENTITY_LABELS[type] ?? type;
