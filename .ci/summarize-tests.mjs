// Sums the per-workspace test counts (Jest "Tests: …" and Vitest "Tests  …" lines) of a log
// into one closing line: "N passed, N failed".
import { readFileSync } from 'node:fs';

const log = readFileSync(process.argv[2], 'utf8').replace(/\u001b\[[0-9;]*m/g, '');
let passed = 0;
let failed = 0;
for (const line of log.split('\n')) {
  if (!/^\s*Tests:?\s/.test(line)) continue;
  passed += Number(/(\d+) passed/.exec(line)?.[1] ?? 0);
  failed += Number(/(\d+) failed/.exec(line)?.[1] ?? 0);
}
console.log(`${passed} passed, ${failed} failed`);
