// Benchmark of the report extraction engine on one core: the five seed reports and 1,000 synthetic
// reports (deterministic, seeds 1..1000), against the floor of merely decoding the same bytes.
// Then each pathological input (issue 10, item 7: linear time on any input) once, each in its own
// worker, against the same per-100 KB figure for the normal reports.
// Run: npm run bench:parser   (builds libs/report-parser first)
// BENCH_PATHOLOGICAL_LIMIT_MS (default 60000) stops a runaway pathological input.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { decodeTextBytes, extractReports, generateSyntheticReport, isReportParseError } from '../../libs/report-parser/dist/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const seedDir = join(root, 'data/reports');
const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(seedDir, f))) }));
const encoder = new TextEncoder();
const fmt = (n, d = 1) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const per100k = (ms, bytes) => ms / (bytes / 102_400);

// ---------------------------------------------------------------------------------------------
// Pathological inputs. Each starts with a title line so it passes the "is this a report" check and
// reaches every extractor. The 19 MB one stays under DEFAULT_MAX_BYTES (20 MB).
const TITLE = '长沙市某某局2021年度部门整体支出绩效自评报告\n';
const SENTENCE =
  '本单位2021年度部门整体支出年初预算数为848.55万元，全年执行数为889.65万元，其中基本支出612.30万元，“三公”经费决算支出6.8万元，综合评分为96分。';
const repeatTo = (unit, chars) => unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
function digitsAndDots(chars) {
  let seed = 12345;
  const out = [];
  let length = 0;
  while (length < chars) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    const run = 1 + (seed % 12);
    let part = '';
    for (let k = 0; k < run; k++) part += String((seed >>> (k % 24)) % 10);
    out.push(part, '.');
    length += run + 1;
  }
  return out.join('').slice(0, chars);
}
function indicatorTable(rows) {
  const out = [TITLE, '一级指标\t二级指标\t三级指标\t指标值\t完成值\t分值\t得分\n'];
  for (let i = 0; i < rows; i++) out.push(`${i % 7 === 0 ? `产出指标${i}` : ''}\t${i % 3 === 0 ? `数量指标${i}` : ''}\t指标${i}\t≥95%\t100%\t2\t2\n`);
  return out.join('');
}
const PATHOLOGICAL = {
  'digits and dots, one 200k line': () => TITLE + digitsAndDots(200_000),
  'digits only, one 200k line': () => TITLE + repeatTo('8412390576', 200_000),
  '一级指标| × 50,000 lines': () => TITLE + '一级指标|\n'.repeat(50_000),
  '19 MB single repeated line': () => TITLE + SENTENCE.repeat(Math.floor((19 * 1024 * 1024 - 100) / Buffer.byteLength(SENTENCE))),
  '| × 200k, one line': () => TITLE + '|'.repeat(200_000),
  '"| " × 100k then text, one line': () => TITLE + '预算' + '| '.repeat(100_000) + '执行',
  '1. × 100k, one line': () => TITLE + '1.'.repeat(100_000),
  'Chinese without punctuation, 200k': () =>
    TITLE + repeatTo('部门整体支出绩效自评预算执行情况良好项目支出三公经费公务用车购置运行维护其中基本支出人员经费', 200_000),
  '1、 × 100,000 lines': () => TITLE + '1、\n'.repeat(100_000),
  '1、存在的问题 × 50,000 lines': () => TITLE + '1、存在的问题\n'.repeat(50_000),
  '①存在的问题 × 50,000 lines': () => TITLE + '①存在的问题\n'.repeat(50_000),
  '( × 200k, one line': () => TITLE + '('.repeat(200_000),
  '（预算 × 66k, one line': () => TITLE + '（预算'.repeat(66_667),
  'spaces × 200k then text': () => TITLE + ' '.repeat(200_000) + '预算执行率100%',
  'tabs × 200k then text': () => TITLE + '\t'.repeat(200_000) + '预算执行率100%',
  '"1\\t" × 100k (one row, 100k cells)': () => TITLE + '1\t'.repeat(100_000),
  '"1,000" comma chain 200k, then 元': () => TITLE + '三公经费' + repeatTo('1,000', 200_000) + '元',
  '部门 × 100k without 自评, one line': () => TITLE.replace('自评', '') + '部门'.repeat(100_000),
  '[bookmark: × 20k, one line': () => TITLE + '[bookmark:'.repeat(20_000),
  '50,000-row indicator table': () => indicatorTable(50_000),
  '存在的问题 + 20,000 items': () => TITLE + '六、存在的问题\n' + '1、预算编制不够精细，部分项目执行进度偏慢。\n'.repeat(20_000),
  '1、 + 100k blanks + U+2028, one line': () => TITLE + '1、' + ' '.repeat(100_000) + '问题\u2028续',
  '存在的问题 1 + 100k blanks … 改进措施': () => TITLE + '存在的问题 1' + ' '.repeat(100_000) + 'x 改进措施',
  'an item ending in 100k "，"': () => TITLE + '六、存在的问题\n1、预算' + '，'.repeat(100_000) + 'x',
  'score line + "| " × 100k (provenance)': () => TITLE + '综合评分为96分' + '| '.repeat(100_000) + 'x',
  '单位名称|…局| × 10,000, one line': () => TITLE + '单位名称|长沙市财政局|'.repeat(10_000),
  'scoring sheet, 40,000 rows of 0 分': () =>
    TITLE + '一级指标\n二级指标\n三级指标\n分值\n得分\n产出指标\n数量指标(20分)\n' + '控制率指标(0分)\n0\n'.repeat(40_000),
  'flattened scoring sheet, 40,000 names': () =>
    TITLE + '一级指标二级指标三级指标分值得分产出指标(50分)数量指标(20分)' + '在职人员控制率(0分)0'.repeat(40_000),
};

