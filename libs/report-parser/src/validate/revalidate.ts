import type { ReportDocument, ReportWarning } from '@hunan-perf/contracts';
import { coverageOf } from '../document/coverage.js';
import { validateReport } from './warnings.js';

/** Warnings that need the source tables to compute; after an edit they stay unless their field changed. */
const FROM_SOURCE = new Set(['AMBIGUOUS_VALUE', 'TOTAL_MISMATCH', 'WEIGHT_SUM_MISMATCH', 'SCORE_SUM_MISMATCH']);

/**
 * The one column of a table a table-wide warning is about: an edit of another column of a row
 * (an indicator's 实际完成值) leaves a 分值 sum as wrong as it was. Adding or removing a row counts.
 */
const ABOUT_COLUMN: Readonly<Record<string, string>> = { WEIGHT_SUM_MISMATCH: 'weight', SCORE_SUM_MISMATCH: 'score' };

function touches(edited: string, warning: ReportWarning): boolean {
  const path = warning.path;
  if (path === null) return false;
  if (edited === path || path.startsWith(`${edited}.`)) return true;
  if (!edited.startsWith(`${path}.`)) return false;
  const column = ABOUT_COLUMN[warning.code];
  const [, editedColumn] = edited.slice(path.length + 1).split('.');
  return column === undefined || editedColumn === undefined || editedColumn === column;
}

/** The 年度资金总额 / 预算执行率 row a budget table scores, as the extraction put it in the breakdown. */
function budgetRowOf(doc: ReportDocument) {
  const row = doc.scoreBreakdown.find((b) => !b.level2 && /年度资金总额|预算执行率/.test(b.level1 ?? ''));
  return row ? { weight: row.weight, score: row.score, line: 0 } : null;
}

/**
 * The warnings of a document after a person corrected it: every check that reads only the
 * document is run again; a warning that needed the source tables is kept unless one of the
 * edited fields is the one it is about (a reviewer who set the score settled its ambiguity).
 * Also refreshes `doc.coverage` in place (a correction can fill a gap).
 */
export function revalidateReport(doc: ReportDocument, editedPaths: string[]): ReportWarning[] {
  doc.coverage = coverageOf(doc);
  const fresh = validateReport(doc, { indicators: [], groups: [], explicitBreakdown: [], total: null, lines: new Set() }, budgetRowOf(doc));
  // The total against the indicator rows' scores is a document check: once rows carry scores it is
  // answered afresh (a corrected row can settle it), whatever the extraction said.
  const rowsScoreTheTotal = doc.score.total !== null && doc.indicators.some((r) => r.score !== null);
  const key = (w: ReportWarning) => `${w.code}|${w.path}|${w.message}`;
  const seen = new Set(fresh.map(key));
  const kept = doc.warnings.filter(
    (w) => FROM_SOURCE.has(w.code) && !(rowsScoreTheTotal && w.code === 'SCORE_SUM_MISMATCH' && w.path === 'score.total') && !editedPaths.some((p) => touches(p, w)) && !seen.has(key(w)) && (seen.add(key(w)), true),
  );
  // A source-only score-sum warning is superseded by the fresh one on the same path.
  const freshPaths = new Set(fresh.map((w) => `${w.code}|${w.path}`));
  return [...fresh, ...kept.filter((w) => !(w.code === 'SCORE_SUM_MISMATCH' && freshPaths.has(`${w.code}|${w.path}`)))];
}
