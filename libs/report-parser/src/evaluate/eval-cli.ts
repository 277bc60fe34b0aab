#!/usr/bin/env node
import { evaluateFolder, TruthFileError, type FolderEvaluation } from './evaluate-folder.js';

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
  let evaluation: FolderEvaluation;
  try {
    evaluation = await evaluateFolder(folder);
  } catch (error) {
    if (error instanceof TruthFileError) {
      process.stderr.write(`error: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const { scores, files, byField, right, checked, crashed, invented } = evaluation;
  for (const f of files) {
    if ('error' in f) {
      process.stdout.write(`${f.file}: CRASH ${f.error}\n`);
      continue;
    }
    const score = f.score;
    const fileRight = score.checks.filter((c) => c.right).length;
    process.stdout.write(`${f.file}: ${fileRight}/${score.checks.length}${score.invented.length ? `  invented indicator names: ${score.invented.join('、')}` : ''}\n`);
    if (verbose) {
      for (const c of score.checks.filter((x) => !x.right)) process.stdout.write(`    ✗ ${c.field}: expected ${JSON.stringify(c.expected)}, found ${JSON.stringify(c.found)}\n`);
    }
  }
  process.stdout.write('\nfield                   right/checked\n');
  for (const [field, e] of byField) process.stdout.write(`${field.padEnd(24)}${e.right}/${e.checked}\n`);
  const stated = scores.flatMap((s) => s.checks).filter((c) => c.expected !== null && c.expected !== undefined);
  const statedRight = stated.filter((c) => c.right).length;
  const pct = (a: number, b: number): string => (b ? ((a / b) * 100).toFixed(1) : '0.0');
  process.stdout.write(`\ntotal: ${right}/${checked} = ${pct(right, checked)} %  (${scores.length} files, ${crashed} crashed, ${invented} invented indicator names)\n`);
  process.stdout.write(`stated values only (truth not null): ${statedRight}/${stated.length} = ${pct(statedRight, stated.length)} %\n`);
  return crashed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
