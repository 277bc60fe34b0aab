import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import type { RequestWithId } from './request-id.js';

/** One structured line per request: method, path (no query: it may carry names), status, time. */
export function requestLogger(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info(
        { requestId: (req as RequestWithId).requestId, method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10 },
        'request',
      );
    });
    next();
  };
}
