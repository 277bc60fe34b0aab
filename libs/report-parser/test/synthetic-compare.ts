import type { ReportDocument } from '@hunan-perf/contracts';
import type { SyntheticValues } from '../src/synthetic/generate.js';

/** Field-by-field comparison of an extracted document with the values the generator used. */
export function compareFields(doc: ReportDocument, expected: SyntheticValues): { field: string; ok: boolean; got: unknown; want: unknown }[] {
  const out: { field: string; ok: boolean; got: unknown; want: unknown }[] = [];
  const add = (field: string, got: unknown, want: unknown): void => {
    out.push({ field, ok: JSON.stringify(got) === JSON.stringify(want), got, want });
  };
  add('unit.name', doc.unit.name, expected.unit.name);
  add('unit.regionName', doc.unit.regionName, expected.unit.regionName);
  add('unit.level', doc.unit.level, expected.unit.level);
  add('fiscalYear', doc.fiscalYear, expected.fiscalYear);
  add('reportDate', doc.reportDate, expected.reportDate);
  add('score.total', doc.score.total, expected.score.total);
  add('score.grade', doc.score.grade, expected.score.grade);
  for (const line of ['total', 'basic', 'project'] as const) {
    for (const k of ['initial', 'adjusted', 'actual'] as const) add(`budget.${line}.${k}`, doc.budget[line][k], expected.budget[line][k]);
  }
  add('budget.total.executionRateStated', doc.budget.total.executionRateStated, expected.budget.total.executionRateStated);
  for (const k of Object.keys(expected.threePublic) as (keyof SyntheticValues['threePublic'])[]) add(`threePublic.${k}`, doc.threePublic[k], expected.threePublic[k]);
  add('staff.quota', doc.staff.quota, expected.staff.quota);
  add('staff.actual', doc.staff.actual, expected.staff.actual);
  add('indicators.length', doc.indicators.length, expected.indicators.length);
  expected.indicators.forEach((row, i) => {
    const got = doc.indicators[i];
    add(`indicators.${i}`, got ? [got.level1, got.level2, got.name, got.target, got.actual, got.weight, got.score] : null, [row.level1, row.level2, row.name, row.target, row.actual, row.weight, row.score]);
  });
  add('findings.problems', doc.findings.problems, expected.findings.problems);
  add('findings.measures', doc.findings.measures, expected.findings.measures);
  return out;
}
