import * as OpenCC from 'opencc-js';
import type { ReportDocument } from '@hunan-perf/contracts';
import { extractReports } from '../src/index.js';
import { SEEDS, department, expectValid, seedBytes } from './helpers.js';

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

test('two places stating different budget totals → TOTAL_MISMATCH naming both', async () => {
  const d = await run(seedText(SEEDS.liuyang).replace('我单位整体支出1943.63万元', '我单位整体支出1934.63万元'), 'l.txt');
  expect(d.budget.total.actual).toBe(1943.63);
  const w = d.warnings.find((x) => x.code === 'TOTAL_MISMATCH');
  expect(w?.path).toBe('budget.total.actual');
  expect(w?.message).toContain('1934.63');
  expect(w?.message).toContain('1943.63');
});

// A layout none of the seeds uses: markdown, a 预算数/调整后预算数/实际支出数 table, prose score.
test('an unseen markdown layout', async () => {
  const text = [
    '# 关于青山县水利局2023年度部门整体支出绩效自评的报告',
    '',
    '## 一、基本情况',
    '本局核定编制25名，在编人数23人。',
    '',
    '## 二、预算执行情况（单位：万元）',
    '',
    '| 项目 | 预算数 | 调整后预算数 | 实际支出数 | 执行率 |',
    '|---|---|---|---|---|',
    '| 合计 | 1,200.50 | 1,350.00 | 1,296.00 | 96.00% |',
    '| 基本支出 | 800.50 | 850.00 | 846.00 | 99.53% |',
    '| 项目支出 | 400.00 | 500.00 | 450.00 | 90.00% |',
    '',
    '2023年“三公”经费预算12万元，实际支出9.5万元，其中公务接待费1.5万元，公务用车运行维护费8万元。',
    '',
    '## 三、绩效自评结果',
    '经综合评价，本局2023年度部门整体支出自评得分为91.5分，自评结果为“优”。',
    '',
    '## 四、存在问题',
    '1. 预算编制不够精细。',
    '2. 绩效目标偏笼统。',
    '',
    '## 五、整改措施',
    '1. 细化预算编制。',
    '',
    '青山县水利局',
    '2024年3月15日',
  ].join('\n');
  const d = await run(text, 'qingshan.md');
  expect(d.unit).toEqual({ name: '青山县水利局', regionName: '青山县', level: 'county' });
  expect(d.fiscalYear).toBe(2023);
  expect(d.reportDate).toBe('2024-03-15');
  expect(d.score).toEqual({ total: 91.5, grade: '优', gradeText: '优' });
  expect(d.budget).toEqual({
    total: { initial: 1200.5, adjusted: 1350, actual: 1296, executionRateStated: 96, carryover: null, adjustmentStated: null },
    basic: { initial: 800.5, adjusted: 850, actual: 846 },
    project: { initial: 400, adjusted: 500, actual: 450 },
  });
  expect(d.threePublic).toMatchObject({ budget: 12, actual: 9.5, reception: 1.5, vehicleOperation: 8 });
  expect(d.staff).toEqual({ quota: 25, actual: 23 });
  expect(d.findings).toEqual({ problems: ['预算编制不够精细', '绩效目标偏笼统'], measures: ['细化预算编制'] });
  expect(d.warnings.map((w) => w.code)).toEqual(['MISSING_INDICATORS']);
});

test('values outside the contract bounds are dropped, the document stays valid', async () => {
  const text = seedText(SEEDS.liuyang).replace('年度工作任务完成率\t100%\t100%\t14\t', '年度工作任务完成率\t100%\t100%\t1400\t');
  const result = await extractReports(new TextEncoder().encode(text), 'l.txt');
  const d = department(result);
  expect(d.indicators[8]!.score).toBeNull();
  expect(d.provenance['indicators.8.score']).toBeUndefined();
  expectValid(d);
});

test('one heading for problems and measures, two numbered lists under it', async () => {
  const text = [
    '青山县水利局2023年度部门整体支出绩效自评报告',
    '一、基本情况',
    '2023年，本局整体支出1000万元。',
    '二、存在的问题及改进措施',
    '1. 预算编制不够精细。',
    '2. 绩效目标偏笼统。',
    '1. 细化预算编制。',
    '2. 量化绩效目标。',
    '3. 加强培训。',
    '三、其他',
  ].join('\n');
  const d = await run(text, 'q.txt');
  expect(d.findings).toEqual({ problems: ['预算编制不够精细', '绩效目标偏笼统'], measures: ['细化预算编制', '量化绩效目标', '加强培训'] });
});

test('一级/二级 labels repeated on every row (merged cells copied) make one group each', async () => {
  const text = seedText(SEEDS.yiyang).replace(/\n\t\n\t\n\t(新增规模工业企业家数|工业投资增长)/g, '\n\t\n\t产出指标\n(40分)\n\t数量指标\n\t$1');
  expect(text.match(/\t产出指标\n\(40分\)/g)).toHaveLength(3);
  const d = await run(text, 'y.txt');
  expect(d.indicators).toHaveLength(19);
  expect(d.scoreBreakdown.filter((b) => b.level1 === '产出指标')).toEqual([{ level1: '产出指标', level2: null, weight: 40, score: 40 }]);
  expect(d.warnings.map((w) => w.code)).not.toContain('WEIGHT_SUM_MISMATCH');
});
