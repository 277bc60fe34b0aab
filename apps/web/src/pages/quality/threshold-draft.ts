/** The admin's editing form for 自评质量提示 thresholds: its fields as data, and the draft ⇄ thresholds mapping. */
import type { QualityThresholds } from '@/api/analytics-types';

type NumberKey = 'highScore' | 'lowExecutionRate' | 'targetExceededPercent' | 'weightTotal' | 'weightTolerance';

/** The numeric fields in the order the form shows them: label, unit and input step. */
export const THRESHOLD_FIELDS: { key: NumberKey; label: string; unit: string; step: number }[] = [
  { key: 'highScore', label: '高分线', unit: '分', step: 1 },
  { key: 'lowExecutionRate', label: '执行率下限', unit: '%', step: 1 },
  { key: 'targetExceededPercent', label: '完成程度上限', unit: '%', step: 10 },
  { key: 'weightTotal', label: '分值合计', unit: '分', step: 1 },
  { key: 'weightTolerance', label: '分值合计容差', unit: '分', step: 0.01 },
];

export type ThresholdDraft = Record<NumberKey, number | null> & { emptyProblemWords: string };

export function draftOf(t: QualityThresholds): ThresholdDraft {
  return {
    highScore: t.highScore, lowExecutionRate: t.lowExecutionRate, targetExceededPercent: t.targetExceededPercent,
    weightTotal: t.weightTotal, weightTolerance: t.weightTolerance, emptyProblemWords: t.emptyProblemWords.join('\n'),
  };
}

/** One word per line (or separated by 、，,；;), trimmed, blanks and repeats dropped, order kept. */
export function wordsOf(text: string): string[] {
  const words = text.split(/[\n\r、，,；;]/).map((w) => w.trim()).filter(Boolean);
  return [...new Set(words)];
}

const pad = (n: number) => String(n).padStart(2, '0');
/** A version naming when the admin saved it (the server records who). */
export function versionAt(now: Date): string {
  return `管理员设定 ${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/**
 * The thresholds to save, or the Chinese message for the first empty field. Ranges are the
 * server's to check: its answer names the field and the allowed range.
 */
export function thresholdsOf(d: ThresholdDraft, now: Date): QualityThresholds | { error: string } {
  const blank = THRESHOLD_FIELDS.find((f) => d[f.key] === null || !Number.isFinite(d[f.key]));
  if (blank) return { error: `请填写${blank.label}（${blank.unit}）` };
  const words = wordsOf(d.emptyProblemWords);
  if (!words.length) return { error: '请至少填写一条空泛问题用语' };
  return {
    version: versionAt(now), highScore: d.highScore!, lowExecutionRate: d.lowExecutionRate!,
    targetExceededPercent: d.targetExceededPercent!, weightTotal: d.weightTotal!, weightTolerance: d.weightTolerance!, emptyProblemWords: words,
  };
}
