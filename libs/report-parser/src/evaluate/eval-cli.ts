#!/usr/bin/env node
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { extractReports, primaryReport } from '../extract-reports.js';
import { normalizeForMatching } from '../decode/normalize.js';
import { scoreDocument, type DocumentScore } from './score-document.js';
import type { TruthRecord } from './truth.js';

/**
 * npm run eval:extraction -- <folder> [--verbose]: extracts every file named in <folder>/truth.json,
 * prints right/checked per field and in total, and exits 1 when a file could not be extracted.
 */
async function main(argv: string[]): Promise<number> {
  const verbose = argv.includes('--verbose');
  const folder = argv.find((a) => !a.startsWith('--'));
  if (!folder) {
    process.stderr.write('usage: npm run eval:extraction -- <folder> [--verbose]   (the folder holds truth.json)\n');
    return 64;
  }
  let truth: TruthRecord[];
  try {
    const parsed: unknown = JSON.parse(await readFile(join(folder, 'truth.json'), 'utf8'));
    if (!Array.isArray(parsed)) throw new Error('truth.json is not an array of records');
    truth = parsed as TruthRecord[];
  } catch (error) {
    process.stderr.write(`error: ${join(folder, 'truth.json')}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const scores: DocumentScore[] = [];
  let crashed = 0;
  for (const record of truth) {
    const path = join(folder, record.file);
    try {
      const bytes = new Uint8Array(await readFile(path));
      const result = await extractReports(bytes, path);
      const doc = primaryReport(result);
      const score = scoreDocument(record, doc, normalizeForMatching(result.text) + result.text);
      scores.push(score);
      const right = score.checks.filter((c) => c.right).length;
      process.stdout.write(`${record.file}: ${right}/${score.checks.length}${score.invented.length ? `  invented indicator names: ${score.invented.join('、')}` : ''}\n`);
      if (verbose) {
        for (const c of score.checks.filter((x) => !x.right)) process.stdout.write(`    ✗ ${c.field}: expected ${JSON.stringify(c.expected)}, found ${JSON.stringify(c.found)}\n`);
      }
    } catch (error) {
      crashed++;
      process.stdout.write(`${record.file}: CRASH ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
    }
  }
  const byField = new Map<string, { right: number; checked: number }>();
  for (const s of scores) {
    for (const c of s.checks) {
      const field = c.field.startsWith('indicator[') ? `indicator.${c.field.slice(c.field.lastIndexOf('.') + 1)}` : c.field;
      const e = byField.get(field) ?? { right: 0, checked: 0 };
      e.checked++;
      if (c.right) e.right++;
      byField.set(field, e);
    }
  }
  process.stdout.write('\nfield                   right/checked\n');
  for (const [field, e] of byField) process.stdout.write(`${field.padEnd(24)}${e.right}/${e.checked}\n`);
  const right = [...byField.values()].reduce((a, e) => a + e.right, 0);
  const checked = [...byField.values()].reduce((a, e) => a + e.checked, 0);
  const invented = scores.reduce((a, s) => a + s.invented.length, 0);
  const stated = scores.flatMap((s) => s.checks).filter((c) => c.expected !== null && c.expected !== undefined);
  const statedRight = stated.filter((c) => c.right).length;
  const pct = (a: number, b: number): string => (b ? ((a / b) * 100).toFixed(1) : '0.0');
  process.stdout.write(`\ntotal: ${right}/${checked} = ${pct(right, checked)} %  (${scores.length} files, ${crashed} crashed, ${invented} invented indicator names)\n`);
  process.stdout.write(`stated values only (truth not null): ${statedRight}/${stated.length} = ${pct(statedRight, stated.length)} %\n`);
  return crashed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
