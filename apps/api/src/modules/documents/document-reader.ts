import { createHash } from 'node:crypto';
import { type ReportDocument, type SourceFormat } from '@hunan-perf/contracts';
import { checkZip, extractReports, formatOf, primaryReport, ReportParseError, resolveOptions } from '@hunan-perf/report-parser';
import { gridText, readTemplateGrid, TemplateError, templateRowsOf } from '../templates/report-template.js';

export interface ReadDocument {
  sha256: string;
  format: SourceFormat | 'csv';
  mediaType: string;
  /** Decoded text the provenance line numbers refer to. */
  text: string;
  /** The department report first. */
  reports: ReportDocument[];
}

export class DocumentReadError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const MEDIA_TYPES: Record<string, string> = {
  txt: 'text/plain; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
  csv: 'text/csv; charset=utf-8',
};

/**
 * Bytes → reports: the province template (.xlsx/.csv) when the file is one, otherwise the
 * extraction engine. Throws DocumentReadError with a code and a plain message naming the file.
 */
export const sha256Of = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

export async function readDocument(bytes: Buffer, fileName: string, maxBytes: number, sha256 = sha256Of(bytes)): Promise<ReadDocument> {
  try {
    if (bytes.length <= maxBytes) {
      // The template reader unpacks .xlsx itself: the engine's archive guard (size, ratio, damage) goes first.
      if (fileName.toLowerCase().endsWith('.xlsx')) checkZip(bytes, fileName, resolveOptions({ maxBytes }));
      const grid = await templateRowsOf(bytes, fileName);
      if (grid) {
        const format = fileName.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
        const source = { fileName: baseName(fileName), sha256, format: format === 'csv' ? 'txt' : 'xlsx' } as const;
        const doc = readTemplateGrid(grid, source);
        if (doc) return { sha256, format, mediaType: MEDIA_TYPES[format]!, text: gridText(grid), reports: [doc] };
      }
    }
    const result = await extractReports(bytes, fileName, { maxBytes });
    const primary = primaryReport(result);
    const reports = [primary, ...result.reports.filter((r) => r !== primary)];
    return { sha256, format: result.format, mediaType: MEDIA_TYPES[result.format] ?? 'application/octet-stream', text: result.text, reports };
  } catch (error) {
    if (error instanceof ReportParseError) throw new DocumentReadError(error.code, error.message);
    if (error instanceof TemplateError) throw new DocumentReadError('TEMPLATE_INVALID', error.message);
    throw error;
  }
}

export function isSupportedName(fileName: string): boolean {
  return formatOf(fileName) !== null || fileName.toLowerCase().endsWith('.csv');
}

function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName;
}
