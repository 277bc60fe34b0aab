// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';

// The typed client's schema.d.ts is what `npm run gen:api` makes from the committed openapi.json:
// a stale copy (an API change without regenerating) fails here.
test('src/api/schema.d.ts equals what gen:api produces from apps/api/openapi.json', () => {
  const web = resolve(__dirname, '../..');
  const dir = mkdtempSync(join(tmpdir(), 'hp-gen-api-'));
  try {
    const out = join(dir, 'schema.d.ts');
    execFileSync(join(web, 'node_modules/.bin/openapi-typescript'), ['../api/openapi.json', '-o', out], { cwd: web, stdio: 'pipe' });
    expect(readFileSync(join(web, 'src/api/schema.d.ts'), 'utf8')).toBe(readFileSync(out, 'utf8'));
    // The binding contract is part of it: reports are typed, not `Record<string, unknown>`.
    expect(readFileSync(out, 'utf8')).toMatch(/ReportDocument: \{[\s\S]*?schemaVersion: 1;/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000); // generating the schema takes seconds on a busy machine; the limit only stops a hung generator
