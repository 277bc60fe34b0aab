import iconv from 'iconv-lite';
import jschardet from 'jschardet';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedBytes {
  text: string;
  encoding: TextEncoding;
}

/** The text when the bytes are well-formed UTF-8 (checked strictly, no replacement characters), else null. */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Turns raw text bytes into a string: BOMs first, then strict UTF-8, then GBK/GB18030 (the usual
 * encoding of Chinese government exports), with jschardet consulted only when neither fits.
 */
export function decodeTextBytes(bytes: Uint8Array): DecodedBytes {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be' };
  }
  // Decoded once: well-formed input decodes to the same text with or without `fatal`.
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const guess = jschardet.detect(buffer.subarray(0, 64 * 1024));
  const name = (guess.encoding ?? '').toLowerCase();
  if (name.startsWith('utf-16')) {
    return { text: iconv.decode(buffer, name), encoding: name === 'utf-16be' ? 'utf-16be' : 'utf-16le' };
  }
  // GB18030 is a superset of GBK and GB2312; Big5 is not handled by the Chinese finance exports we see.
  return { text: iconv.decode(buffer, 'gb18030'), encoding: 'gb18030' };
}

/** Share of characters that are control characters or replacement marks: high means binary, not text. */
export function binaryRatio(text: string): number {
  if (text.length === 0) return 0;
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c)) bad++;
  }
  return bad / sample.length;
}
