import type { NextFunction, Request, Response } from 'express';
import type { ErrorBody } from './error-body.js';
import type { RequestWithId } from './request-id.js';

const MAX_DEPTH = 32;

/** Depth of a parsed JSON value, without recursion (a hostile body may nest 100,000 levels). */
export function jsonDepth(value: unknown, limit = Infinity): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    max = Math.max(max, depth);
    if (max > limit) return max;
    for (const child of Object.values(v as object)) stack.push([child, depth + 1]);
  }
  return max;
}

function reply(req: Request, res: Response, body: Omit<ErrorBody, 'requestId'>): void {
  res.status(body.statusCode).json({ ...body, requestId: (req as RequestWithId).requestId });
}

/** Body-parser failures answered in the one error shape, in plain words. */
export function bodyParserErrors(err: unknown, req: Request, res: Response, next: NextFunction): void {
  const type = (err as { type?: string } | null)?.type;
  if (type === 'entity.parse.failed') return reply(req, res, { statusCode: 400, error: 'INVALID_JSON', message: '请求体不是有效的 JSON' });
  if (type === 'entity.too.large') return reply(req, res, { statusCode: 413, error: 'PAYLOAD_TOO_LARGE', message: '请求体过大（JSON 最大 2 MB）' });
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return reply(req, res, { statusCode: 415, error: 'UNSUPPORTED_MEDIA_TYPE', message: '请求体的字符编码不受支持，请使用 UTF-8' });
  }
  next(err);
}

/** Refuses JSON nested deeper than any real request needs, before validation walks it. */
export function limitJsonDepth(req: Request, res: Response, next: NextFunction): void {
  if (req.body && typeof req.body === 'object' && jsonDepth(req.body, MAX_DEPTH) > MAX_DEPTH) {
    return reply(req, res, { statusCode: 400, error: 'JSON_TOO_DEEP', message: `请求体的 JSON 嵌套超过 ${MAX_DEPTH} 层` });
  }
  next();
}

/** A NUL character anywhere in the path or query string (%00): PostgreSQL text cannot hold it. */
const NUL_IN_URL = /%00/i;

/** Refuses a URL carrying a NUL character with 400 before any handler (or log line) sees its values. */
export function rejectNulInUrl(req: Request, res: Response, next: NextFunction): void {
  if (NUL_IN_URL.test(req.originalUrl) || req.originalUrl.includes('\0')) {
    return reply(req, res, { statusCode: 400, error: 'BAD_REQUEST', message: '请求地址或查询参数中含有不允许的空字符（%00）' });
  }
  next();
}
