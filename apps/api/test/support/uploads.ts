import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Session } from './test-app.js';

export const SEED_DIR = fileURLToPath(new URL('../../../../data/reports/', import.meta.url));

export const SEEDS = readdirSync(SEED_DIR).filter((f) => f.endsWith('.txt')).sort();

export function seed(prefix: string): { name: string; bytes: Buffer } {
  const name = SEEDS.find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}`);
  return { name, bytes: readFileSync(SEED_DIR + name) };
}

/** POST /api/documents with the files as multipart field `files`. */
export function upload(s: Session, files: { name: string; bytes: Buffer }[]) {
  let req = s.agent.post('/api/documents').set('x-csrf-token', s.csrf);
  for (const f of files) req = req.attach('files', f.bytes, { filename: f.name });
  return req;
}

export async function rowCounts(ds: { query(sql: string): Promise<{ n: number }[]> }): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['source_document', 'report', 'report_budget', 'report_indicator', 'report_warning', 'unit', 'unit_alias', 'audit_event']) {
    counts[table] = (await ds.query(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
  }
  return counts;
}

/** A supertest parser that keeps the response body as raw bytes (CSV, XLSX, zip downloads). */
export function binary(res: import('superagent').Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
