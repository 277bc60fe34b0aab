import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AnalyticsCache } from './analytics-cache.js';

const versions = new WeakMap<Request, Promise<string>>();

/**
 * Starts reading data_version (on the read connection, AnalyticsCache.version) as a JSON analytics
 * request arrives, beside the session lookup the guard makes: a cached answer waits for one
 * database round trip instead of two in a row. Read before the answer is looked up or computed, as
 * when the handler read it itself, so the key is still the version the answer was computed from.
 */
@Injectable()
export class DataVersionPrefetch implements NestMiddleware {
  constructor(private readonly cache: AnalyticsCache) {}

  use(req: Request, _res: Response, next: NextFunction): void {
    const format = req.query.format;
    if (req.method === 'GET' && (format === undefined || format === 'json')) {
      const version = this.cache.version();
      // Awaited, and its failure reported, by the handler; not at all when the guard refuses the request.
      version.catch(() => undefined);
      versions.set(req, version);
    }
    next();
  }
}

/** The data_version read for this request by DataVersionPrefetch, if it was. */
export const prefetchedVersion = (req: Request): Promise<string> | undefined => versions.get(req);
