import type { ReportDocument, ReportWarning } from '@hunan-perf/contracts';
import { gradeFor, normaliseGrade } from '@hunan-perf/metrics';
import type { IndicatorResult } from '../extract/indicators.js';
import type { BudgetScoreRow } from '../extract/budget.js';
import { round2 } from '../numbers/parse-number.js';

const fmt = (n: number): string => String(round2(n));
const KEY_LABELS = { initial: '年初预算数', adjusted: '全年预算数', actual: '全年执行数' } as const;
const LINE_LABELS = { total: '部门整体支出', basic: '基本支出', project: '项目支出' } as const;
const near = (a: number, b: number, tolerance: number): boolean => Math.abs(a - b) <= tolerance + 1e-9;

function sum(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? round2(present.reduce((a, b) => a + b, 0)) : null;
}

/** The contract's warning codes, computed from the extracted values and the tables they came from. */
export function validateReport(doc: ReportDocument, found: IndicatorResult, budgetRow: BudgetScoreRow | null): ReportWarning[] {
  const w: ReportWarning[] = [];
  const push = (code: ReportWarning['code'], path: string | null, message: string): void => {
    w.push({ code, path, message });
  };
  const { total, basic, project } = doc.budget;

  if (doc.score.total === null) push('MISSING_SCORE', 'score.total', '未找到总分（自评得分/综合得分/总分）');
  if (total.initial === null && total.adjusted === null && total.actual === null) {
    push('MISSING_BUDGET', 'budget.total', '未找到部门整体预算金额（年初预算数、全年预算数或全年执行数）');
  }
  if (doc.indicators.length === 0) push('MISSING_INDICATORS', 'indicators', '未找到绩效指标表（一级/二级/三级指标）');

  // Scores in the tables against the stated total.
  if (doc.score.total !== null) {
    const rowScores = sum(doc.indicators.map((r) => r.score));
    if (rowScores !== null) {
      const withBudget = round2(rowScores + (budgetRow?.score ?? 0));
      if (!near(withBudget, doc.score.total, 0.01)) {
        push('SCORE_SUM_MISMATCH', 'score.total', `指标得分${budgetRow?.score != null ? '加预算执行率得分' : ''}合计 ${fmt(withBudget)} 分，与所填总分 ${fmt(doc.score.total)} 分不符`);
      }
    }
    if (found.explicitBreakdown.length) {
      const s = sum(found.explicitBreakdown.map((b) => b.row.score));
      if (s !== null && !near(s, doc.score.total, 0.01)) {
        push('SCORE_SUM_MISMATCH', 'scoreBreakdown', `一级指标得分表（第 ${found.explicitBreakdown[0]!.line} 行）合计 ${fmt(s)} 分，与所填总分 ${fmt(doc.score.total)} 分不符`);
      }
    }
  }

  // Weights against 100 and against the weight their 一级/二级 header states.
  const childrenOf = level2Children(found.groups);
  for (const g of found.groups) {
    if (g.weight === null) continue;
    const name = g.level2 ?? g.level1;
    const children = g.level2 === null ? childrenOf(g) : [];
    let childSum: number | null = null;
    if (children.length && children.every((c) => c.weight !== null)) childSum = sum(children.map((c) => c.weight));
    else if (g.rows.length && g.rows.every((r) => r.row.weight !== null)) childSum = sum(g.rows.map((r) => r.row.weight));
    if (childSum !== null && !near(childSum, g.weight, 0.01)) {
      push('WEIGHT_SUM_MISMATCH', 'indicators', `${name}标明分值 ${fmt(g.weight)}（第 ${g.line} 行），其下各行分值合计 ${fmt(childSum)}`);
    }
  }
  const rowWeights = doc.indicators.every((r) => r.weight !== null) ? sum(doc.indicators.map((r) => r.weight)) : null;
  const level1Groups = found.groups.filter((g) => g.level2 === null);
  const level1Weights = level1Groups.length && level1Groups.every((g) => g.weight !== null) ? sum(level1Groups.map((g) => g.weight)) : null;
  const allWeights = rowWeights ?? level1Weights;
  if (allWeights !== null && doc.indicators.length) {
    const expected = found.total?.weight ?? 100;
    const withBudget = round2(allWeights + (budgetRow?.weight ?? 0));
    if (!near(withBudget, expected, 0.01) && !near(allWeights, expected, 0.01)) {
      push('WEIGHT_SUM_MISMATCH', 'indicators', `指标分值${budgetRow?.weight != null ? '加预算执行率分值' : ''}合计 ${fmt(withBudget)}，不是 ${fmt(expected)}`);
    }
  }
  if (found.explicitBreakdown.length) {
    const s = sum(found.explicitBreakdown.map((b) => b.row.weight));
    if (s !== null && !near(s, 100, 0.01)) push('WEIGHT_SUM_MISMATCH', 'scoreBreakdown', `一级指标分值合计 ${fmt(s)}，不是 100`);
  }

  // Stated execution rate against its own amounts.
  const denominator = total.adjusted ?? total.initial;
  if (total.executionRateStated !== null && total.actual !== null && denominator) {
    const computed = (total.actual / denominator) * 100;
    const stated = total.executionRateStated;
    // Some tables compute the rate against the initial budget: that is still "its own amounts".
    const againstInitial = total.initial ? (total.actual / total.initial) * 100 : null;
    if (Math.abs(computed - stated) > 0.1 && (againstInitial === null || Math.abs(againstInitial - stated) > 0.1)) {
      push('RATE_MISMATCH', 'budget.total.executionRateStated', `所填执行率 ${fmt(total.executionRateStated)}%，但 ${fmt(total.actual)} ÷ ${fmt(denominator)} = ${fmt(computed)}%`);
    }
  }

  // basic + project against total.
  for (const key of ['initial', 'adjusted', 'actual'] as const) {
    const t = total[key];
    const b = basic[key];
    const p = project[key];
    if (t !== null && b !== null && p !== null && Math.abs(b + p - t) > 0.05) {
      push('TOTAL_MISMATCH', `budget.total.${key}`, `基本支出 ${fmt(b)} + 项目支出 ${fmt(p)} = ${fmt(b + p)} 万元，而部门整体${KEY_LABELS[key]}为 ${fmt(t)} 万元`);
    }
  }

  // Stated grade against the score band.
  if (doc.score.total !== null && doc.score.gradeText !== null) {
    const stated = normaliseGrade(doc.score.gradeText);
    const band = gradeFor(doc.score.total);
    if (stated !== null && stated !== band) push('GRADE_MISMATCH', 'score.grade', `评价等级“${doc.score.gradeText}”与得分 ${fmt(doc.score.total)} 分（应为“${band}”）不符`);
  }

  // Spending above the budget it is measured against.
  for (const [name, line] of [['total', total], ['basic', basic], ['project', project]] as const) {
    const budget = line.adjusted ?? line.initial;
    if (line.actual !== null && budget !== null && line.actual > budget + 0.005) {
      push('OVER_EXECUTION', `budget.${name}`, `${LINE_LABELS[name]}执行数 ${fmt(line.actual)} 万元超过${line.adjusted !== null ? '全年预算数' : '年初预算数'} ${fmt(budget)} 万元`);
    }
  }
  return w;
}

/**
 * The 二级 groups under a 一级 group: same level1, sharing one of its rows, in group order — what
 * groups.filter((c) => c.level2 !== null && c.level1 === g.level1 && g.rows.some((r) => c.rows.includes(r)))
 * gives, through an index of the groups each row is in rather than a scan of all groups per group.
 */
function level2Children(groups: IndicatorResult['groups']): (g: IndicatorResult['groups'][number]) => IndicatorResult['groups'] {
  const level2Of = new Map<object, number[]>();
  groups.forEach((c, i) => {
    if (c.level2 === null) return;
    for (const r of c.rows) {
      const list = level2Of.get(r);
      if (!list) level2Of.set(r, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  });
  return (g) => {
    const at = new Set<number>();
    for (const r of g.rows) for (const i of level2Of.get(r) ?? []) if (groups[i]!.level1 === g.level1) at.add(i);
    return [...at].sort((a, b) => a - b).map((i) => groups[i]!);
  };
}
