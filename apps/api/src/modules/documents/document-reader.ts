import { createHash } from 'node:crypto';
import { type ReportDocument, type SourceFormat } from '@hunan-perf/contracts';
import { formatOf, ReportParseError, TemplateError } from '@hunan-perf/report-parser';
import { ExtractionLimitError, type ExtractionPool } from '../../extraction/extraction-pool.js';

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
 * Bytes → reports, through the extraction engine as `npm run extract` reads them, in a worker of the
 * extraction pool (never on the event loop): it recognises a filled province template (.xlsx/.csv) by
 * its content, and checks an .xlsx archive before unpacking. Throws DocumentReadError with a code and
 * a plain message naming the file (TEMPLATE_INVALID for a template whose rows cannot be taken over,
 * EXTRACTION_TIMEOUT / EXTRACTION_MEMORY for a file over its time or memory budget).
 */
export async function readDocument(pool: ExtractionPool, bytes: Buffer, fileName: string, maxBytes: number, sha256 = sha256Of(bytes)): Promise<ReadDocument> {
  try {
    const result = await pool.extract(bytes, fileName, { maxBytes });
    return { sha256, format: result.format, mediaType: MEDIA_TYPES[result.format] ?? 'application/octet-stream', text: result.text, reports: result.reports };
  } catch (error) {
    if (error instanceof TemplateError) throw new DocumentReadError(error.reason, error.message);
    if (error instanceof ReportParseError) throw new DocumentReadError(error.code, error.message);
    if (error instanceof ExtractionLimitError) throw new DocumentReadError(error.code, error.message);
    throw error;
  }
}

export function isSupportedName(fileName: string): boolean {
  return formatOf(fileName) !== null;
}
