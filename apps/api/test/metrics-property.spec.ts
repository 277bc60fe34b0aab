import { emptyReportDocument, type IndicatorRow, type ReportDocument, type ScoreBreakdownRow } from '@hunan-perf/contracts';
import { budgetMetrics, categoryOf, indicatorCompletion, scoreRatesByLevel1 } from '@hunan-perf/metrics';
import { CompareService } from '../src/modules/analytics/compare.service.js';
import { ReportRowsRepository } from '../src/modules/reports/report-rows.repository.js';
import { generateProvinceDataset } from '../src/modules/synthetic/province-dataset.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { mulberry32 } from '../src/modules/spotcheck/seeded-random.js';

/**
 * Property: on a province-sized synthetic dataset plus crafted reports whose quotients sit exactly
 * on .xx5 boundaries (positive and negative), the SQL definitions (v_report_metric → report_metric,
 * and the 得分率 query) and libs/metrics give the same two-decimal value for every metric of
 * every report.
 */

/** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
const prng = mulberry32;

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
const cents = (c: bigint) => Number(c) / 100;

/**
 * A pair of two-decimal amounts (numerator, denominator > 0) whose quotient × 100 is exactly on a
 * half: n ÷ d × 100 has 5 in its third decimal and nothing after (0.09 ÷ 1.60 × 100 = 5.625).
 * d = 32·s cents (s not a multiple of 5⁵) makes 10⁵ ÷ gcd(d, 10⁵) an odd power of 5; n is an odd
 * multiple of d ÷ gcd(d, 10⁵), optionally negative, up to about twice d.
 */
function halfwayPair(random: () => number, negative: boolean): [number, number] {
  let s = 1n + BigInt(Math.floor(random() * 200_000));
  if (s % 3125n === 0n) s += 1n;
  const d = 32n * s;
  const g = gcd(d, 100_000n);
  const step = d / g; // n = m · step gives n·10⁵/d = m · (10⁵/g), an odd multiple of 5 for odd m
  const maxM = Number((2n * g) / 1n);
  const m = BigInt(2 * Math.floor(random() * Math.max(1, maxM / 2)) + 1);
  const n = m * step * (negative ? -1n : 1n);
  return [cents(n), cents(d)];
}

/** True when n ÷ d × 100 has exactly three decimals ending in 5 (checked with integers). */
function onHalf(n: number, d: number): boolean {
  const N = BigInt(Math.round(n * 100)) * 100_000n;
  const D = BigInt(Math.round(d * 100));
  return N % D === 0n && ((N / D) % 10n === 5n || (N / D) % 10n === -5n);
}

/** What two decimals the old float code gave: Math.round((n / d × 100 + ε) × 100) / 100. */
const floatPercent = (n: number, d: number) => {
  const v = (n / d) * 100;
  return Math.round((v + Number.EPSILON * Math.sign(v)) * 100) / 100;
};

interface Crafted {
  doc: ReportDocument;
  halves: number;
}

/** One crafted report: each metric's quotient chosen on a half, signs mixed, carryover and stated adjustments varied. */
function craft(random: () => number, year: number, i: number): Crafted {
  const doc = emptyReportDocument({ fileName: `crafted-${i}.json`, sha256: '', format: 'json' });
  doc.fiscalYear = year;
  doc.reportKind = 'department_overall';
  doc.unit.name = `crafted-${i}`;
  doc.score.total = 80 + (i % 20);
  const [actual, adjusted] = halfwayPair(random, false);
  const t = doc.budget.total;
  t.actual = actual;
  t.adjusted = i % 7 === 0 ? null : adjusted;
  // Adjustment: stated (追加 or 追减) on a half of initial, or adjusted − carryover − initial on a half.
  const [adjustment, initial] = halfwayPair(random, i % 3 === 0);
  t.initial = initial;
  if (i % 2 === 0) {
    t.adjustmentStated = adjustment;
    t.carryover = i % 4 === 0 ? Math.round(random() * 50_000) / 100 : null;
  } else if (t.adjusted !== null) {
    t.carryover = i % 5 === 0 ? null : Math.round(random() * 50_000) / 100;
    t.adjusted = Math.round((initial + adjustment + (t.carryover ?? 0)) * 100) / 100;
  }
  if (t.adjusted === null) t.initial = adjusted; // execution rate falls back to initial
  const [tpActual, tpBudget] = halfwayPair(random, false);
  doc.threePublic.actual = tpActual;
  doc.threePublic.budget = tpBudget;
  const [projectActual, totalActual] = halfwayPair(random, i % 11 === 0);
  if (i % 2 === 1) {
    doc.budget.project.actual = projectActual;
    t.actual = totalActual;
  }
  // 32 quantitative rows (k of them met): k ÷ 32 × 100 sits on a half for odd k.
  const met = 1 + 2 * (i % 16);
  doc.indicators = Array.from({ length: 32 }, (_, k): IndicatorRow => ({
    level1: k < 16 ? '产出指标' : '效益指标', level2: '数量指标', name: `指标${k}`,
    target: '≥90%', actual: k < met ? '95%' : '80%', weight: 1.125 + (k % 3), score: k % 4 === 0 ? 0.5 : 1.005, note: null,
  }));
  // 得分率 on a half too: Σ score ÷ Σ weight × 100 (0.09 ÷ 1.60 → 5.625 → 5.63 is one of them).
  const [score, weight] = i === 0 ? [0.09, 1.6] : halfwayPair(random, false);
  doc.scoreBreakdown = [{ level1: '满意度指标', level2: null, weight, score } satisfies ScoreBreakdownRow];
  const halves = [
    [t.actual, t.adjusted ?? t.initial],
    [doc.threePublic.actual, doc.threePublic.budget],
  ].filter(([n, d]) => onHalf(n!, d!)).length;
  return { doc, halves };
}

