import { type MetricKey, METRIC_KEYS, METRICS } from '@hunan-perf/metrics';
import type { Column } from '../exports/table.js';
import type { CompareDto, CompareRowDto, RankingsDto, TrendsDto } from './dto/analytics-responses.dto.js';
import { type OverviewAnswer, pointRows } from './overview.service.js';
import type { RecheckDto } from './dto/recheck.dto.js';
import type { IndicatorsDto } from './dto/indicators.dto.js';
import type { ProblemsDto } from './dto/recheck-problems.dto.js';
import type { QualitySummaryDto, ResultsApplicationDto } from './dto/quality-results.dto.js';
import type { UnitMetricRowDto } from './dto/unit-metric-row.dto.js';

const COMPARATORS: Record<string, string> = { atLeast: '不低于', atMost: '不高于', equal: '等于' };

const metricHeader = (key: MetricKey) => `${METRICS[key].label}（${METRICS[key].unit}）`;
const metricType = (key: MetricKey) => (METRICS[key].unit === '分' ? 'score' : 'rate') as 'score' | 'rate';

/** The unit table every comparison shares; `metrics` picks the metric columns. */
export function unitColumns(metrics: readonly MetricKey[] = METRIC_KEYS): Column<UnitMetricRowDto>[] {
  return [
    { header: '年度', type: 'int', value: (r) => r.fiscalYear },
    { header: '单位', type: 'text', value: (r) => r.unitName },
    { header: '地区', type: 'text', value: (r) => r.regionName },
    { header: '上级地区', type: 'text', value: (r) => r.parentRegionName },
    { header: '等级', type: 'text', value: (r) => r.grade },
    ...metrics.map((key): Column<UnitMetricRowDto> => ({ header: metricHeader(key), type: metricType(key), value: (r) => r[key] })),
    { header: '年初预算数（万元）', type: 'amount', value: (r) => r.budgetInitial },
    { header: '全年预算数（万元）', type: 'amount', value: (r) => r.budgetAdjusted },
    { header: '全年执行数（万元）', type: 'amount', value: (r) => r.budgetActual },
    { header: '同层级排名', type: 'int', value: (r) => r.rankInLevel },
    { header: '上级地区内排名', type: 'int', value: (r) => r.rankInParent },
    { header: '警告数', type: 'int', value: (r) => r.warningCount },
    { header: '合成数据', type: 'bool', value: (r) => r.isSynthetic },
  ];
}

export type AnalyticsKind = 'overview' | 'compare' | 'trends' | 'indicators' | 'rankings' | 'recheck' | 'problems' | 'quality' | 'results';

export const TITLES: Record<AnalyticsKind, string> = {
  overview: '总览', compare: '单位对比', trends: '趋势', indicators: '指标完成', rankings: '排名', recheck: '自评复核', problems: '问题分析',
  quality: '自评质量提示', results: '结果应用',
};

interface TableOf { columns: Column<unknown>[]; rows: unknown[] }

/** Columns and the rows they read, type-checked together where they are built; the writers take them as one table. */
function table<R>(columns: Column<R>[], rows: R[]): TableOf {
  return { columns: columns as unknown as Column<unknown>[], rows };
}

