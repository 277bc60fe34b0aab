import { createHash } from 'node:crypto';
import { type ReportDocument, type SourceFormat } from '@hunan-perf/contracts';
import { extractReports, formatOf, primaryReport, ReportParseError, TemplateError } from '@hunan-perf/report-parser';

export interface ReadDocument {
  sha256: string;
  format: SourceFormat;
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

export const sha256Of = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Bytes → reports, through the extraction engine as `npm run extract` reads them: it recognises a
 * filled province template (.xlsx/.csv) by its content, and checks an .xlsx archive before unpacking.
 * Throws DocumentReadError with a code and a plain message naming the file (TEMPLATE_INVALID for a
 * template whose rows cannot be taken over).
 */
export async function readDocument(bytes: Buffer, fileName: string, maxBytes: number, sha256 = sha256Of(bytes)): Promise<ReadDocument> {
  try {
    const result = await extractReports(bytes, fileName, { maxBytes });
    const primary = primaryReport(result);
    const reports = [primary, ...result.reports.filter((r) => r !== primary)];
    return { sha256, format: result.format, mediaType: MEDIA_TYPES[result.format] ?? 'application/octet-stream', text: result.text, reports };
  } catch (error) {
    if (error instanceof TemplateError) throw new DocumentReadError(error.reason, error.message);
    if (error instanceof ReportParseError) throw new DocumentReadError(error.code, error.message);
    throw error;
  }
}

export function isSupportedName(fileName: string): boolean {
  return formatOf(fileName) !== null;
}
