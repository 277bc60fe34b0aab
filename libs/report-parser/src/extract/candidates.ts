import { fieldLabel, placeLabel } from '../validate/labels.js';
import type { ProvenanceEntry, ReportWarning } from '@hunan-perf/contracts';
import { excerptOf, type SourceLine } from '../segment/lines.js';

/** How much a source is trusted: the formal table beats a sentence, a sentence beats an inference. */
export const STRENGTH = { formalTable: 3, table: 2, text: 2, weak: 1 } as const;

/** Fields a report states as its conclusion, where repetition decides between contradicting places. */
const STATED_ANSWERS = new Set(['score.total']);

export interface Candidate<T> {
  value: T;
  line: number;
  strength: number;
  /** Where it was read, for warning messages: "table", "text". */
  where: string;
  focus?: string;
}

/** Collects every value found for each field; resolves to one value with provenance and honest warnings. */
export class Candidates {
  private readonly byPath = new Map<string, Candidate<unknown>[]>();

  constructor(private readonly lineByNo: Map<number, SourceLine>) {}

  add<T>(path: string, candidate: Candidate<T>): void {
    if (candidate.value === null || candidate.value === undefined) return;
    if (typeof candidate.value === 'number' && !Number.isFinite(candidate.value)) return;
    const list = this.byPath.get(path) ?? [];
    list.push(candidate);
    this.byPath.set(path, list);
  }

  all<T>(path: string): Candidate<T>[] {
    return (this.byPath.get(path) as Candidate<T>[] | undefined) ?? [];
  }

  has(path: string): boolean {
    return (this.byPath.get(path)?.length ?? 0) > 0;
  }

  /**
   * The chosen candidate: strongest, then earliest line. For a field the report states as its
   * answer (the total score), the value stated in the most places wins first: 湘西 writes 综合得分
   * 98.36 in its text and its 一级 table, 99 only in one annex total row.
   */
  best<T>(path: string): Candidate<T> | null {
    const list = this.byPath.get(path) as Candidate<T>[] | undefined;
    if (!list?.length) return null;
    const support = new Map<string, Set<number>>();
    if (STATED_ANSWERS.has(path)) {
      for (const c of list) {
        if (c.strength < STRENGTH.text) continue;
        const key = String(c.value);
        support.set(key, (support.get(key) ?? new Set()).add(c.line));
      }
    }
    const votes = (c: Candidate<T>): number => support.get(String(c.value))?.size ?? 0;
    return [...list].sort((a, b) => votes(b) - votes(a) || b.strength - a.strength || a.line - b.line)[0] ?? null;
  }

  resolve<T>(path: string, provenance: Record<string, ProvenanceEntry>, warnings: ReportWarning[]): T | null {
    const chosen = this.best<T>(path);
    if (!chosen) return null;
    provenance[path] = this.provenanceOf(chosen);
    if (chosen.strength >= STRENGTH.text) {
      const others = (this.byPath.get(path) as Candidate<T>[]).filter(
        (c) => c.strength >= STRENGTH.text && c.value !== chosen.value,
      );
      const seen = new Set<string>();
      for (const other of others) {
        const key = String(other.value);
        if (seen.has(key)) continue;
        seen.add(key);
        warnings.push({
          // Two places stating different budget totals is the contract's TOTAL_MISMATCH.
          code: /^budget\.total\.(initial|adjusted|actual)$/.test(path) ? 'TOTAL_MISMATCH' : 'AMBIGUOUS_VALUE',
          path,
          message: `${fieldLabel(path)}：${placeLabel(chosen.where)}（第 ${chosen.line} 行）为 ${String(chosen.value)}，${placeLabel(other.where)}（第 ${other.line} 行）为 ${String(other.value)}；采用${placeLabel(chosen.where)}中的 ${String(chosen.value)}`,
        });
      }
    }
    return chosen.value;
  }

  provenanceOf(candidate: { line: number; focus?: string }): ProvenanceEntry {
    const line = this.lineByNo.get(candidate.line);
    return { line: candidate.line, excerpt: line ? excerptOf(line, candidate.focus) : '' };
  }
}
