import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Request, Response } from 'express';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** An analytics answer as it is kept: the JSON, its gzip and brotli bytes and a strong ETag, made once. */
export interface EncodedAnswer {
  json: Buffer;
  gzip: Buffer;
  br: Buffer;
  etag: string;
}

/** From this size both codings run at their fastest level (see encodeAnswer). */
const FAST_FROM = 1024 * 1024;

/** Below this the answer travels as it is (as the compression middleware's threshold). */
const COMPRESS_FROM = 2048;

/** What sendAnswer needs of an answer: the JSON, its tag, and the coding it sends (an answer being encoded may lack the other). */
export type SendableAnswer = Pick<EncodedAnswer, 'json' | 'etag'> & Partial<Pick<EncodedAnswer, 'gzip' | 'br'>>;

/**
 * Compresses off the event loop (zlib runs in libuv's pool). Brotli at quality 5 and gzip at 6:
 * close to their best ratio on JSON at a fraction of the slowest levels' time. From 1 MB the
 * fastest levels: on a province overview's 1.9 MB of JSON brotli 1 and gzip 1 took 16 and 32 ms
 * for 524 and 554 KB, where brotli 4 and gzip 6 took 108 and 178 ms for 456 and 501 KB (measured
 * on the shared bench machine) — the computation a confirmation's next request waits for.
 *
 * `first` is the coding the client waiting for this answer takes: `sendable` holds it as soon as
 * it is made, and only then does the other coding start (`whole`, every coding, is what is kept),
 * so the request waits for one compression, not for the slower of two competing for the cores.
 */
export function encodeAnswer(text: string, first: Coding = 'br'): { sendable: Promise<SendableAnswer>; whole: Promise<EncodedAnswer> } {
  const json = Buffer.from(text, 'utf8');
  const etag = strongEtag(json);
  if (json.length < COMPRESS_FROM) {
    const whole = Promise.resolve({ json, gzip: json, br: json, etag });
    return { sendable: whole, whole };
  }
  const fast = json.length >= FAST_FROM;
  // Output in 256 KB pieces for a large answer, not zlib's 16 KB: a 1.9 MB overview's ~550 KB came
  // back in ~70 callbacks and copies on the event loop (4 ms of CPU per encoding, measured).
  const chunkSize = fast ? 256 * 1024 : undefined;
  const make = {
    gzip: () => gzipAsync(json, { level: fast ? 1 : 6, chunkSize }),
    br: () => brotliAsync(json, { chunkSize, params: { [constants.BROTLI_PARAM_QUALITY]: fast ? 1 : 5, [constants.BROTLI_PARAM_SIZE_HINT]: json.length } }),
  };
  if (first === 'identity') {
    const whole = Promise.all([make.gzip(), make.br()]).then(([gz, br]) => ({ json, gzip: gz, br, etag }));
    return { sendable: Promise.resolve({ json, etag }), whole };
  }
  const made = make[first]();
  const other = made.then(() => make[first === 'br' ? 'gzip' : 'br']());
  const whole = Promise.all([made, other]).then(([a, b]) => ({ json, etag, ...(first === 'br' ? { br: a, gzip: b } : { gzip: a, br: b }) }));
  return { sendable: made.then((bytes) => ({ json, etag, [first]: bytes })), whole };
}

/** Bytes an answer holds in memory. */
export const answerBytes = (a: EncodedAnswer): number => a.json.length + (a.gzip === a.json ? 0 : a.gzip.length) + (a.br === a.json ? 0 : a.br.length);

/** A strong ETag for bytes: their sha256, base64url, in quotes. */
export const strongEtag = (bytes: Buffer): string => `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;

/** True when the request's If-None-Match holds `etag` (weak or strong, one of a list). */
export function holdsTag(req: Request, etag: string): boolean {
  return req.headers['if-none-match']?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag) ?? false;
}

export type Coding = 'br' | 'gzip' | 'identity';

/** The coding to send for an Accept-Encoding header: br, then gzip, then none (q=0 refuses one). */
export function chooseCoding(header: string | undefined): Coding {
  const accepted = new Set<string>();
  for (const part of (header ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name.trim());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return 'identity';
}

/**
 * Sends a kept answer without serialising or compressing it again: 304 when the client holds it
 * (If-None-Match), else the bytes of the coding it accepts. Private data: browsers may keep it but
 * must ask again each time (no-cache), so an answer is never shown after the data moved on.
 */
export function sendAnswer(req: Request, res: Response, answer: SendableAnswer): void {
  res.setHeader('ETag', answer.etag);
  res.setHeader('Cache-Control', 'private, no-cache');
  res.setHeader('Vary', 'Accept-Encoding');
  if (holdsTag(req, answer.etag)) {
    res.status(304).end();
    return;
  }
  const chosen = answer.gzip === answer.json ? 'identity' : chooseCoding(req.headers['accept-encoding']);
  const body = (chosen === 'identity' ? undefined : answer[chosen]) ?? answer.json;
  const coding = body === answer.json ? 'identity' : chosen;
  // The compression middleware leaves these bytes alone (see isPreEncoded), plain JSON included:
  // a client accepting only deflate gets the JSON as it is, not deflated on every request.
  (res.locals as { preEncoded?: boolean }).preEncoded = true;
  if (coding !== 'identity') res.setHeader('Content-Encoding', coding);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', String(body.length));
  res.end(body);
}

/** True for a response sendAnswer wrote: its bytes are final, the compression middleware must not touch them. */
export const isPreEncoded = (res: Response): boolean => (res.locals as { preEncoded?: boolean } | undefined)?.preEncoded === true;
