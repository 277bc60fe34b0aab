import type { IndicatorRow } from '@hunan-perf/contracts';
import { addDecimal, decimalOf, numberOf, subtractDecimal } from './decimal.js';
import { completionRatio, isCostRow } from './indicator-status.js';
import { parseQuantity } from './quantity.js';

/**
 * 自评质量提示: signs that a self-evaluation was filled in carelessly or generously, each a stable
 * code with a Chinese title. The knowledge that varies (thresholds, the words of an empty 存在的问题)
 * is data here, in DEFAULT_QUALITY_THRESHOLDS; an admin may replace it (setting quality.thresholds).
 */
export const QUALITY_FLAG_CODES = [
  'ALL_FULL_MARKS', 'HIGH_SCORE_LOW_EXECUTION', 'TARGET_TOO_LOW', 'COST_AT_LEAST', 'EMPTY_PROBLEMS', 'WEIGHT_SUM_OFF',
] as const;
export type QualityFlagCode = (typeof QUALITY_FLAG_CODES)[number];

export interface QualityThresholds {
  version: string;
  /** 高分: a total score at or above this … */
  highScore: number;
  /** … with a 预算执行率 (%) below this; also what makes an empty 存在的问题 suspicious. */
  lowExecutionRate: number;
  /** 完成程度 (%) above which a target counts as set too low. */
  targetExceededPercent: number;
  /** Statements that say nothing (compared without spaces and punctuation). */
  emptyProblemWords: string[];
  /** What the weights should add up to, and the tolerance. */
  weightTotal: number;
  weightTolerance: number;
}

export const DEFAULT_QUALITY_THRESHOLDS: QualityThresholds = {
  version: 'default-2026.1',
  highScore: 90,
  lowExecutionRate: 80,
  targetExceededPercent: 130,
  emptyProblemWords: ['暂无', '无', '没有', '暂无问题', '无问题', '未发现问题', '暂未发现问题', '暂未发现', '不存在问题', '无明显问题', '/', '-'],
  weightTotal: 100,
  weightTolerance: 0.01,
};

export interface QualityFlagInfo { code: QualityFlagCode; title: string; description: (t: QualityThresholds) => string }

export const QUALITY_FLAGS: Record<QualityFlagCode, QualityFlagInfo> = {
  ALL_FULL_MARKS: { code: 'ALL_FULL_MARKS', title: '指标全部满分', description: () => '有分值和得分的指标全部得满分' },
  HIGH_SCORE_LOW_EXECUTION: {
    code: 'HIGH_SCORE_LOW_EXECUTION', title: '高分低执行',
    description: (t) => `自评得分不低于 ${t.highScore} 分，但预算执行率低于 ${t.lowExecutionRate}%`,
  },
  TARGET_TOO_LOW: {
    code: 'TARGET_TOO_LOW', title: '目标值设定偏低',
    description: (t) => `定量指标实际完成值超过年度指标值的 ${t.targetExceededPercent}%`,
  },
  COST_AT_LEAST: { code: 'COST_AT_LEAST', title: '成本指标写成“不低于”', description: () => '成本类指标（成本指标、三公、经费支出）的指标值写成“≥/不低于/以上”' },
  EMPTY_PROBLEMS: {
    code: 'EMPTY_PROBLEMS', title: '存在的问题空泛',
    description: (t) => `“存在的问题”为空或只写“暂无”等，而预算执行率低于 ${t.lowExecutionRate}% 或报告有未消除的警告`,
  },
  WEIGHT_SUM_OFF: { code: 'WEIGHT_SUM_OFF', title: '权重合计不符', description: (t) => `指标分值合计不等于 ${t.weightTotal} 分` },
};

export type QualityIndicator = Pick<IndicatorRow, 'level1' | 'level2' | 'name' | 'target' | 'actual' | 'weight' | 'score'>;

/** What the flags read of one report: its stored figures and rows. */
export interface QualityInput {
  scoreTotal: number | null;
  executionRate: number | null;
  warningCount: number;
  indicators: QualityIndicator[];
  breakdown: { level2: string | null; weight: number | null }[];
  problems: string[];
}

/** An offending row: its place in the indicator table (0-based) when it is one, and what is wrong with it. */
export interface QualityFlagRow { position: number | null; label: string; detail: string }

export interface QualityFlag { code: QualityFlagCode; rows: QualityFlagRow[] }

