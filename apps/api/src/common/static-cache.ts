import path from 'node:path';
import type { ServerResponse } from 'node:http';

/** Vite writes content-hashed file names under assets/: a changed file gets a new name. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html (and the other unhashed files) is revalidated on every load, so a deploy shows at once. */
export const REVALIDATE = 'no-cache';

/** Cache-Control for a file of the built web app, by where it sits in the dist folder. */
export function webCacheControl(webDistDir: string, file: string): string {
  const relative = path.relative(webDistDir, file).split(path.sep);
  return relative.length > 1 && relative[0] === 'assets' ? IMMUTABLE : REVALIDATE;
}

/** serve-static options: our Cache-Control instead of its "public, max-age=0". */
export function webStaticOptions(webDistDir: string) {
  return {
    cacheControl: false,
    setHeaders: (res: ServerResponse, file: string) => {
      res.setHeader('Cache-Control', webCacheControl(webDistDir, file));
    },
  };
}
