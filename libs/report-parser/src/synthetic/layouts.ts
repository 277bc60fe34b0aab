import type { IndicatorRow } from '@hunan-perf/contracts';
import type { SyntheticValues } from './model.js';

export const MARK = '（本报告为合成测试数据 SYNTHETIC，由生成器随机生成，不代表任何真实单位。）';
const CN = '〇一二三四五六七八九';
const cnYear = (y: number): string => String(y).split('').map((d) => CN[Number(d)]).join('');
const cnSmall = (n: number): string => (n <= 10 ? (n === 10 ? '十' : CN[n]!) : n < 20 ? `十${CN[n - 10]}` : `${CN[Math.floor(n / 10)]}十${n % 10 ? CN[n % 10] : ''}`);
function dateParts(iso: string): number[] {
  return iso.split('-').map(Number);
}
const fmt = (n: number | null): string => (n === null ? '' : String(n));
const pct = (n: number | null): string => (n === null ? '' : `${n}%`);

export function findingsLines(v: SyntheticValues, problemsHeading: string, measuresHeading: string, marker: (i: number) => string): string[] {
  return [
    problemsHeading,
    '',
    ...v.findings.problems.flatMap((p, i) => [`${marker(i)}${p}。经自查发现，相关工作仍需持续改进。`, '']),
    measuresHeading,
    '',
    ...v.findings.measures.flatMap((p, i) => [`${marker(i)}${p}。下一年度将把该项措施落到实处。`, '']),
  ];
}
export const cnMarker = (i: number): string => `（${cnSmall(i + 1)}）`;
const numMarker = (i: number): string => `${i + 1}、`;
export const parenMarker = (i: number): string => `（${i + 1}）`;

/** Groups rows so that each 一级/二级 label is written on the first row of its group only. */
export function grouped(rows: IndicatorRow[]): { l1: string; l2: string; row: IndicatorRow }[] {
  let p1 = '';
  let p2 = '';
  return rows.map((row) => {
    const l1 = row.level1 !== p1 ? (row.level1 ?? '') : '';
    const l2 = row.level1 !== p1 || row.level2 !== p2 ? (row.level2 ?? '') : '';
    p1 = row.level1 ?? '';
    p2 = row.level2 ?? '';
    return { l1, l2, row };
  });
}

export function level1Weights(v: SyntheticValues): Map<string, number> {
  const w = new Map<string, number>();
  for (const r of v.indicators) w.set(r.level1 ?? '', (w.get(r.level1 ?? '') ?? 0) + (r.weight ?? 0));
  return w;
}

/** 浏阳-like: tab-separated 附件 tables after a prose report. */
export function tabTables(v: SyntheticValues): string[] {
  const [yy, mm, dd] = dateParts(v.reportDate ?? '2000-01-01');
  const b = v.budget;
  const t = v.threePublic;
  const w1 = level1Weights(v);
  return [
    '',
    v.unit.name ?? '',
    `${v.fiscalYear} 年部门整体支出绩效自评报告`,
    MARK,
    `${cnYear(yy!)}年${cnSmall(mm!)}月${cnSmall(dd!)}日`,
    '',
    '一、部门概况',
    '',
    `${v.fiscalYear}年，我单位整体支出${b.total.actual}万元，其中基本支出${b.basic.actual}万元，项目支出${b.project.actual}万元。`,
    '',
    '二、部门整体支出资金管理及使用情况',
    '',
    '（一）基本支出',
    '',
    `${v.fiscalYear}年，我单位年初基本支出预算${b.basic.initial}万元，年终基本支出决算${b.basic.actual}万元。`,
    '',
    '（二）项目支出',
    '',
    `${v.fiscalYear}年我单位项目支出预算${b.project.initial}万元，项目支出实际支出${b.project.actual}万元。`,
    '',
    ...findingsLines(v, '六、存在的主要问题', '七、改进措施和有关建议', numMarker),
    '八、部门整体支出绩效评价等级',
    '',
    `经评价，项目综合评分为 ${v.score.total} 分，评价等次为“${v.score.gradeText}”。`,
    '',
    '附件 1',
    '',
    '部门整体支出绩效自评基础数据表',
    '',
    `填报单位：${v.unit.name}`,
    '',
    `财政供养人员情况\t编制数\t${v.fiscalYear} 年实际在职人数\t控制率`,
    `\t${v.staff.quota}\t${v.staff.actual}\t${pct(Math.round(((v.staff.actual ?? 0) / (v.staff.quota ?? 1)) * 10000) / 100)}`,
    `经费控制情况\t${v.fiscalYear! - 1} 年决算数\t${v.fiscalYear} 年预算数\t${v.fiscalYear} 年决算数`,
    `三公经费\t${t.priorYearActual}\t${t.budget}\t${t.actual}`,
    `1、公务用车购置和维护经费\t/\t/\t${(t.vehiclePurchase ?? 0) + (t.vehicleOperation ?? 0)}`,
    `其中：公车购置\t/\t/\t${fmt(t.vehiclePurchase)}`,
    `公车运行维护\t/\t/\t${fmt(t.vehicleOperation)}`,
    `2、出国经费\t/\t/\t${fmt(t.overseas)}`,
    `3、公务接待\t/\t/\t${fmt(t.reception)}`,
    `项目支出：\t\t${b.project.initial}\t${b.project.actual}`,
    '',
    '附件 2',
    '',
    `${v.fiscalYear} 年部门整体支出绩效自评表`,
    '',
    `部门（单位）名称\t\t${v.unit.name}\t\t\t\t\t`,
    '整体支出规模\t\t\t年初预算数\t全年执行数\t执行率\t分值\t得分',
    `\t\t年度资金总额\t${b.total.initial}\t${b.total.actual}\t${pct(b.total.executionRateStated)}\t${v.execution.weight}\t${v.execution.score}`,
    `\t\t（1）基本支出\t${b.basic.initial}\t${b.basic.actual}\t\t\t`,
    `\t\t（2）项目支出\t${b.project.initial}\t${b.project.actual}\t\t\t`,
    '一级指标\t二级指标\t三级指标\t年度指标值\t全年完成值\t分值\t自评得分\t偏差及原因分析',
    ...grouped(v.indicators).map(({ l1, l2, row }) => `${l1 ? `${l1}（${w1.get(l1)}分）` : ''}\t${l2}\t${row.name}\t${row.target}\t${row.actual}\t${row.weight}\t${row.score}\t`),
    `总分\t\t\t\t\t100\t${v.score.total}\t`,
    '',
  ];
}

