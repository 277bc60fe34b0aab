import { emptyReportDocument, type ReportDocument, type ReportKind, type SourceInfo } from '@hunan-perf/contracts';
import type { SourceLine } from '../segment/lines.js';
import type { Table } from '../segment/tables.js';
import { headingOf } from '../segment/sections.js';
import { createContext } from '../extract/context.js';
import { extractIdentity } from '../extract/identity.js';
import { extractBudget } from '../extract/budget.js';
import { extractThreePublic } from '../extract/three-public.js';
import { extractStaff } from '../extract/staff.js';
import { readLabelledFields } from '../extract/label-values.js';
import { fullFormOf } from '../extract/title.js';
import { proseBreakdownWarnings } from '../extract/prose-breakdown.js';
import { extractIndicators } from '../extract/indicators.js';
import { categoryOf, normaliseGrade } from '@hunan-perf/metrics';
import { extractScore } from '../extract/score.js';
import { extractFindings } from '../extract/findings.js';
import { levelOf, regionChain } from '../extract/region.js';
import { validateReport } from '../validate/warnings.js';
import { round2 } from '../numbers/parse-number.js';
import { fitSchema } from './fit-schema.js';

function restrictTables(tables: Table[], lineNos: Set<number>): Table[] {
  const out: Table[] = [];
  for (const t of tables) {
    const rows = t.rows.filter((r) => lineNos.has(r.line));
    if (rows.length) out.push({ ...t, rows });
  }
  return out;
}

