import type { ReportDocument } from '@hunan-perf/contracts';
import ExcelJS from 'exceljs';
import { extractReports, generateSyntheticReport } from '../src/index.js';
import { SEEDS, department, seedBytes } from './helpers.js';
import { blocksOf } from './fixtures.js';

/** Dotted paths of every non-null scalar the extraction produced (what provenance must cover). */
function scalarPaths(doc: ReportDocument): string[] {
  const paths: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}.${i}`));
    else if (typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
    else paths.push(path);
  };
  // coverage is counted from the document, not read from the source.
  const { schemaVersion, source, reportKind, warnings, provenance, coverage, ...extracted } = doc;
  void schemaVersion; void source; void reportKind; void warnings; void provenance; void coverage;
  walk(extracted, '');
  return paths;
}

test('every non-null scalar has provenance, and the excerpt is on that line', async () => {
  const docs: { doc: ReportDocument; lines: string[] }[] = [];
  for (const file of Object.values(SEEDS)) {
    const r = await extractReports(seedBytes(file), file);
    for (const doc of r.reports) docs.push({ doc, lines: r.lines });
  }
  for (let seed = 1; seed <= 25; seed++) {
    const g = generateSyntheticReport(seed);
    const r = await extractReports(new TextEncoder().encode(g.text), g.fileName);
    docs.push({ doc: r.reports[0]!, lines: r.lines });
  }
  for (const { doc, lines } of docs) {
    for (const path of scalarPaths(doc)) {
      const p = doc.provenance[path];
      if (!p) throw new Error(`${doc.source.fileName}: no provenance for ${path}`);
      expect(p.line).toBeGreaterThanOrEqual(1);
      expect(p.line).toBeLessThanOrEqual(lines.length);
      const squash = (s: string): string => s.replace(/[\s|…]+/g, '');
      expect(squash(lines[p.line - 1]!)).toContain(squash(p.excerpt).slice(0, 20));
    }
  }
});

test('.xlsx built from a seed → the same key fields', async () => {
  const text = new TextDecoder().decode(seedBytes(SEEDS.liuyang));
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('自评报告');
  for (const block of blocksOf(text)) {
    if (block.kind === 'p') sheet.addRow([block.text]);
    else for (const row of block.rows) sheet.addRow(row.map((c) => (c === '' ? null : c)));
  }
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const fromXlsx = department(await extractReports(bytes, 'liuyang.xlsx'));
  const fromTxt = department(await extractReports(seedBytes(SEEDS.liuyang), 'liuyang.txt'));
  expect(fromXlsx.source.format).toBe('xlsx');
  for (const key of ['unit', 'fiscalYear', 'score', 'budget', 'threePublic', 'staff'] as const) expect(fromXlsx[key]).toEqual(fromTxt[key]);
  expect(fromXlsx.indicators).toHaveLength(fromTxt.indicators.length);
});