/** 望城-like: prose only. */
export function narrative(v: SyntheticValues): string[] {
  const b = v.budget;
  return [
    '',
    `${v.fiscalYear}年度${v.unit.name} 整体支出预算绩效自评报告`,
    MARK,
    '',
    '一、部门基本情况',
    '',
    `局机关共有 ${v.staff.quota} 个编制，${v.fiscalYear} 年年末局机关实有在职人数 ${v.staff.actual} 人。`,
    '',
    '二、部门整体预算支出情况',
    '',
    `${v.fiscalYear} 年一般公共预算拨款收入 ${b.total.initial} 万元，具体安排情况如下：`,
    '',
    '（一）基本支出情况',
    '',
    `${v.fiscalYear} 年年初预算数为 ${b.basic.initial} 万元，是指为保障单位机构正常运转而发生的各项支出。`,
    '',
    '（二）项目支出情况',
    '',
    `${v.fiscalYear} 年年初预算数为 ${b.project.initial} 万元，是指单位为完成特定行政工作任务而发生的支出。`,
    '',
    ...findingsLines(v, '四、存在的问题及原因分析', '五、下一步改进措施', numMarker),
  ];
}

/** 湘潭县-like: a key–value table flattened into tab lines, the indicator table as pipes or space-aligned OCR rows. */
export function keyValue(v: SyntheticValues, spaceAligned: boolean): string[] {
  const b = v.budget;
  const t = v.threePublic;
  const share = (n: number | null): string => (Math.round(((n ?? 0) / (b.total.actual ?? 1)) * 10000) / 100).toFixed(2);
  const table = spaceAligned
    ? // OCR output: empty cells vanish, so a row without its 一级/二级 labels is simply shorter.
      ['一级指标  二级指标  三级指标  指标值  完成值  分值  得分', ...grouped(v.indicators).map(({ l1, l2, row: r }) => [l1, l2, r.name, r.target, r.actual, r.weight, r.score].filter((c) => c !== '').join('  ')), `合计  100  ${v.score.total}`]
    : ['| 一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 | 分值 | 得分 |', '|---|---|---|---|---|---|---|', ...grouped(v.indicators).map(({ l1, l2, row }) => `| ${l1} | ${l2} | ${row.name} | ${row.target} | ${row.actual} | ${row.weight} | ${row.score} |`), `| 合计 | | | | | 100 | ${v.score.total} |`];
  return [
    `## ${v.unit.name} ${v.fiscalYear} 年部门整体支出绩效评价报告`,
    MARK,
    '',
    `部门概况\t单位名称\t${v.unit.name}\t\t`,
    `\t年度预算金额\t${v.fiscalYear}年预算金额支出 ${b.total.actual} 万元, 其中: 基本支出 ${b.basic.actual} 万元, 占${share(b.basic.actual)}%; 项目支出 ${b.project.actual} 万元, 占${share(b.project.actual)}%\t\t`,
    `\t人员情况\t编制数 ${v.staff.quota} 人, 实有在职人数 ${v.staff.actual} 人\t\t`,
    `\t三公经费\t"三公经费"支出情况:公用经费实际支出${t.actual}万元,其中:公用接待费${t.reception}万元,公务用车运维费${t.vehicleOperation}万元,公务用车购置费${t.vehiclePurchase}万元,因公出国费${t.overseas}万元。\t\t`,
    '',
    '#### 3、项目资金来源及使用情况',
    '',
    `${v.fiscalYear}年初预算安排项目资金 ${b.project.initial} 万元。其他项目资金为年中追加预算的专项资金。`,
    '',
    ...findingsLines(v, '四、存在的问题', '五、改进措施', (i) => `${i + 1}. `),
    `# ${v.unit.name} ${v.fiscalYear} 年 部门整体支出绩效评价指标完成情况表`,
    '',
    ...table,
    '',
  ];
}
