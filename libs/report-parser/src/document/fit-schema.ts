import type { ReportDocument } from '@hunan-perf/contracts';

/**
 * The contract's bounds (amounts within ±1 亿万元, points 0–1000, score 0–100, string lengths, list
 * sizes). A value outside them is a misreading, not a fact: it becomes null and loses its provenance.
 */
const MAX_AMOUNT = 100_000_000;

function cut(text: string | null, max: number): string | null {
  if (text === null || text.length <= max) return text;
  return `${text.slice(0, max - 1)}…`;
}

export function fitSchema(doc: ReportDocument): ReportDocument {
  const drop = (path: string): null => {
    delete doc.provenance[path];
    return null;
  };
  const num = (path: string, value: number | null, min: number, max: number, integer = false): number | null =>
    value === null || (value >= min && value <= max && (!integer || Number.isInteger(value))) ? value : drop(path);

  doc.unit.name = cut(doc.unit.name, 200);
  doc.unit.regionName = cut(doc.unit.regionName, 100);
  doc.fiscalYear = num('fiscalYear', doc.fiscalYear, 2000, 2100, true);
  doc.score.total = num('score.total', doc.score.total, 0, 100);
  doc.score.gradeText = cut(doc.score.gradeText, 20);
  for (const line of ['total', 'basic', 'project'] as const) {
    for (const k of ['initial', 'adjusted', 'actual'] as const) {
      doc.budget[line][k] = num(`budget.${line}.${k}`, doc.budget[line][k], -MAX_AMOUNT, MAX_AMOUNT);
    }
  }
  for (const k of ['carryover', 'adjustmentStated'] as const) {
    doc.budget.total[k] = num(`budget.total.${k}`, doc.budget.total[k] ?? null, -MAX_AMOUNT, MAX_AMOUNT);
  }
  doc.budget.total.executionRateStated = num('budget.total.executionRateStated', doc.budget.total.executionRateStated, -100_000, 100_000);
  for (const k of Object.keys(doc.threePublic) as (keyof ReportDocument['threePublic'])[]) {
    doc.threePublic[k] = num(`threePublic.${k}`, doc.threePublic[k], -MAX_AMOUNT, MAX_AMOUNT);
  }
  doc.staff.quota = num('staff.quota', doc.staff.quota, 0, 1_000_000, true);
  doc.staff.actual = num('staff.actual', doc.staff.actual, 0, 1_000_000, true);
  doc.indicators = doc.indicators.slice(0, 2000);
  doc.indicators.forEach((r, i) => {
    r.level1 = cut(r.level1, 200);
    r.level2 = cut(r.level2, 200);
    r.name = cut(r.name, 500);
    r.target = cut(r.target, 500);
    r.actual = cut(r.actual, 500);
    r.note = cut(r.note, 2000);
    r.weight = num(`indicators.${i}.weight`, r.weight, 0, 1000);
    r.score = num(`indicators.${i}.score`, r.score, 0, 1000);
  });
  doc.scoreBreakdown = doc.scoreBreakdown.slice(0, 500);
  doc.scoreBreakdown.forEach((b, i) => {
    b.level1 = cut(b.level1, 200);
    b.level2 = cut(b.level2, 200);
    b.weight = num(`scoreBreakdown.${i}.weight`, b.weight, 0, 1000);
    b.score = num(`scoreBreakdown.${i}.score`, b.score, 0, 1000);
  });
  doc.findings.problems = doc.findings.problems.slice(0, 500).map((p) => cut(p, 5000) as string);
  doc.findings.measures = doc.findings.measures.slice(0, 500).map((p) => cut(p, 5000) as string);
  doc.warnings = doc.warnings.slice(0, 1000).map((w) => ({ ...w, message: cut(w.message, 2000) as string }));
  // Provenance of what was cut goes with it (findings.problems.600 must not outlive the 500th problem).
  const kept: Record<string, number> = {
    indicators: doc.indicators.length,
    scoreBreakdown: doc.scoreBreakdown.length,
    'findings.problems': doc.findings.problems.length,
    'findings.measures': doc.findings.measures.length,
  };
  const overflow = doc.indicators.length >= 2000 || doc.scoreBreakdown.length >= 500 || doc.findings.problems.length >= 500 || doc.findings.measures.length >= 500;
  for (const key of overflow ? Object.keys(doc.provenance) : []) {
    const m = /^(indicators|scoreBreakdown|findings\.problems|findings\.measures)\.(\d+)/.exec(key);
    if (m && Number(m[2]) >= kept[m[1]!]!) delete doc.provenance[key];
  }
  const keys = Object.keys(doc.provenance);
  if (keys.length > 10_000) doc.provenance = Object.fromEntries(keys.slice(0, 10_000).map((k) => [k, doc.provenance[k]!]));
  return doc;
}
