// Benchmark of the report extraction engine on one core: the five seed reports and 1,000 synthetic
// reports (deterministic, seeds 1..1000), against the floor of merely decoding the same bytes.
// Run: npm run bench:parser   (builds libs/report-parser first)
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { decodeTextBytes, extractReports, generateSyntheticReport } from '../../libs/report-parser/dist/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const seedDir = join(root, 'data/reports');
const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(seedDir, f))) }));
const encoder = new TextEncoder();
const synthetic = Array.from({ length: 1000 }, (_, i) => {
  const r = generateSyntheticReport(i + 1);
  return { name: r.fileName, bytes: encoder.encode(r.text) };
});
const inputs = [...seeds, ...synthetic];
const totalBytes = inputs.reduce((a, i) => a + i.bytes.length, 0);

async function timeIt(fn) {
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const start = process.hrtime.bigint();
    await fn();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return best;
}

let reports = 0;
const extractAll = async () => {
  reports = 0;
  for (const input of inputs) reports += (await extractReports(input.bytes, input.name)).reports.length;
};
let chars = 0;
const decodeAll = async () => {
  chars = 0;
  for (const input of inputs) chars += decodeTextBytes(input.bytes).text.length;
};

await extractAll(); // warm-up (JIT, dictionaries)
await decodeAll();
const tExtract = await timeIt(extractAll);
const tDecode = await timeIt(decodeAll);
const mb = totalBytes / 1024 / 1024;
const fmt = (n, d = 1) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

console.log(`inputs: ${inputs.length} documents (${seeds.length} seeds + ${synthetic.length} synthetic), ${fmt(mb, 2)} MB, ${reports} reports found`);
console.log(`extract: ${fmt(tExtract * 1000, 0)} ms  → ${fmt(inputs.length / tExtract)} documents/s, ${fmt(reports / tExtract)} reports/s, ${fmt(mb / tExtract, 2)} MB/s`);
console.log(`floor (read + decode only): ${fmt(tDecode * 1000, 0)} ms → ${fmt(inputs.length / tDecode)} documents/s, ${fmt(mb / tDecode, 2)} MB/s`);
console.log(`extraction costs ${fmt(tExtract / tDecode)}× the decode floor (best of 3 rounds, one core, Node ${process.version})`);

// Seeds alone: the real documents are larger and messier than the synthetic ones.
const tSeeds = await timeIt(async () => {
  for (const s of seeds) await extractReports(s.bytes, s.name);
});
const seedMb = seeds.reduce((a, s) => a + s.bytes.length, 0) / 1024 / 1024;
console.log(`seeds only: ${fmt((tSeeds / seeds.length) * 1000, 2)} ms per document, ${fmt(seedMb / tSeeds, 2)} MB/s`);
