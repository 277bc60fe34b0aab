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

const GRADE_WORDS: Array<[RegExp, Grade]> = [
  [/优/, '优'],
  [/良/, '良'],
  [/中|合格/, '中'],
  [/差|不合格/, '差'],
];

/** 优秀 → 优, 良好 → 良, 合格/中等 → 中, 不合格/较差 → 差; anything else → null. */
export function normaliseGrade(text: string | null | undefined): Grade | null {
  if (!text) return null;
  if (/不合格/.test(text)) return '差';
  return GRADE_WORDS.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}