const labelOf = (r: QualityIndicator) => r.name ?? r.level2 ?? r.level1 ?? '（未命名指标）';
const squash = (text: string) => text.replace(/[\s\u3000。．.，,；;：:！!、“”"（）()]/g, '');

function sumOf(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? numberOf(present.reduce((s, v) => addDecimal(s, decimalOf(v)), decimalOf(0))) : null;
}

function allFullMarks(input: QualityInput): QualityFlagRow[] | null {
  const scored = input.indicators.filter((r) => r.weight !== null && r.score !== null && r.weight > 0);
  if (!scored.length || scored.some((r) => r.score! < r.weight!)) return null;
  return [{ position: null, label: '全部指标', detail: `有分值的 ${scored.length} 项指标均为满分` }];
}

function highScoreLowExecution(input: QualityInput, t: QualityThresholds): QualityFlagRow[] | null {
  const { scoreTotal: score, executionRate: rate } = input;
  if (score === null || rate === null || score < t.highScore || rate >= t.lowExecutionRate) return null;
  return [{ position: null, label: '自评得分与预算执行率', detail: `自评得分 ${score} 分，预算执行率 ${rate}%` }];
}

function targetTooLow(input: QualityInput, t: QualityThresholds): QualityFlagRow[] | null {
  const rows = input.indicators.flatMap((r, position) => {
    const ratio = completionRatio(r);
    // A target of 100 % is a ceiling (执行率, 完成率): going past it is over-execution, not a low target.
    const ceiling = parseQuantity(r.target)?.unit === '%' && parseQuantity(r.target)!.value >= 100;
    return ratio !== null && !ceiling && ratio > t.targetExceededPercent
      ? [{ position, label: labelOf(r), detail: `指标值 ${r.target}，实际 ${r.actual}，完成 ${ratio}%` }] : [];
  });
  return rows.length ? rows : null;
}

function costAtLeast(input: QualityInput): QualityFlagRow[] | null {
  const rows = input.indicators.flatMap((r, position) =>
    isCostRow(r) && parseQuantity(r.target)?.comparator === 'atLeast' ? [{ position, label: labelOf(r), detail: `指标值写作 ${r.target}` }] : []);
  return rows.length ? rows : null;
}

function emptyProblems(input: QualityInput, t: QualityThresholds): QualityFlagRow[] | null {
  const stop = new Set(t.emptyProblemWords.map(squash));
  const said = input.problems.map(squash).filter((p) => p && !stop.has(p));
  if (said.length) return null;
  const lowRate = input.executionRate !== null && input.executionRate < t.lowExecutionRate;
  if (!lowRate && input.warningCount === 0) return null;
  const why = [lowRate ? `预算执行率 ${input.executionRate}%` : null, input.warningCount ? `${input.warningCount} 条警告` : null].filter(Boolean).join('，');
  const written = input.problems.length ? `只写“${input.problems.join('；')}”` : '未填写';
  return [{ position: null, label: '存在的问题', detail: `${written}（${why}）` }];
}

/**
 * The weights the report adds up: its score breakdown's 一级 rows (all rows when none is 一级-only),
 * and its indicator table when every row has a weight. Off when there are weights and none adds up.
 */
function weightSumOff(input: QualityInput, t: QualityThresholds): QualityFlagRow[] | null {
  const level1 = input.breakdown.filter((b) => b.level2 === null);
  const breakdownSum = sumOf((level1.length ? level1 : input.breakdown).map((b) => b.weight));
  const indicatorSum = input.indicators.every((r) => r.weight !== null) ? sumOf(input.indicators.map((r) => r.weight)) : null;
  const sums = [breakdownSum, indicatorSum].filter((s): s is number => s !== null);
  const off = (s: number) => Math.abs(numberOf(subtractDecimal(decimalOf(s), decimalOf(t.weightTotal)))) > t.weightTolerance;
  if (!sums.length || !sums.every(off)) return null;
  return [{ position: null, label: '指标分值合计', detail: `${breakdownSum !== null ? '评分表' : '指标表'}合计 ${sums[0]} 分，应为 ${t.weightTotal} 分` }];
}

/** The flags a report raises under the thresholds, in QUALITY_FLAG_CODES order; none for a clean report. */
export function qualityFlags(input: QualityInput, t: QualityThresholds = DEFAULT_QUALITY_THRESHOLDS): QualityFlag[] {
  const found: Record<QualityFlagCode, QualityFlagRow[] | null> = {
    ALL_FULL_MARKS: allFullMarks(input),
    HIGH_SCORE_LOW_EXECUTION: highScoreLowExecution(input, t),
    TARGET_TOO_LOW: targetTooLow(input, t),
    COST_AT_LEAST: costAtLeast(input),
    EMPTY_PROBLEMS: emptyProblems(input, t),
    WEIGHT_SUM_OFF: weightSumOff(input, t),
  };
  return QUALITY_FLAG_CODES.flatMap((code) => (found[code] ? [{ code, rows: found[code] }] : []));
}
