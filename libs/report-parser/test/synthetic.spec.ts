import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { extractReports, generateSyntheticReport, SYNTHETIC_LAYOUTS, type SyntheticReport } from '../src/index.js';
import { compareFields } from './synthetic-compare.js';
import { expectValid } from './helpers.js';

test('the generator is deterministic and marks its output as synthetic', () => {
  const a = generateSyntheticReport(42);
  expect(generateSyntheticReport(42)).toEqual(a);
  expect(generateSyntheticReport(43).text).not.toBe(a.text);
  for (const layout of SYNTHETIC_LAYOUTS) expect(generateSyntheticReport(7, layout).text).toContain('SYNTHETIC');
});

test('property: 200 synthetic reports in every seed layout, ≥ 95 % of fields exact', async () => {
  let total = 0;
  let exact = 0;
  const misses = new Map<string, number>();
  for (let seed = 1; seed <= 200; seed++) {
    const report = withNoise(generateSyntheticReport(seed));
    const bytes = seed % 5 === 2 ? new Uint8Array(iconv.encode(report.text, 'gbk')) : new TextEncoder().encode(report.text);
    const result = await extractReports(bytes, report.fileName);
    const doc = result.reports[0]!;
    expectValid(doc);
    for (const f of compareFields(doc, report.expected)) {
      total++;
      if (f.ok) exact++;
      else misses.set(`${report.layout}:${f.field.replace(/\.\d+$/, '.N')}`, (misses.get(`${report.layout}:${f.field.replace(/\.\d+$/, '.N')}`) ?? 0) + 1);
    }
  }
  const accuracy = exact / total;
  console.log(`synthetic property test: ${exact}/${total} fields exact (${(accuracy * 100).toFixed(2)} %)`, Object.fromEntries(misses));
  expect(accuracy).toBeGreaterThanOrEqual(0.95);
}, 60000);

const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });

/** Real files vary in ways the layout does not: CRLF line ends, GBK (in the loop above), 繁體 characters. */
function withNoise(report: SyntheticReport): SyntheticReport {
  let text = report.text;
  const expected = structuredClone(report.expected);
  if (report.seed % 4 === 1) text = text.replace(/\n/g, '\r\n');
  if (report.seed % 6 === 3) {
    text = toTraditional(text);
    // Indicator names, targets and actuals are returned as written: in traditional characters.
    for (const row of expected.indicators) {
      row.name = row.name && toTraditional(row.name);
      row.target = row.target && toTraditional(row.target);
      row.actual = row.actual && toTraditional(row.actual);
    }
  }
  return { ...report, text, expected };
}
