import type { WarningCode } from './report-document.js';

/** The Chinese title of each warning code: what people see instead of the code. */
export const WARNING_TITLES: Readonly<Record<WarningCode, string>> = {
  MISSING_SCORE: '缺少自评得分',
  MISSING_BUDGET: '缺少预算金额',
  MISSING_INDICATORS: '缺少绩效指标表',
  SCORE_SUM_MISMATCH: '得分合计不符',
  WEIGHT_SUM_MISMATCH: '分值合计不符',
  RATE_MISMATCH: '执行率与金额不符',
  TOTAL_MISMATCH: '合计金额不符',
  GRADE_MISMATCH: '等级与得分不符',
  OVER_EXECUTION: '超预算支出',
  AMBIGUOUS_VALUE: '同一字段读到不同数值',
};

/** "SCORE_SUM_MISMATCH" → "得分合计不符"; an unknown code reads as 其他提示 (never the code itself). */
export function warningTitle(code: string): string {
  return (WARNING_TITLES as Record<string, string>)[code] ?? '其他提示';
}
