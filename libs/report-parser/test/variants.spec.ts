import * as OpenCC from 'opencc-js';
import type { ReportDocument } from '@hunan-perf/contracts';
import { extractReports } from '../src/index.js';
import { SEEDS, department, seedBytes } from './helpers.js';

// The same documents written differently: a reader should not care.
const seedText = (file: string): string => new TextDecoder().decode(seedBytes(file));
const run = async (text: string, name: string): Promise<ReportDocument> => department(await extractReports(new TextEncoder().encode(text), name));
const key = (d: ReportDocument) => ({ unit: d.unit, fiscalYear: d.fiscalYear, score: d.score, budget: d.budget, threePublic: d.threePublic, staff: d.staff, indicators: d.indicators.length, problems: d.findings.problems.length, measures: d.findings.measures.length });

test('traditional characters (繁體) give the same values', async () => {
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });
  const original = await run(seedText(SEEDS.xiangxi), 'x.txt');
  const traditional = await run(toTraditional(seedText(SEEDS.xiangxi)), 'x.txt');
  expect(seedText(SEEDS.xiangxi)).not.toBe(toTraditional(seedText(SEEDS.xiangxi)));
  expect(key(traditional)).toEqual(key(original));
  // Targets and actuals stay as written: in traditional characters.
  const changed = traditional.indicators.find((r, i) => r.actual !== original.indicators[i]!.actual);
  expect(changed).toBeDefined();
});

test('amounts in 元 and 亿元 are converted to 万元', async () => {
  const text = seedText(SEEDS.wangcheng)
    .replace('2284.43 万元', '22,844,300 元')
    .replace('1193.43 万元', '11,934,300.00元')
    .replace('1091 万元', '0.1091 亿元');
  const d = await run(text, 'w.txt');
  expect(d.budget.total.initial).toBe(2284.43);
  expect(d.budget.basic.initial).toBe(1193.43);
  expect(d.budget.project.initial).toBe(1091);
});

test('a table in 元 (单位：元) is converted', async () => {
  const text = seedText(SEEDS.liuyang)
    .replace('部门（单位）名称\t', '单位：元\n部门（单位）名称\t')
    .replace('（1）财政拨款\t\t1052.59\t1943.63', '（1）财政拨款\t\t10525900\t19436300');
  const d = await run(text, 'l.txt');
  expect(d.budget.total.initial).toBe(1052.59);
  expect(d.budget.total.actual).toBe(1943.63);
});

test('markdown pipe tables give the same document as tab tables', async () => {
  const piped = seedText(SEEDS.liuyang)
    .split('\n')
    .map((line) => (line.includes('\t') ? `| ${line.split('\t').join(' | ')} |` : line))
    .join('\n');
  expect(key(await run(piped, 'p.md'))).toEqual(key(await run(seedText(SEEDS.liuyang), 'l.txt')));
});

test('Windows line endings and full-width digits', async () => {
  const crlf = seedText(SEEDS.yiyang).replace(/\n/g, '\r\n').replace('综合得分为100分', '综合得分为１００分');
  expect(key(await run(crlf, 'y.txt'))).toEqual(key(await run(seedText(SEEDS.yiyang), 'y.txt')));
});
