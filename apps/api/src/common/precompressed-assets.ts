import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { NextFunction, Request, Response } from 'express';
import { chooseCoding, holdsTag, strongEtag } from '../modules/analytics/encoded-answer.js';
import { IMMUTABLE } from './static-cache.js';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** The built web app's text assets, by extension: what they are sent as. Fonts and images come compressed already. */
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
};

interface Compressed {
  type: string;
  br: Buffer;
  gzip: Buffer;
  etag: string;
}

/** Compresses a file's bytes once, at the levels a build step would use (hashed assets never change). */
async function compress(file: string, type: string): Promise<Compressed> {
  const bytes = await readFile(file);
  const [br, gz] = await Promise.all([
    brotliAsync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
    gzipAsync(bytes, { level: 9 }),
  ]);
  return { type, br, gzip: gz, etag: strongEtag(bytes) };
}

/**
 * The web app's hashed text assets (dist/assets/*.js, .css, …) compressed once per process, in
 * libuv's pool, and sent as kept brotli or gzip bytes: the compression middleware used to deflate
 * the ECharts chunk on every page load. A client that accepts neither, a file that is not there
 * (or a path that leaves the folder) goes on to the static files as before. The first asset
 * asked for starts the compression of all the others, one after another, so the rest of the page's
 * chunks are ready when they are asked for.
 */
export function precompressedAssets(webDistDir: string) {
  const assets = path.join(webDistDir, 'assets');
  // Only the files the build wrote are kept (read once): a request for any other name holds nothing.
  let names: Promise<Set<string>> | null = null;
  const known = (): Promise<Set<string>> => (names ??= readdir(assets).then((list) => new Set(list), () => new Set<string>()));
  const kept = new Map<string, Promise<Compressed | null>>();
  const entry = async (name: string): Promise<Compressed | null> => {
    const type = TYPES[path.extname(name)];
    if (!type || !(await known()).has(name)) return null;
    let found = kept.get(name);
    if (!found) {
      found = compress(path.join(assets, name), type).catch(() => null);
      kept.set(name, found);
    }
    return found;
  };

  let warming: Promise<void> | null = null;
  const warm = async (): Promise<void> => {
    for (const name of await known()) await entry(name);
  };

  return (req: Request, res: Response, next: NextFunction): void => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.path.startsWith('/assets/')) return next();
    warming ??= warm();
    const coding = chooseCoding(req.headers['accept-encoding']);
    if (coding === 'identity') return next();
    let name: string;
    try {
      name = decodeURIComponent(req.path.slice('/assets/'.length));
    } catch {
      return next();
    }
    entry(name).then(
      (file) => {
        if (!file) return next();
        res.setHeader('Cache-Control', IMMUTABLE);
        res.setHeader('Vary', 'Accept-Encoding');
        res.setHeader('ETag', file.etag);
        if (holdsTag(req, file.etag)) {
          res.status(304).end();
          return;
        }
        const body = coding === 'br' ? file.br : file.gzip;
        (res.locals as { preEncoded?: boolean }).preEncoded = true;
        res.setHeader('Content-Type', file.type);
        res.setHeader('Content-Encoding', coding);
        res.setHeader('Content-Length', String(body.length));
        res.end(req.method === 'HEAD' ? undefined : body);
      },
      next,
    );
  };
}
