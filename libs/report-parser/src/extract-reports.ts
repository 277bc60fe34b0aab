import { createHash } from 'node:crypto';
import type { ReportDocument, SourceFormat } from '@hunan-perf/contracts';
import { ReportParseError } from './errors.js';
import { resolveOptions, type ExtractOptions } from './options.js';
import { readInput } from './read/read-input.js';
import type { TextEncoding } from './decode/decode-text.js';
import { splitLines, type SourceLine } from './segment/lines.js';
import { findTables } from './segment/tables.js';
import { splitReports } from './document/split-reports.js';
import { buildReport } from './document/build-report.js';
import { coverageOf } from './document/coverage.js';
import { readTemplateGrid } from './template/read-template.js';

export interface ExtractionResult {
  /** Every report in the document: the department report first, then 项目支出 self-evaluations. */
  reports: ReportDocument[];
  /** The decoded text that provenance line numbers refer to (1-based lines of this string). */
  text: string;
  /** The same text split into lines; lines[0] is line 1. */
  lines: string[];
  format: SourceFormat;
  /** Detected text encoding for .txt/.md/.csv/.json; null for .docx/.pdf/.xlsx. */
  encoding: TextEncoding | null;
}

const REPORT_WORDS = /绩效|预算|支出|自评|评价|决算/;

/** Reads one file and returns every report it holds, with provenance and warnings. Throws ReportParseError. */
export async function extractReports(bytes: Uint8Array, fileName: string, options?: ExtractOptions): Promise<ExtractionResult> {
  const resolved = resolveOptions(options);
  const input = await readInput(bytes, fileName, resolved);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const lines = splitLines(input.text);
  const base = { text: input.text, lines: lines.map((l) => l.raw), format: input.format, encoding: input.encoding };
  const source = { fileName: baseName(fileName), sha256, format: input.format };
  // Coverage is derived from the fields: a supplied .json document's own value is not trusted.
  if (input.document) return { ...base, reports: [withCoverage(input.document)] };
  // A filled province template (.xlsx/.csv): its rows are the values, provenance is the row number.
  if (input.template) return { ...base, reports: [withCoverage(readTemplateGrid(input.template, source, fileName))] };
  if (!REPORT_WORDS.test(input.text)) {
    throw new ReportParseError('NOT_A_REPORT', fileName, '看起来不是绩效自评报告（没有找到预算、支出或评价相关的内容）');
  }
  const lineByNo = new Map<number, SourceLine>(lines.map((l) => [l.no, l]));
  const tables = findTables(lines);
  const reports = splitReports(lines).map((part) => withCoverage(buildReport(part.lines, tables, lineByNo, part.kind, source)));
  return { ...base, reports };
}

/** The report the CLI prints without --all: the department-overall one where there is one. */
export function primaryReport(result: ExtractionResult): ReportDocument {
  return result.reports.find((r) => r.reportKind === 'department_overall') ?? (result.reports[0] as ReportDocument);
}

function withCoverage(doc: ReportDocument): ReportDocument {
  doc.coverage = coverageOf(doc);
  return doc;
}

function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName;
}