interface StoredRow {
  id: string;
  fiscal_year: number;
  line: string | null;
  initial_amount: string | null;
  adjusted_amount: string | null;
  actual_amount: string | null;
  carryover_amount: string | null;
  adjustment_stated_amount: string | null;
}

const num = (v: string | null) => (v === null ? null : Number(v));

describe('metric property: SQL and libs/metrics agree on a province-sized dataset with negative values and .xx5 boundaries', () => {
  let t: TestApp;
  const UNITS_PER_REGION = Number(process.env.HP_PROPERTY_UNITS ?? 8);
  const YEARS = [2021, 2022, 2023, 2024];
  const CRAFTED = 2_000;
  let halfwayCount = 0;

  beforeAll(async () => {
    t = await startTestApp();
    await generateProvinceDataset(t.dataSource, { unitsPerRegion: UNITS_PER_REGION, years: YEARS, seed: 7 });
    // Crafted documents written over synthetic report ids through the product's write path.
    const targets: { id: string; fiscal_year: number }[] = await t.dataSource.query(
      `SELECT id, fiscal_year FROM report ORDER BY id LIMIT $1`, [CRAFTED],
    );
    const random = prng(20261201);
    const rows = new ReportRowsRepository();
    await t.dataSource.transaction(async (m) => {
      for (const [i, target] of targets.entries()) {
        const { doc, halves } = craft(random, target.fiscal_year, i);
        halfwayCount += halves;
        await rows.replace(m, target.id, doc);
      }
    });
    // Negative stated adjustments (追减) on synthetic reports, some landing on halves: initial × 6.25 %.
    const [negative] = (await t.dataSource.query(`
      UPDATE report_budget SET adjustment_stated_amount = -round(initial_amount * 0.0625, 2)
       WHERE line = 'total' AND report_id IN (SELECT id FROM report WHERE is_synthetic ORDER BY id DESC LIMIT 500)
      RETURNING report_id`)) as [{ report_id: string }[], number];
    await t.dataSource.transaction((m) => rows.refreshMetrics(m, negative.map((r) => r.report_id)));
  }, 600_000);
  afterAll(() => t.close());

  it('the dataset is province-sized and holds the boundaries it is meant to', async () => {
    const [{ reports, negatives }] = await t.dataSource.query(
      `SELECT count(*)::int AS reports, count(*) FILTER (WHERE adjustment_ratio < 0)::int AS negatives FROM report_metric`,
    );
    expect(reports).toBeGreaterThan(UNITS_PER_REGION * YEARS.length * 100);
    expect(negatives).toBeGreaterThan(500);
    expect(halfwayCount).toBeGreaterThan(CRAFTED);
  });

  it('executionRate, adjustmentRatio, threePublicControlRate, projectShare and indicatorCompletion: every report', async () => {
    const budget: StoredRow[] = await t.dataSource.query(
      `SELECT r.id, r.fiscal_year, b.line, b.initial_amount, b.adjusted_amount, b.actual_amount, b.carryover_amount, b.adjustment_stated_amount
         FROM report r LEFT JOIN report_budget b ON b.report_id = r.id`,
    );
    const docs = new Map<string, ReportDocument>();
    const docOf = (id: string) => {
      let doc = docs.get(id);
      if (!doc) {
        doc = emptyReportDocument({ fileName: id, sha256: '', format: 'json' });
        docs.set(id, doc);
      }
      return doc;
    };
    for (const b of budget) {
      const doc = docOf(b.id);
      if (b.line === null) continue;
      const line = doc.budget[b.line as 'total' | 'basic' | 'project'];
      line.initial = num(b.initial_amount);
      line.adjusted = num(b.adjusted_amount);
      line.actual = num(b.actual_amount);
      if (b.line === 'total') {
        doc.budget.total.carryover = num(b.carryover_amount);
        doc.budget.total.adjustmentStated = num(b.adjustment_stated_amount);
      }
    }
    for (const tp of await t.dataSource.query(`SELECT report_id, budget, actual FROM report_three_public`) as { report_id: string; budget: string | null; actual: string | null }[]) {
      docOf(tp.report_id).threePublic.budget = num(tp.budget);
      docOf(tp.report_id).threePublic.actual = num(tp.actual);
    }
    const indicators: { report_id: string; level1: string | null; level2: string | null; name: string | null; target: string | null; actual: string | null; weight: string | null; score: string | null }[] =
      await t.dataSource.query(`SELECT report_id, level1, level2, name, target, actual, weight, score FROM report_indicator ORDER BY report_id, position`);
    for (const i of indicators) {
      docOf(i.report_id).indicators.push({
        level1: i.level1, level2: i.level2, name: i.name, target: i.target, actual: i.actual, weight: num(i.weight), score: num(i.score), note: null,
      });
    }

    const sql: Record<string, string | null>[] = await t.dataSource.query(
      `SELECT report_id, execution_rate, adjustment_ratio, three_public_control_rate, project_share, indicator_completion FROM report_metric`,
    );
    expect(sql.length).toBe(docs.size);
    const metrics = ['executionRate', 'adjustmentRatio', 'threePublicControlRate', 'projectShare', 'indicatorCompletion'] as const;
    const mismatches: Record<string, string[]> = Object.fromEntries(metrics.map((k) => [k, []]));
    const nonNull: Record<string, number> = Object.fromEntries(metrics.map((k) => [k, 0]));
    let floatDisagreements = 0;
    for (const m of sql) {
      const doc = docs.get(m.report_id!)!;
      const ts = { ...budgetMetrics(doc), indicatorCompletion: indicatorCompletion(doc.indicators) };
      const fromSql = {
        executionRate: num(m.execution_rate), adjustmentRatio: num(m.adjustment_ratio), threePublicControlRate: num(m.three_public_control_rate),
        projectShare: num(m.project_share), indicatorCompletion: num(m.indicator_completion),
      };
      for (const k of metrics) {
        if (fromSql[k] !== null) nonNull[k] += 1;
        if (ts[k] !== fromSql[k]) mismatches[k]!.push(`${m.report_id}: SQL ${fromSql[k]} vs libs/metrics ${ts[k]}`);
      }
      const tp = doc.threePublic;
      if (tp.actual !== null && tp.budget) floatDisagreements += Number(floatPercent(tp.actual, tp.budget) !== fromSql.threePublicControlRate);
    }
    expect(mismatches).toEqual(Object.fromEntries(metrics.map((k) => [k, []])));
    for (const k of metrics) expect(nonNull[k]).toBeGreaterThan(sql.length / 2);
    // The float rounding the project used before disagrees on the boundaries; the property would catch it.
    expect(floatDisagreements).toBeGreaterThan(100);
    process.stdout.write(`metric property: ${sql.length} reports × ${metrics.length} metrics equal; old float rounding disagreed on ${floatDisagreements} 三公 rates\n`);
  }, 300_000);

  it('scoreRate per 一级 category: every report', async () => {
    const reports: { id: string; unit_id: string }[] = await t.dataSource.query(`SELECT id, unit_id FROM report`);
    const indicators: { report_id: string; level1: string | null; level2: string | null; weight: string | null; score: string | null }[] =
      await t.dataSource.query(`SELECT report_id, level1, level2, weight, score FROM report_indicator ORDER BY report_id, position`);
    const breakdown: { report_id: string; level1: string | null; level2: string | null; weight: string | null; score: string | null }[] =
      await t.dataSource.query(`SELECT report_id, level1, level2, weight, score FROM report_score_breakdown ORDER BY report_id, position`);
    const by = <T extends { report_id: string }>(rows: T[]) => {
      const map = new Map<string, T[]>();
      for (const r of rows) {
        const list = map.get(r.report_id);
        if (list) list.push(r);
        else map.set(r.report_id, [r]);
      }
      return map;
    };
    const ind = by(indicators);
    const brk = by(breakdown);
    const compare = t.app.get(CompareService);
    let checked = 0;
    const mismatches: string[] = [];
    for (let start = 0; start < reports.length; start += 2_000) {
      const chunk = reports.slice(start, start + 2_000);
      const sql = await compare.categoryRates(chunk.map((r) => r.id));
      const sqlBy = new Map<string, string[]>();
      for (const x of sql) {
        const key = JSON.stringify([x.category, x.weight, x.score, x.scoreRate]);
        const list = sqlBy.get(x.reportId);
        if (list) list.push(key);
        else sqlBy.set(x.reportId, [key]);
      }
      for (const r of chunk) {
        const ts = scoreRatesByLevel1(
          (ind.get(r.id) ?? []).map((i) => ({ level1: i.level1, level2: i.level2, name: null, target: null, actual: null, weight: num(i.weight), score: num(i.score), note: null })),
          (brk.get(r.id) ?? []).map((b) => ({ level1: b.level1!, level2: b.level2, weight: num(b.weight), score: num(b.score) })),
        ).map((x) => JSON.stringify([categoryOf(x.level1, null) ?? '其他', x.weight, x.score, x.scoreRate]));
        const fromSql = sqlBy.get(r.id) ?? [];
        if (JSON.stringify([...ts].sort()) !== JSON.stringify([...fromSql].sort())) mismatches.push(`${r.id}: SQL ${fromSql.join(' ')} vs libs/metrics ${ts.join(' ')}`);
        checked += ts.length;
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(checked).toBeGreaterThan(reports.length * 2);
  }, 300_000);
});
