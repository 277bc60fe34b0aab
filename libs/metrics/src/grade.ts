import type { Grade } from '@hunan-perf/contracts';

/** Grade bands of the contract: 优 ≥ 90, 良 80–<90, 中 60–<80, 差 < 60. */
export const GRADE_BANDS: ReadonlyArray<{ grade: Grade; min: number }> = [
  { grade: '优', min: 90 },
  { grade: '良', min: 80 },
  { grade: '中', min: 60 },
  { grade: '差', min: -Infinity },
];

export function gradeFor(score: number | null | undefined): Grade | null {
  if (score == null || Number.isNaN(score)) return null;
  return GRADE_BANDS.find((band) => score >= band.min)!.grade;
}

/** 优秀 → 优, 良好 → 良, 中等/合格/一般/较好 → 中, 较差/不合格 → 差 (the whole text); anything else → null. */
export function normaliseGrade(text: string | null | undefined): Grade | null {
  const t = text?.trim() ?? '';
  if (/^(优秀|优)$/.test(t)) return '优';
  if (/^(良好|良)$/.test(t)) return '良';
  if (/^(中等|中|合格|一般|较好)$/.test(t)) return '中';
  if (/^(较差|差|不合格)$/.test(t)) return '差';
  return null;
}

/**
 * The grade to show: the one the report writes, else the band of its score marked as derived
 * (按得分推定); null only when there is neither grade nor score.
 */
export function shownGrade(written: Grade | null | undefined, score: number | null | undefined): { grade: Grade | null; gradeDerived: boolean } {
  if (written) return { grade: written, gradeDerived: false };
  const derived = gradeFor(score);
  return { grade: derived, gradeDerived: derived !== null };
}
