// Developer aid: a compact view of what the parser finds in a file.
import { readFileSync } from 'node:fs';
import { extractReports } from '../../libs/report-parser/dist/index.js';
const file = process.argv[2];
const r = await extractReports(new Uint8Array(readFileSync(file)), file);
for (const d of r.reports) {
  const { indicators, scoreBreakdown, findings, warnings, provenance, source, ...rest } = d;
  console.log(JSON.stringify(rest));
  for (const i of indicators) console.log('  IND', JSON.stringify(Object.values(i)));
  for (const b of scoreBreakdown) console.log('  BRK', JSON.stringify(Object.values(b)));
  console.log('  PROBLEMS', findings.problems.length, JSON.stringify(findings.problems));
  console.log('  MEASURES', findings.measures.length, JSON.stringify(findings.measures));
  for (const w of warnings) console.log('  WARN', w.code, w.message);
}
