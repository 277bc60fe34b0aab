import { inflateSync, constants } from 'node:zlib';
import { ReportParseError } from '../errors.js';

const MB = 1024 * 1024;
const STREAM = /\bstream(?:\r\n|\n|\r)/g;

/** Leading FlateDecode filters of a stream dictionary (the ones we can undo here), or 0. */
function flateLayers(dict: string): number {
  const filter = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dict)?.[1];
  if (!filter) return 0;
  const names = filter.match(/\/[A-Za-z0-9]+/g) ?? [];
  let layers = 0;
  for (const name of names) {
    if (name !== '/FlateDecode' && name !== '/Fl') break;
    layers++;
  }
  return layers;
}

/** Data through `layers` Flate filters, or null once it passes `budget` bytes. */
function inflated(data: Buffer, layers: number, budget: number): Buffer | null {
  let current = data;
  for (let i = 0; i < layers; i++) {
    try {
      current = inflateSync(current, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: Math.max(1, budget + 1) });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return null;
      // A damaged stream: what it holds is for pdf.js to judge.
      return i === 0 ? Buffer.alloc(0) : current;
    }
  }
  return current.length > budget ? null : current;
}

/** Streams that are not page content (fonts, cross-reference and object streams, metadata). */
const NOT_CONTENT = /\/Length[123]\b|\/Subtype\s*\/(?:Type1C|CIDFontType0C|OpenType|XML)\b|\/Type\s*\/(?:XRef|ObjStm|Metadata|EmbeddedFile)\b/;
/** Text-showing operators: Tj, TJ, ' and " after their operand. */
const TEXT_OPERATOR = /[\s)\]>](?:T[jJ]|'|")(?=[\s/[(<]|$)/g;

export interface PdfStreamLimits {
  maxPdfDecompressedBytes: number;
  maxPdfTextOperators: number;
}

/**
 * Before pdf.js reads anything: the streams of the file (content streams, fonts, object streams;
 * images aside, the text layer never decodes them) are inflated here one after another, counting
 * their bytes and the text-showing operators of the content streams; the file is refused as soon as
 * either passes its limit, so a small PDF that inflates to gigabytes, or holds millions of text
 * operators, never gets to pdf.js.
 */
export function checkPdfStreams(bytes: Uint8Array, fileName: string, limits: PdfStreamLimits): void {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buffer.toString('latin1');
  let total = 0;
  let operators = 0;
  for (const match of text.matchAll(STREAM)) {
    const start = match.index + match[0].length;
    const objStart = text.lastIndexOf(' obj', match.index);
    const dict = text.slice(Math.max(objStart, match.index - 4096, 0), match.index);
    if (/\/Subtype\s*\/Image\b/.test(dict)) continue;
    const hasFilter = /\/Filter\b/.test(dict);
    const layers = flateLayers(dict);
    if (hasFilter && layers === 0) continue;
    const declared = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict)?.[1];
    let end = declared !== undefined ? start + Number(declared) : -1;
    if (end < start || end > buffer.length) end = text.indexOf('endstream', start);
    if (end < 0) end = buffer.length;
    const raw = buffer.subarray(start, end);
    const data = layers === 0 ? raw : inflated(raw, layers, limits.maxPdfDecompressedBytes - total);
    if (layers > 0) total = data === null ? Infinity : total + data.length;
    if (total > limits.maxPdfDecompressedBytes) {
      throw new ReportParseError(
        'TOO_LARGE', fileName,
        `解压后的内容超过 ${Math.round(limits.maxPdfDecompressedBytes / MB)} MB 的上限（PDF 解压字节上限 maxPdfDecompressedBytes），可能是压缩炸弹，未读取`,
      );
    }
    if (data && !NOT_CONTENT.test(dict)) {
      for (const _ of data.toString('latin1').matchAll(TEXT_OPERATOR)) {
        if (++operators > limits.maxPdfTextOperators) {
          throw new ReportParseError(
            'TOO_LARGE', fileName,
            `文字绘制指令超过 ${limits.maxPdfTextOperators.toLocaleString('en-US')} 条的上限（PDF 文字指令上限 maxPdfTextOperators），未读取`,
          );
        }
      }
    }
  }
}
