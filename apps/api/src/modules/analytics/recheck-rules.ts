import type { RecheckRuleSet } from '@hunan-perf/metrics';
import { badRequest, type ErrorDetail } from '../../common/app-error.js';

const BASES = ['executionRate', 'adjustmentRatio', 'basicControlRate', 'projectControlRate', 'threePublicControlRate'];
const TYPES = ['proportional', 'bands', 'penaltyAbove'];

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Checks an admin's rule set; every problem names its place, e.g. rules[2].bands[0].points. */
export function validateRuleSet(input: unknown): RecheckRuleSet {
  const problems: ErrorDetail[] = [];
  const fail = (field: string, message: string) => problems.push({ field, message: `${field} ${message}` });
  const set = input as Partial<RecheckRuleSet> | null;
  if (!set || typeof set !== 'object') throw badRequest('RULES_INVALID', '规则集必须是 JSON 对象');
  if (typeof set.version !== 'string' || !set.version.trim() || set.version.length > 50) fail('version', '必须是 1–50 个字符的文本');
  if (!Array.isArray(set.rules) || set.rules.length === 0 || set.rules.length > 50) fail('rules', '必须是 1–50 条规则的数组');
  (Array.isArray(set.rules) ? set.rules : []).forEach((rule, i) => {
    const at = `rules[${i}]`;
    const r = rule as unknown as Record<string, unknown>;
    if (typeof r.key !== 'string' || !/^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(r.key)) fail(`${at}.key`, '必须是字母开头的标识');
    if (typeof r.label !== 'string' || !r.label.trim()) fail(`${at}.label`, '不能为空');
    if (!BASES.includes(r.basis as string)) fail(`${at}.basis`, `必须是 ${BASES.join('/')} 之一`);
    if (!Array.isArray(r.match) || r.match.length === 0 || !r.match.every((m) => typeof m === 'string' && m.trim())) {
      fail(`${at}.match`, '必须是非空的文本数组（用于在指标表中找到该项自评得分）');
    }
    if (!TYPES.includes(r.type as string)) fail(`${at}.type`, `必须是 ${TYPES.join('/')} 之一`);
    if (r.type === 'bands') {
      if (!Array.isArray(r.bands) || r.bands.length === 0) fail(`${at}.bands`, '必须是非空数组');
      (Array.isArray(r.bands) ? r.bands : []).forEach((b: Record<string, unknown>, j: number) => {
        if (!isNumber(b.max)) fail(`${at}.bands[${j}].max`, '必须是数字');
        if (!isNumber(b.points) || b.points < 0) fail(`${at}.bands[${j}].points`, '必须是非负数');
      });
      if (!isNumber(r.otherwise) || r.otherwise < 0) fail(`${at}.otherwise`, '必须是非负数');
    }
    if (r.type === 'penaltyAbove') {
      if (!isNumber(r.threshold)) fail(`${at}.threshold`, '必须是数字');
      if (!isNumber(r.perPoint) || r.perPoint < 0) fail(`${at}.perPoint`, '必须是非负数');
    }
  });
  if (problems.length) throw badRequest('RULES_INVALID', `复核规则不符合要求：${problems.map((p) => p.message).join('；')}`, problems);
  return set as RecheckRuleSet;
}
