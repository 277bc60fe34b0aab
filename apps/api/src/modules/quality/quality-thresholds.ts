import type { QualityThresholds } from '@hunan-perf/metrics';
import { badRequest, type ErrorDetail } from '../../common/app-error.js';

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** What each threshold is, for messages: field → its Chinese name and range. */
const NUMBERS: [keyof QualityThresholds, string, number, number][] = [
  ['highScore', '高分线（分）', 0, 100],
  ['lowExecutionRate', '执行率下限（%）', 0, 100],
  ['targetExceededPercent', '完成程度上限（%）', 100, 10_000],
  ['weightTotal', '分值合计（分）', 1, 1_000],
  ['weightTolerance', '分值合计容差（分）', 0, 10],
];

/** Checks an admin's thresholds; every problem names its field in Chinese and says what is wrong. */
export function validateThresholds(input: unknown): QualityThresholds {
  const problems: ErrorDetail[] = [];
  const fail = (field: string, message: string) => problems.push({ field, message });
  const t = input as Partial<QualityThresholds> | null;
  if (!t || typeof t !== 'object' || Array.isArray(t)) throw badRequest('THRESHOLDS_INVALID', '质量提示阈值必须是 JSON 对象');
  if (typeof t.version !== 'string' || !t.version.trim() || t.version.length > 50) fail('version', '版本必须是 1–50 个字符的文本');
  for (const [key, label, min, max] of NUMBERS) {
    const v = t[key];
    if (!isNumber(v) || v < min || v > max) fail(key, `${label}必须是 ${min}–${max} 之间的数字`);
  }
  const words = t.emptyProblemWords;
  if (!Array.isArray(words) || words.length > 100 || !words.every((w) => typeof w === 'string' && w.trim() && w.length <= 30)) {
    fail('emptyProblemWords', '空泛问题用语必须是最多 100 条、每条 1–30 个字符的文本');
  }
  const known = new Set<string>(['version', 'emptyProblemWords', ...NUMBERS.map(([k]) => k)]);
  for (const key of Object.keys(t)) if (!known.has(key)) fail(key, `不认识的阈值 ${key.slice(0, 40)}`);
  if (problems.length) throw badRequest('THRESHOLDS_INVALID', `质量提示阈值不符合要求：${problems.map((p) => p.message).join('；')}`, problems);
  return {
    version: t.version!, highScore: t.highScore!, lowExecutionRate: t.lowExecutionRate!, targetExceededPercent: t.targetExceededPercent!,
    emptyProblemWords: words!.map((w) => w.trim()), weightTotal: t.weightTotal!, weightTolerance: t.weightTolerance!,
  };
}
