import type { ReportDocument, SourceFormat } from '@hunan-perf/contracts';
import { validateReportDocument } from '@hunan-perf/contracts';
import { ReportParseError } from '../errors.js';
import type { ResolvedOptions } from '../options.js';
import { binaryRatio, decodeTextBytes, type TextEncoding } from '../decode/decode-text.js';
import { checkZip } from './zip-guard.js';
import { readDocx } from './read-docx.js';
import { readPdf } from './read-pdf.js';
import { readXlsx } from './read-xlsx.js';

export interface ReadInput {
  format: SourceFormat;
  text: string;
  encoding: TextEncoding | null;
  /** Set for .json input: the validated document itself. */
  document?: ReportDocument;
}

const FORMATS: Record<string, SourceFormat> = { txt: 'txt', md: 'txt', text: 'txt', docx: 'docx', pdf: 'pdf', xlsx: 'xlsx', json: 'json' };

export function formatOf(fileName: string): SourceFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return FORMATS[ext] ?? null;
}

/** Bytes → text (or a validated ReportDocument for .json), with the size, format and integrity checks. */
export async function readInput(bytes: Uint8Array, fileName: string, options: ResolvedOptions): Promise<ReadInput> {
  const format = formatOf(fileName);
  if (!format) {
    const ext = /\.([^.\\/]+)$/.exec(fileName)?.[1];
    throw new ReportParseError('UNSUPPORTED_FORMAT', fileName, `has an unsupported type${ext ? ` (.${ext})` : ''}; accepted: .txt, .md, .docx, .pdf, .xlsx, .json`);
  }
  if (bytes.length > options.maxBytes) {
    throw new ReportParseError('TOO_LARGE', fileName, `is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, over the ${(options.maxBytes / 1024 / 1024).toFixed(0)} MB limit`);
  }
  if (bytes.length === 0) throw new ReportParseError('EMPTY_FILE', fileName, 'is empty (0 bytes)');
  if (format === 'docx' || format === 'xlsx') {
    checkZip(bytes, fileName, options);
    const text = format === 'docx' ? await readDocx(bytes, fileName) : await readXlsx(bytes, fileName);
    return { format, text, encoding: null };
  }
  if (format === 'pdf') {
    if (!/^%PDF-/.test(Buffer.from(bytes.subarray(0, 1024)).toString('latin1').trimStart())) {
      throw new ReportParseError('CORRUPT_FILE', fileName, 'is not a PDF (the %PDF header is missing)');
    }
    if (!Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1').includes('%%EOF')) {
      throw new ReportParseError('CORRUPT_FILE', fileName, 'is a truncated PDF (the end-of-file marker is missing)');
    }
    const text = await readPdf(bytes, fileName);
    if (!text.trim()) throw new ReportParseError('EMPTY_FILE', fileName, 'has no text layer (a scanned image?); run OCR on it first');
    return { format, text, encoding: null };
  }
  const { text, encoding } = decodeTextBytes(bytes);
  if (!text.trim()) throw new ReportParseError('EMPTY_FILE', fileName, 'holds no text');
  if (binaryRatio(text) > 0.05) throw new ReportParseError('BINARY_CONTENT', fileName, 'is binary data, not text');
  if (format === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new ReportParseError('INVALID_JSON', fileName, `is not valid JSON (${error instanceof Error ? error.message.split('\n')[0] : 'parse error'})`);
    }
    const result = validateReportDocument(value);
    if (!result.ok) {
      const issues = result.issues.slice(0, 5).map((i) => `${i.path} ${i.message}`).join('; ');
      throw new ReportParseError('INVALID_JSON', fileName, `is not a valid ReportDocument v1: ${issues}${result.issues.length > 5 ? ` (and ${result.issues.length - 5} more)` : ''}`);
    }
    return { format, text, encoding, document: result.document };
  }
  return { format, text, encoding };
}
