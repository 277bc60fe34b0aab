import mammoth from 'mammoth';
import { ReportParseError } from '../errors.js';
import { htmlToLines } from './html-to-lines.js';

/** .docx → text lines; tables stay tables (one row a line, cells separated by tabs, merged cells expanded). */
export async function readDocx(bytes: Uint8Array, fileName: string): Promise<string> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    html = result.value;
  } catch (error) {
    throw new ReportParseError('CORRUPT_FILE', fileName, `无法作为 Word 文档读取（${shortReason(error)}）`);
  }
  return htmlToLines(html).join('\n');
}

export function shortReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.slice(0, 120);
}
