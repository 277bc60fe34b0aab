import type { SyntheticValues } from './model.js';
import { MARK, cnMarker, findingsLines, grouped, level1Weights, parenMarker } from './layouts.js';

/** One table row of a .docx export: each cell on its own line starting with a tab, a blank line after. */
const row = (...cells: (string | number | null)[]): string[] => [...cells.map((c) => `\t${c === null ? '' : String(c)}`), ''];
const pct = (n: number | null): string => (n === null ? '' : `${n}%`);

function indicatorRows(v: SyntheticValues, wrapLevel1: boolean): string[] {
  const w1 = level1Weights(v);
  return grouped(v.indicators).flatMap(({ l1, l2, row: r }) =>
    row('', l1 ? (wrapLevel1 ? `${l1}\n(${w1.get(l1)}分)` : `${l1}（${w1.get(l1)}分）`) : '', l2, r.name, r.target, r.actual, r.weight, r.score, ''),
  );
}

function basicDataTable(v: SyntheticValues): string[] {
  const t = v.threePublic;
  return [
    ...row('财政供养人员情况（人）', '编制数', `${v.fiscalYear}年实际在职人数`, '控制率'),
    ...row('', v.staff.quota, v.staff.actual, '100%'),
    ...row('经费控制情况（万元）', `${v.fiscalYear! - 1}年决算数`, `${v.fiscalYear}年预算数`, `${v.fiscalYear}年决算数`),
    ...row('三公经费', t.priorYearActual, t.budget, t.actual),
    ...row('   1、公务用车购置和维护经费', '', '', (t.vehiclePurchase ?? 0) + (t.vehicleOperation ?? 0)),
    ...row(' 其中：公车购置', '', '', t.vehiclePurchase),
    ...row('         公车运行维护', '', '', t.vehicleOperation),
    ...row('2、出国经费', '', '', t.overseas),
    ...row('3、公务接待', '', '', t.reception),
    ...row('项目支出：', '', v.budget.project.initial, v.budget.project.actual),
  ];
}

function budgetTable(v: SyntheticValues, withLines: boolean): string[] {
  const b = v.budget;
  return [
    ...row('年度预\n算申请\n（万元）', '', '年初\n预算数', '全年预算数', '全年\n执行数', '分值', '执行率', '得分'),
    ...row('', '年度资金总额', b.total.initial, b.total.adjusted, b.total.actual, v.execution.weight, pct(b.total.executionRateStated), v.execution.score),
    ...(withLines
      ? [
          ...row('', '基本支出', b.basic.initial, b.basic.adjusted, b.basic.actual, '——', '——', '——'),
          ...row('', '项目支出', b.project.initial, b.project.adjusted, b.project.actual, '——', '——', '——'),
        ]
      : []),
  ];
}

const HEADER = ['绩\n效\n指\n标', '一级指标', '二级指标', '三级指标', '年度\n指标值', '实际\n完成值', '分值', '自评\n得分', '偏差原因\n分析及\n改进措施'];

/** 益阳-like: a .docx export, one cell per line, basic/project figures in prose. */
export function cellPerLine(v: SyntheticValues): string[] {
  const b = v.budget;
  return [
    '', '', '',
    `${v.fiscalYear}年度${v.unit.name}`,
    '整体支出绩效自评报告',
    MARK,
    '一、基本情况',
    `${v.fiscalYear}年末，共有编制人数${v.staff.quota}人，实有在职人数${v.staff.actual}人。`,
    '二、一般公共预算支出情况',
    '（一）基本支出情况',
    `${v.fiscalYear}年财政批复的基本支出年初预算为${b.basic.initial}万元，年中调整追加${Math.round(((b.basic.actual ?? 0) * 0.05) * 100) / 100}万元，本年实际支出${b.basic.actual}万元。`,
    '（二）项目支出情况',
    `${v.fiscalYear}年财政批复的项目支出年初预算为${b.project.initial}万元，本年实际支出${b.project.actual}万元。`,
    '（三）绩效自评结论',
    `根据基础数据分析计算，部门整体支出自评综合得分为${v.score.total}分，为“${v.score.gradeText}”等级。`,
    ...findingsLines(v, '七、存在的问题及原因分析', '八、下一步改进措施', cnMarker).filter(Boolean),
    '',
    v.unit.name ?? '',
    `${v.reportDate!.slice(0, 4)}年${Number(v.reportDate!.slice(5, 7))}月${Number(v.reportDate!.slice(8, 10))}日`,
    '',
    '附件1',
    `${v.fiscalYear}年度部门整体支出绩效评价基础数据表`,
    ...basicDataTable(v),
    '附件2',
    `${v.fiscalYear}年度部门整体支出绩效自评表`,
    ...row('预算部门、单位名称', `${v.unit.name}\u3000`),
    ...budgetTable(v, false),
    ...row(...HEADER),
    ...indicatorRows(v, true),
    ...row('总分', 100, v.score.total),
  ];
}

/** 湘西-like: several tables, a one-level score table, basic/project in the formal table. */
export function multiTable(v: SyntheticValues): string[] {
  const w1 = level1Weights(v);
  const s1 = new Map<string, number>();
  for (const r of v.indicators) s1.set(r.level1 ?? '', (s1.get(r.level1 ?? '') ?? 0) + (r.score ?? 0));
  return [
    ...row('一、部门（单位）基本概况'),
    ...row('人员编制', v.staff.quota, '实有人数', v.staff.actual),
    ...row('绩效自评综合得分', `评分：${v.score.total}`),
    ...row('评价等次', `等级：${v.score.gradeText}`),
    '',
    '部门整体支出绩效自评报告',
    MARK,
    '一、基本情况',
    `截止${v.fiscalYear}年12月31日，经编委核定的编制人数为${v.staff.quota}人，年末实有在职人员${v.staff.actual}人。`,
    '七、综合评价情况及评价结论',
    `通过此次绩效自评，本单位部门整体支出绩效自评得分为${v.score.total}分，本局评价结果等次为“${v.score.gradeText}”。`,
    ...row('一级指标', '指标分值', '自评得分', '得分率'),
    ...row('预算执行率', v.execution.weight, v.execution.score, ''),
    ...[...w1.entries()].flatMap(([l1, w]) => row(l1, w, Math.round((s1.get(l1) ?? 0) * 100) / 100, '')),
    ...row('合  计', 100, v.score.total, ''),
    '',
    '八、主要经验做法、存在的问题及原因分析',
    ...findingsLines(v, '2.存在的问题及原因分析', '3.下一步改进措施', parenMarker).filter(Boolean),
    '',
    v.unit.name ?? '',
    `${v.reportDate!.slice(0, 4)}年${Number(v.reportDate!.slice(5, 7))}月`,
    '',
    '         附件1 ',
    '州级预算部门整体支出绩效评价基础数据表',
    ...basicDataTable(v),
    `单位负责人签字：         填表人：张三  填报日期：${v.reportDate!.slice(0, 4)}年${Number(v.reportDate!.slice(5, 7))}月${Number(v.reportDate!.slice(8, 10))}日`,
    '附件2',
    '部门整体支出绩效自评表',
    `（${v.fiscalYear}年度）`,
    ...row('预算部门名  称', v.unit.name),
    ...budgetTable(v, true),
    ...row(...HEADER),
    ...indicatorRows(v, true),
    ...row('总分', 100, v.score.total, ''),
  ];
}
