import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildOpenApiDocument } from '../src/cli/openapi.js';

const committed = fileURLToPath(new URL('../openapi.json', import.meta.url));

interface OpenApi {
  paths: Record<string, Record<string, { summary?: string }>>;
}

describe('the committed OpenAPI document', () => {
  it('is what the code produces now (run `npm run openapi` after changing an endpoint)', async () => {
    const current = JSON.parse(JSON.stringify(await buildOpenApiDocument()));
    expect(current).toEqual(JSON.parse(readFileSync(committed, 'utf8')));
  });

  it('gives every operation a summary', () => {
    const doc = JSON.parse(readFileSync(committed, 'utf8')) as OpenApi;
    const missing = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).filter(([, op]) => !op.summary).map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(missing).toEqual([]);
  });
});