/** One ReportDocument from the lines of one report. */
export function buildReport(lines: SourceLine[], allTables: Table[], lineByNo: Map<number, SourceLine>, kind: ReportKind, source: SourceInfo): ReportDocument {
  const lineNos = new Set(lines.map((l) => l.no));
  const headings = lines.map(headingOf).filter((h) => h !== null);
  const ctx = createContext(lines, restrictTables(allTables, lineNos), headings, lineByNo);
  const doc = emptyReportDocument(source);
  doc.reportKind = kind;
  const { candidates } = ctx;
  const warnings = doc.warnings;
  const prov = doc.provenance;

  extractIdentity(ctx, kind);
  readLabelledFields(ctx);
  const budgetRow = extractBudget(ctx);
  extractThreePublic(ctx);
  extractStaff(ctx);
  const found = extractIndicators(ctx);
  extractScore(ctx, found.lines);
  const findings = kind === 'department_overall' ? extractFindings(ctx) : { problems: [], measures: [] };

  // Unit: the fullest name that carries its region.
  const names = candidates.all<string>('unit.name');
  const regional = new Map(names.map((n) => [n, regionChain(n.value).length > 0]));
  const bestName = [...names].sort(
    (a, b) => Number(regional.get(b)) - Number(regional.get(a)) || b.value.length - a.value.length || a.line - b.line,
  )[0];
  if (bestName) {
    const full = fullFormOf(bestName.value, ctx.cells);
    if (full) bestName.value = full;
    doc.unit.name = bestName.value;
    prov['unit.name'] = candidates.provenanceOf(bestName);
    const chain = regionChain(bestName.value);
    const region = chain[chain.length - 1] ?? null;
    if (region) {
      doc.unit.regionName = region;
      doc.unit.level = levelOf(region);
      prov['unit.regionName'] = candidates.provenanceOf(bestName);
      if (doc.unit.level) prov['unit.level'] = candidates.provenanceOf(bestName);
    }
  }
  doc.fiscalYear = candidates.resolve<number>('fiscalYear', prov, warnings);
  doc.reportDate = candidates.resolve<string>('reportDate', prov, warnings);
  doc.score.total = candidates.resolve<number>('score.total', prov, warnings);
  doc.score.gradeText = candidates.resolve<string>('score.gradeText', prov, warnings);
  doc.score.grade = doc.score.gradeText ? normaliseGrade(doc.score.gradeText) : null;
  if (doc.score.grade && prov['score.gradeText']) prov['score.grade'] = prov['score.gradeText'];

  for (const line of ['total', 'basic', 'project'] as const) {
    for (const field of ['initial', 'adjusted', 'actual'] as const) {
      doc.budget[line][field] = candidates.resolve<number>(`budget.${line}.${field}`, prov, warnings);
    }
  }
  doc.budget.total.executionRateStated = candidates.resolve<number>('budget.total.executionRateStated', prov, warnings);
  doc.budget.total.carryover = candidates.resolve<number>('budget.total.carryover', prov, warnings);
  doc.budget.total.adjustmentStated = candidates.resolve<number>('budget.total.adjustmentStated', prov, warnings);
  for (const field of ['budget', 'actual', 'priorYearActual', 'reception', 'vehiclePurchase', 'vehicleOperation', 'overseas'] as const) {
    doc.threePublic[field] = candidates.resolve<number>(`threePublic.${field}`, prov, warnings);
  }
  doc.staff.quota = candidates.resolve<number>('staff.quota', prov, warnings);
  doc.staff.actual = candidates.resolve<number>('staff.actual', prov, warnings);

  found.indicators.forEach((f, i) => {
    doc.indicators.push({ ...f.row, category: categoryOf(f.row.level1, f.row.level2) });
    for (const key of ['level1', 'level2', 'name', 'target', 'actual', 'weight', 'score', 'note'] as const) {
      if (f.row[key] === null) continue;
      const cell = f.cells[key];
      prov[`indicators.${i}.${key}`] = candidates.provenanceOf({ line: cell?.line ?? f.line, focus: cell?.text });
    }
    // The category is derived from the written level name: it points where that name is.
    const from = prov[`indicators.${i}.level1`] ?? prov[`indicators.${i}.level2`];
    if (doc.indicators[i]!.category && from) prov[`indicators.${i}.category`] = from;
  });

  if (found.explicitBreakdown.length) {
    for (const b of found.explicitBreakdown) doc.scoreBreakdown.push(b.row);
    found.explicitBreakdown.forEach((b, i) => addBreakdownProvenance(prov, i, b.row, b.line, candidates));
  } else {
    if (budgetRow && (budgetRow.weight !== null || budgetRow.score !== null)) {
      doc.scoreBreakdown.push({ level1: '年度资金总额', level2: null, weight: budgetRow.weight, score: budgetRow.score });
      addBreakdownProvenance(prov, 0, doc.scoreBreakdown[0]!, budgetRow.line, candidates);
    }
    for (const g of found.groups) {
      if (g.weight === null) continue;
      const scores = g.rows.map((r) => r.row.score).filter((s): s is number => s !== null);
      const row = { level1: g.level1 || null, level2: g.level2, weight: g.weight, score: scores.length ? round2(scores.reduce((a, b) => a + b, 0)) : null };
      doc.scoreBreakdown.push(row);
      addBreakdownProvenance(prov, doc.scoreBreakdown.length - 1, row, g.line, candidates);
    }
  }

  findings.problems.forEach((p, i) => {
    doc.findings.problems.push(p.text);
    prov[`findings.problems.${i}`] = candidates.provenanceOf({ line: p.line, focus: p.text });
  });
  findings.measures.forEach((m, i) => {
    doc.findings.measures.push(m.text);
    prov[`findings.measures.${i}`] = candidates.provenanceOf({ line: m.line, focus: m.text });
  });

  // Keys in code-unit order (the default sort's, without a comparator call per pair).
  const sorted: ReportDocument['provenance'] = {};
  for (const key of Object.keys(prov).sort()) sorted[key] = prov[key]!;
  doc.provenance = sorted;
  fitSchema(doc);
  doc.warnings.push(...validateReport(doc, found, budgetRow), ...proseBreakdownWarnings(doc, lines));
  return fitSchema(doc);
}

function addBreakdownProvenance(
  prov: ReportDocument['provenance'],
  i: number,
  row: { level1: string | null; level2: string | null; weight: number | null; score: number | null },
  line: number,
  candidates: { provenanceOf(c: { line: number; focus?: string }): { line: number; excerpt: string } },
): void {
  for (const key of ['level1', 'level2', 'weight', 'score'] as const) {
    if (row[key] !== null) prov[`scoreBreakdown.${i}.${key}`] = candidates.provenanceOf({ line });
  }
}
