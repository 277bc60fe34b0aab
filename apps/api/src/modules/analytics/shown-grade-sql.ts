import { GRADE_BANDS } from '@hunan-perf/metrics';

/**
 * The SQL mirror of shownGrade() (libs/metrics/src/grade.ts), built from GRADE_BANDS: the written
 * grade, else the band of the score; null with neither. `derived` is true for a grade from the score.
 */
export function shownGradeSql(grade: string, score: string): { grade: string; derived: string } {
  const bands = GRADE_BANDS.map((b) => (Number.isFinite(b.min) ? `WHEN ${score} >= ${b.min} THEN '${b.grade}'` : `WHEN ${score} IS NOT NULL THEN '${b.grade}'`));
  return {
    grade: `COALESCE(${grade}, CASE ${bands.join(' ')} END)`,
    derived: `(${grade} IS NULL AND ${score} IS NOT NULL)`,
  };
}
