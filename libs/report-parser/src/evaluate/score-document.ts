import type { ReportDocument } from '@hunan-perf/contracts';
import { compact } from '../segment/cells.js';
import { INDICATOR_FIELDS, TRUTH_FIELDS, matches, type TruthRecord } from './truth.js';

export interface FieldCheck {
  field: string;
  right: boolean;
  expected: unknown;
  found: unknown;
}

export interface DocumentScore {
  file: string;
  checks: FieldCheck[];
  /** Indicator names the engine printed that appear nowhere in the source text (whitespace ignored). */
  invented: string[];
  /** Indicator rows found beyond the truth's (truncated excerpts list only the rows they show). */
  extraRows: number;
}


/**
 * Compares one extracted document with its truth: every scalar key (null must come out null), and
 * per truth indicator its name (found by name, whitespace ignored) and target, actual, weight, score.
 */
export function scoreDocument(truth: TruthRecord, doc: ReportDocument, sourceText: string): DocumentScore {
  const checks: FieldCheck[] = [];
  for (const f of TRUTH_FIELDS) {
    if (!(f.key in truth)) continue;
    let expected = truth[f.key];
    // problems_count null means "not stated": the engine must find no problem.
    if (f.key === 'problems_count' && (expected === null || expected === undefined)) expected = 0;
    const found = f.read(doc);
    checks.push({ field: f.key, right: matches(f.kind, expected, found), expected, found });
  }
  const rows = doc.indicators.map((r) => ({ row: r, key: compact(r.name ?? '') }));
  const used = new Set<number>();
  for (const t of truth.indicators ?? []) {
    const idx = rows.findIndex((r, i) => !used.has(i) && r.key === compact(t.name));
    if (idx >= 0) used.add(idx);
    const row = idx >= 0 ? rows[idx]!.row : null;
    checks.push({ field: `indicator[${t.name}].name`, right: row !== null, expected: t.name, found: row?.name ?? null });
    for (const key of INDICATOR_FIELDS) {
      const kind = key === 'weight' || key === 'score' ? 'number' : 'text';
      const found = row ? row[key] : undefined;
      checks.push({ field: `indicator[${t.name}].${key}`, right: row !== null && matches(kind, t[key], found), expected: t[key], found: found ?? null });
    }
  }
  const source = compact(sourceText);
  const invented = doc.indicators.map((r) => r.name ?? '').filter((n) => n && !source.includes(compact(n)));
  return { file: truth.file, checks, invented, extraRows: doc.indicators.length - used.size };
}
