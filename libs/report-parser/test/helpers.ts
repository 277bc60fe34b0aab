import { readFileSync } from 'node:fs';
import { validateReportDocument, type ReportDocument } from '@hunan-perf/contracts';
import { extractReports, type ExtractionResult } from '../src/index.js';

export const SEEDS = {
  liuyang: '000_6072ead37e57a340.txt',
  wangcheng: '001_13f3b2409252ae92.txt',
  xiangtan: '002_fc1344094c475667.txt',
  yiyang: '003_6aed364f55934feb.txt',
  xiangxi: '004_21ef602a5fea2b67.txt',
} as const;

export function seedBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../../data/reports/${file}`, import.meta.url)));
}

export async function extractSeed(file: string): Promise<ExtractionResult> {
  return extractReports(seedBytes(file), file);
}

export function department(result: ExtractionResult): ReportDocument {
  const doc = result.reports.find((r) => r.reportKind === 'department_overall');
  if (!doc) throw new Error('no department report');
  return doc;
}

export function expectValid(doc: ReportDocument): void {
  const v = validateReportDocument(JSON.parse(JSON.stringify(doc)));
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
}

export const codes = (doc: ReportDocument): string[] => doc.warnings.map((w) => w.code);