/** The rows an analytics answer exports as, with its columns. */
export function tableOf(kind: AnalyticsKind, data: unknown): TableOf {
  switch (kind) {
    case 'overview':
      return table(unitColumns() as Column<Omit<UnitMetricRowDto, 'kind'>>[], pointRows((data as OverviewAnswer).points.parse()));
    case 'compare': {
      // The page's table and radar: each unit's metrics, its rank of how many, and its 得分率 per category it has.
      const d = data as CompareDto;
      const categories = d.categories;
      const rate = (r: CompareRowDto, category: string) => d.categoryRates.find((x) => x.reportId === r.reportId && x.category === category)?.scoreRate ?? null;
      const columns: Column<CompareRowDto>[] = unitColumns(d.metrics);
      columns.splice(columns.findIndex((c) => c.header === '上级地区内排名'), 0, { header: '同层级有得分单位数', type: 'int', value: (r) => r.levelSize });
      return table(
        [...columns, ...categories.map((c): Column<CompareRowDto> => ({ header: `${c}类得分率（%）`, type: 'rate', value: (r) => rate(r, c) }))],
        d.rows,
      );
    }
    case 'rankings': {
      type R = RankingsDto['rows'][number];
      const d = data as RankingsDto;
      return table(
        [
          { header: '名次', type: 'int', value: (r: R) => r.rank },
          { header: `全省同层级名次（按${METRICS[d.metric].label}）`, type: 'int', value: (r: R) => r.levelRank },
          { header: '全省同层级有数值单位数', type: 'int', value: (r: R) => r.levelSize },
          ...unitColumns([d.metric]),
        ],
        d.rows,
      );
    }
    case 'trends': {
      const d = data as TrendsDto;
      const rows = d.series.flatMap((s) => s.points.map((p) => ({ name: s.name, kind: s.kind, ...p })));
      return table(
        [
          { header: '单位/地区', type: 'text', value: (r: (typeof rows)[number]) => r.name },
          { header: '类型', type: 'text', value: (r: (typeof rows)[number]) => (r.kind === 'unit' ? '单位' : '地区（单位均值）') },
          { header: '年度', type: 'int', value: (r: (typeof rows)[number]) => r.year },
          { header: metricHeader(d.metric), type: metricType(d.metric), value: (r: (typeof rows)[number]) => r.value },
          { header: '同比变化', type: metricType(d.metric), value: (r: (typeof rows)[number]) => r.change },
        ],
        rows,
      );
    }
    case 'indicators': {
      const d = data as IndicatorsDto;
      type R = IndicatorsDto['rows'][number];
      const status: Record<string, string> = { met: '达标', unmet: '未达标', qualitative: '定性', unknown: '无法判断' };
      return table(
        [
          { header: '单位', type: 'text', value: (r: R) => r.unitName },
          { header: '一级指标', type: 'text', value: (r: R) => r.level1 },
          { header: '二级指标', type: 'text', value: (r: R) => r.level2 },
          { header: '三级指标', type: 'text', value: (r: R) => r.name },
          { header: '年度指标值', type: 'text', value: (r: R) => r.target },
          { header: '实际完成值', type: 'text', value: (r: R) => r.actual },
          { header: '分值', type: 'score', value: (r: R) => r.weight },
          { header: '得分', type: 'score', value: (r: R) => r.score },
          { header: '比较方式', type: 'text', value: (r: R) => (r.comparator ? COMPARATORS[r.comparator] ?? null : null) },
          { header: '完成情况', type: 'text', value: (r: R) => status[r.status] ?? r.status },
        ],
        d.rows,
      );
    }
    case 'recheck': {
      const d = data as RecheckDto;
      const rows = d.rows.flatMap((r) => r.items.map((i) => ({ ...r, item: i })));
      type R = (typeof rows)[number];
      return table(
        [
          { header: '单位', type: 'text', value: (r: R) => r.unitName },
          { header: '地区', type: 'text', value: (r: R) => r.regionName },
          { header: '自评得分', type: 'score', value: (r: R) => r.selfScore },
          { header: '复核项目', type: 'text', value: (r: R) => r.item.label },
          { header: '依据（%）', type: 'rate', value: (r: R) => r.item.basis },
          { header: '分值', type: 'score', value: (r: R) => r.item.weight },
          { header: '自评得分（该项）', type: 'score', value: (r: R) => r.item.selfPoints },
          { header: '复核得分', type: 'score', value: (r: R) => r.item.recomputedPoints },
          { header: '差额', type: 'score', value: (r: R) => r.item.difference },
          { header: '自评偏高', type: 'bool', value: (r: R) => r.flagged },
          { header: '预警', type: 'text', value: (r: R) => (r.warning === 'red' ? '红' : r.warning === 'yellow' ? '黄' : null) },
        ],
        rows,
      );
    }
    case 'quality': {
      const d = data as QualitySummaryDto;
      type R = QualitySummaryDto['regions'][number];
      const count = (r: R, code: string) => r.counts.find((c) => c.code === code);
      return table(
        [
          { header: '地区', type: 'text', value: (r: R) => r.regionName },
          { header: '报告数', type: 'int', value: (r: R) => r.reports },
          { header: '有提示的报告数', type: 'int', value: (r: R) => r.flagged },
          { header: '有提示的报告占比（%）', type: 'rate', value: (r: R) => r.flaggedShare },
          ...d.flags.flatMap((f): Column<R>[] => [
            { header: `${f.title}（份）`, type: 'int', value: (r) => count(r, f.code)?.count },
            { header: `${f.title}占比（%）`, type: 'rate', value: (r) => count(r, f.code)?.share },
          ]),
        ],
        [...d.regions, d.total],
      );
    }
    case 'results': {
      const d = data as ResultsApplicationDto;
      type R = ResultsApplicationDto['rows'][number];
      const next = d.nextYear ?? '次年';
      const directions: Record<string, string> = { grew: '增加', shrank: '减少', unchanged: '持平' };
      return table(
        [
          { header: '年度', type: 'int', value: (r: R) => r.fiscalYear },
          { header: '单位', type: 'text', value: (r: R) => r.unitName },
          { header: '地区', type: 'text', value: (r: R) => r.regionName },
          { header: '等级', type: 'text', value: (r: R) => r.grade },
          { header: '等级按得分推定', type: 'bool', value: (r: R) => r.gradeDerived },
          { header: '自评得分', type: 'score', value: (r: R) => r.scoreTotal },
          { header: `${d.year ?? '当年'}年初预算数（万元）`, type: 'amount', value: (r: R) => r.budgetInitial },
          { header: `${next}年初预算数（万元）`, type: 'amount', value: (r: R) => r.nextBudgetInitial },
          { header: '年初预算变动（万元）', type: 'amount', value: (r: R) => r.changeAmount },
          { header: '年初预算变动率（%）', type: 'rate', value: (r: R) => r.changePercent },
          { header: '变动方向', type: 'text', value: (r: R) => (r.direction ? directions[r.direction] : null) },
        ],
        d.rows,
      );
    }
    case 'problems': {
      const d = data as ProblemsDto;
      type R = ProblemsDto['themes'][number];
      return table(
        [
          { header: '主题', type: 'text', value: (r: R) => r.theme },
          { header: '单位数', type: 'int', value: (r: R) => r.unitCount },
          { header: '问题条数', type: 'int', value: (r: R) => r.statementCount },
          { header: '涉及单位', type: 'text', value: (r: R) => r.units.map((u) => u.unitName).join('、') },
          { header: '示例', type: 'text', value: (r: R) => r.examples.join('\n') },
        ],
        d.themes,
      );
    }
  }
}
