import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { extractReports, primaryReport } from '../extract-reports.js';
import { normalizeForMatching } from '../decode/normalize.js';
import { scoreDocument, type DocumentScore } from './score-document.js';
import type { TruthRecord } from './truth.js';

/** One file of the folder: its score, or why it could not be extracted. */
export type FileOutcome = { file: string; score: DocumentScore } | { file: string; error: string };

export interface FieldTally {
  right: number;
  checked: number;
}

export interface FolderEvaluation {
  /** One per file that was extracted, in truth.json order. */
  scores: DocumentScore[];
  /** One per truth record, in truth.json order (crashes included). */
  files: FileOutcome[];
  /** Per field; indicator checks are grouped as indicator.name, indicator.target, … */
  byField: Map<string, FieldTally>;
  right: number;
  checked: number;
  /** Files whose extraction threw. */
  crashed: number;
  /** Indicator names printed that appear nowhere in their source text, over all files. */
  invented: number;
}

/** Thrown when <folder>/truth.json cannot be read or is not an array of records. */
export class TruthFileError extends Error {
  constructor(readonly path: string, message: string) {
    super(`${path}: ${message}`);
    this.name = 'TruthFileError';
  }
}

export async function readTruth(folder: string): Promise<TruthRecord[]> {
  const path = join(folder, 'truth.json');
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    if (!Array.isArray(parsed)) throw new Error('truth.json is not an array of records');
    return parsed as TruthRecord[];
  } catch (error) {
    throw new TruthFileError(path, error instanceof Error ? error.message : String(error));
  }
}

/** The field a check is tallied under: indicator[<name>].score → indicator.score. */
export const fieldGroup = (field: string): string =>
  field.startsWith('indicator[') ? `indicator.${field.slice(field.lastIndexOf('.') + 1)}` : field;

/**
 * Extracts every file named in <folder>/truth.json (paths relative to the folder) and scores its
 * primary report against the record. A file that throws counts as crashed and adds no checks.
 * Throws TruthFileError when truth.json is missing or malformed.
 */
export async function evaluateFolder(folder: string): Promise<FolderEvaluation> {
  const truth = await readTruth(folder);
  const scores: DocumentScore[] = [];
  const files: FileOutcome[] = [];
  let crashed = 0;
  for (const record of truth) {
    const path = join(folder, record.file);
    try {
      const bytes = new Uint8Array(await readFile(path));
      const result = await extractReports(bytes, path);
      const doc = primaryReport(result);
      const score = scoreDocument(record, doc, normalizeForMatching(result.text) + result.text);
      scores.push(score);
      files.push({ file: record.file, score });
    } catch (error) {
      crashed++;
      files.push({ file: record.file, error: error instanceof Error ? error.message.split('\n')[0]! : String(error) });
    }
  }
  const byField = new Map<string, FieldTally>();
  for (const s of scores) {
    for (const c of s.checks) {
      const field = fieldGroup(c.field);
      const e = byField.get(field) ?? { right: 0, checked: 0 };
      e.checked++;
      if (c.right) e.right++;
      byField.set(field, e);
    }
  }
  const right = [...byField.values()].reduce((a, e) => a + e.right, 0);
  const checked = [...byField.values()].reduce((a, e) => a + e.checked, 0);
  const invented = scores.reduce((a, s) => a + s.invented.length, 0);
  return { scores, files, byField, right, checked, crashed, invented };
}