if (isMainThread) await main();
else await pathologicalWorker(workerData.name);

/** In a worker: warm up on the seeds, then one timed extraction of one pathological input. */
async function pathologicalWorker(name) {
  for (let round = 0; round < 3; round++) for (const s of seeds) await extractReports(s.bytes, s.name);
  const bytes = encoder.encode(PATHOLOGICAL[name]());
  const start = process.hrtime.bigint();
  let outcome;
  let unexpectedError;
  try {
    const result = await extractReports(bytes, 'pathological.txt');
    const d = result.reports[0];
    outcome = `${result.reports.length} report(s), ${d?.indicators.length ?? 0} indicators, ${(d?.findings.problems.length ?? 0) + (d?.findings.measures.length ?? 0)} findings`;
  } catch (error) {
    if (isReportParseError(error)) outcome = `ReportParseError ${error.code}`;
    else unexpectedError = String(error?.stack ?? error).split('\n')[0];
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  parentPort.postMessage({ name, bytes: bytes.length, ms, outcome: outcome ?? `threw ${unexpectedError}`, unexpectedError });
}

function runPathological(name, limitMs) {
  return new Promise((resolve) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { name } });
    // The limit counts from the start (warm-up and generation take a second or two).
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ name, timedOut: true });
    }, limitMs);
    worker.once('message', (m) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(m);
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      resolve({ name, crashed: String(e?.stack ?? e) });
    });
  });
}

async function main() {
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

  console.log(`inputs: ${inputs.length} documents (${seeds.length} seeds + ${synthetic.length} synthetic), ${fmt(mb, 2)} MB, ${reports} reports found`);
  console.log(`extract: ${fmt(tExtract * 1000, 0)} ms  → ${fmt(inputs.length / tExtract)} documents/s, ${fmt(reports / tExtract)} reports/s, ${fmt(mb / tExtract, 2)} MB/s`);
  console.log(`floor (read + decode only): ${fmt(tDecode * 1000, 0)} ms → ${fmt(inputs.length / tDecode)} documents/s, ${fmt(mb / tDecode, 2)} MB/s`);
  console.log(`extraction costs ${fmt(tExtract / tDecode)}× the decode floor (best of 3 rounds, one core, Node ${process.version})`);

  // Seeds alone: the real documents are larger and messier than the synthetic ones.
  const tSeeds = await timeIt(async () => {
    for (const s of seeds) await extractReports(s.bytes, s.name);
  });
  const seedBytes = seeds.reduce((a, s) => a + s.bytes.length, 0);
  const seedMb = seedBytes / 1024 / 1024;
  console.log(`seeds only: ${fmt((tSeeds / seeds.length) * 1000, 2)} ms per document, ${fmt(seedMb / tSeeds, 2)} MB/s`);

  // Pathological inputs: the worst may cost at most 10× a normal report per 100 KB.
  const limitMs = Number(process.env.BENCH_PATHOLOGICAL_LIMIT_MS ?? 60_000);
  const normal = per100k(tExtract * 1000, totalBytes);
  const seedsOnly = per100k(tSeeds * 1000, seedBytes);
  console.log('');
  console.log(`pathological inputs: one extraction each, in a worker warmed up on the seeds (stopped after ${fmt(limitMs / 1000, 0)} s)`);
  console.log(`normal reports: ${fmt(normal, 2)} ms/100 KB (seeds + synthetic; seeds alone ${fmt(seedsOnly, 2)} ms/100 KB)`);
  const rows = [];
  for (const name of Object.keys(PATHOLOGICAL)) {
    const r = await runPathological(name, limitMs);
    rows.push(r);
    let text;
    if (r.timedOut) text = `stopped: over ${fmt(limitMs / 1000, 0)} s`;
    else if (r.crashed) text = `worker crashed: ${r.crashed.split('\n')[0]}`;
    else {
      const m = per100k(r.ms, r.bytes);
      r.ratio = m / normal;
      text = `${fmt(r.bytes / 1024, 0).padStart(7)} KB ${fmt(r.ms, 1).padStart(10)} ms ${fmt(m, 2).padStart(9)} ms/100 KB ${fmt(r.ratio, 2).padStart(8)}× normal   ${r.outcome}`;
    }
    console.log(`  ${name.padEnd(38)} ${text}`);
  }
  const failed = rows.filter((r) => r.timedOut || r.crashed || r.unexpectedError);
  const measured = rows.filter((r) => r.ratio !== undefined).sort((a, b) => b.ratio - a.ratio);
  const worst = measured[0];
  const within = !failed.length && worst !== undefined && worst.ratio <= 10;
  if (worst) console.log(`worst measured: ${worst.name}, ${fmt(worst.ratio, 2)}× a normal report per 100 KB`);
  for (const r of failed) console.log(`FAILED: ${r.name}: ${r.timedOut ? 'over the time limit' : r.crashed ? 'worker crashed' : `threw ${r.unexpectedError}`}`);
  console.log(`aim (worst ≤ 10× normal per 100 KB, only ReportParseError thrown): ${within ? 'met' : 'NOT met'}`);
  if (!within) process.exitCode = 1;
}
