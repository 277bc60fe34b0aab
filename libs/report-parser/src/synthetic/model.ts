import type { Grade, IndicatorRow, ReportDocument, UnitLevel } from '@hunan-perf/contracts';
import { DEPARTMENTS, INDICATOR_POOL, MEASURES, PROBLEMS, Random, placeName } from './random.js';

export const SYNTHETIC_LAYOUTS = ['tab-tables', 'narrative', 'key-value', 'cell-per-line', 'multi-table'] as const;
export type SyntheticLayout = (typeof SYNTHETIC_LAYOUTS)[number];

/** The values a synthetic report is written from: what a perfect extraction returns. */
export type SyntheticValues = Pick<ReportDocument, 'unit' | 'fiscalYear' | 'reportDate' | 'score' | 'budget' | 'threePublic' | 'staff' | 'indicators' | 'findings'> & {
  /** Weight and score of the budget-execution row (年度资金总额 / 预算执行率). */
  execution: { weight: number; score: number };
  regionPrefix: string;
};

const r2 = (n: number): number => Math.round(n * 100) / 100;

function gradeOf(score: number): Grade {
  return score >= 90 ? '优' : score >= 80 ? '良' : score >= 60 ? '中' : '差';
}
const GRADE_TEXT: Record<Grade, string> = { 优: '优秀', 良: '良好', 中: '中', 差: '差' };

export function makeValues(seed: number, layout: SyntheticLayout): SyntheticValues {
  const rnd = new Random(seed);
  const kind = rnd.int(0, 2);
  const place = placeName(rnd);
  const regionName = kind === 0 ? `${place}县` : kind === 1 ? `${place}区` : `${place}市`;
  const regionPrefix = kind === 1 ? `${placeName(rnd)}市` : '';
  const level: UnitLevel = kind === 2 ? 'city' : 'county';
  const name = `${regionPrefix}${regionName}${rnd.pick(DEPARTMENTS)}`;
  const fiscalYear = rnd.int(2019, 2025);
  const reportDate = `${fiscalYear + 1}-0${rnd.int(3, 6)}-${String(rnd.int(10, 28))}`;

  const basicInitial = rnd.money(300, 3000);
  const projectInitial = rnd.money(20, 2000);
  const basicAdjusted = r2(basicInitial + rnd.money(0, 300));
  const projectAdjusted = r2(projectInitial + rnd.money(0, 800));
  const basicActual = r2(basicAdjusted * (0.85 + rnd.next() * 0.2));
  const projectActual = r2(projectAdjusted * (0.7 + rnd.next() * 0.35));
  const hasAdjusted = layout === 'cell-per-line' || layout === 'multi-table';
  const totalInitial = r2(basicInitial + projectInitial);
  const totalAdjusted = hasAdjusted ? r2(basicAdjusted + projectAdjusted) : null;
  const totalActual = r2(basicActual + projectActual);
  const rate = r2((totalActual / (totalAdjusted ?? totalInitial)) * 100);

  const reception = rnd.money(0.5, 15);
  const vehicleOperation = rnd.money(0, 20);
  const vehiclePurchase = rnd.pick([0, rnd.money(5, 30)]);
  const overseas = rnd.pick([0, 0, rnd.money(1, 8)]);
  const tpActual = r2(reception + vehicleOperation + vehiclePurchase + overseas);
  const tpBudget = r2(tpActual + rnd.money(0, 20));
  const tpPrior = rnd.money(5, 60);

  const quota = rnd.int(10, 150);
  const staffActual = quota - rnd.int(0, Math.min(8, quota - 1));

  // Indicators: some rows of the pool; weights 90 spread over rows, execution 10.
  const rows = rnd.sample(INDICATOR_POOL, rnd.int(6, 10)).sort((a, b) => INDICATOR_POOL.indexOf(a) - INDICATOR_POOL.indexOf(b));
  const weights = rows.map(() => 1);
  for (let left = 90 - rows.length; left > 0; left--) weights[rnd.int(0, rows.length - 1)]! += 1;
  const indicators: IndicatorRow[] = rows.map((row, i) => {
    const weight = weights[i] as number;
    const score = rnd.next() < 0.7 ? weight : Math.max(0, weight - rnd.int(1, Math.min(3, weight)));
    return { level1: row.level1, level2: row.level2, name: row.name, target: row.target, actual: row.actual, weight, score, note: null };
  });
  const execution = { weight: 10, score: rnd.pick([10, 10, 9, 8]) };
  const total = r2(indicators.reduce((a, r) => a + (r.score ?? 0), 0) + execution.score);
  const grade = gradeOf(total);
  const hasScore = layout !== 'narrative';

  const problems = rnd.sample(PROBLEMS, rnd.int(1, 4));
  const measures = rnd.sample(MEASURES, rnd.int(1, 4));

  return {
    unit: { name, regionName, level },
    fiscalYear,
    reportDate: layout === 'narrative' || layout === 'key-value' ? null : reportDate,
    score: hasScore ? { total, grade: layout === 'key-value' ? null : grade, gradeText: layout === 'key-value' ? null : layout === 'tab-tables' ? GRADE_TEXT[grade] : grade } : { total: null, grade: null, gradeText: null },
    budget: {
      total: { initial: layout === 'key-value' ? null : totalInitial, adjusted: totalAdjusted, actual: layout === 'narrative' ? null : totalActual, executionRateStated: layout === 'narrative' || layout === 'key-value' ? null : rate },
      basic: { initial: layout === 'key-value' ? null : basicInitial, adjusted: layout === 'multi-table' ? basicAdjusted : null, actual: layout === 'narrative' ? null : basicActual },
      project: { initial: projectInitial, adjusted: layout === 'multi-table' ? projectAdjusted : null, actual: layout === 'narrative' ? null : projectActual },
    },
    threePublic:
      layout === 'narrative'
        ? { budget: null, actual: null, priorYearActual: null, reception: null, vehiclePurchase: null, vehicleOperation: null, overseas: null }
        : { budget: layout === 'key-value' ? null : tpBudget, actual: tpActual, priorYearActual: layout === 'key-value' ? null : tpPrior, reception, vehiclePurchase, vehicleOperation, overseas },
    staff: { quota, actual: staffActual },
    indicators: hasScore ? indicators : [],
    findings: { problems, measures },
    execution,
    regionPrefix,
  };
}
