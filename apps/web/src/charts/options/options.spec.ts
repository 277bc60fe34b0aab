import { parseCsv } from '@hunan-perf/contracts/csv';
import { describe, expect, it } from 'vitest';
import { compareCsv, groupedBarsOption, latestPerUnit, level1RadarOption, sortRows } from './compare';
import { heatmapCells, indicatorHeatmapOption } from './indicators';
import { choroplethOption, regionValues } from './map';
import { executionScatterOption, gradeDistributionOption, scatterTooltip, scoreRankingOption } from './overview';
import { problemThemesOption } from './problems';
import { mergeTrends, trendOption } from './trends';
import { row } from './fixtures.spec-helper';

const series = (o: { series?: unknown }) => o.series as { type: string; name?: string; data: unknown[] }[];

describe('overview builders', () => {
  it('grade distribution keeps the band order and fills missing grades with 0', () => {
    const o = gradeDistributionOption([{ grade: '良', count: 2 }, { grade: '优', count: 3 }]);
    expect((o.xAxis as { data: string[] }).data).toEqual(['优', '良', '中', '差', '未评级']);
    expect(series(o)[0]!.data.map((d) => (d as { value: number }).value)).toEqual([3, 2, 0, 0, 0]);
    expect((o.aria as { label: { description: string } }).label.description).toContain('优 3 个');
  });

  it('score ranking sorts ascending for a horizontal bar (best on top) and drops units without a score', () => {
    const o = scoreRankingOption([row({ unitName: '甲', scoreTotal: 80 }), row({ unitName: '乙', scoreTotal: 99 }), row({ unitName: '丙', scoreTotal: null })]);
    expect((o.yAxis as { data: string[] }).data).toEqual(['甲', '乙']);
    expect((o.aria as { label: { description: string } }).label.description).toContain('前列：乙 99 分');
  });

  it('scatter has one point per unit with both rates, and the tooltip names unit, year and values', () => {
    const o = executionScatterOption([row({ unitName: '甲', executionRate: 98.5, adjustmentRatio: 12 }), row({ unitName: '乙', adjustmentRatio: null })]);
    expect(series(o)[0]!.data).toEqual([{ name: '甲', value: [98.5, 12] }]);
    expect(scatterTooltip(row({ unitName: '<甲>', fiscalYear: 2023, executionRate: 98.5, adjustmentRatio: 12 }))).toBe(
      '&#60;甲&#62;<br/>2023 年<br/>预算执行率：98.50%<br/>预算调整率：12.00%',
    );
    const formatter = (o.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(formatter({ dataIndex: 0 })).toContain('甲<br/>2021 年');
  });
});

describe('compare builders', () => {
  const rows = [row({ unitId: 'a', unitName: '甲', scoreTotal: 90, executionRate: 100 }), row({ unitId: 'b', unitName: '乙', scoreTotal: 80, executionRate: null })];

  it('grouped bars: one series per unit, one category per metric, null kept as a gap', () => {
    const o = groupedBarsOption(rows, ['scoreTotal', 'executionRate']);
    expect((o.xAxis as { data: string[] }).data).toEqual(['自评得分', '预算执行率']);
    expect(series(o).map((s) => [s.name, s.data])).toEqual([['甲', [90, 100]], ['乙', [80, null]]]);
  });

  it('radar: one axis per 一级指标, 0 where a unit lacks a rate, units without rates left out', () => {
    const o = level1RadarOption([...rows, row({ unitId: 'c', unitName: '丙' })], [
      { unitId: 'a', level1: '产出指标', weight: 50, score: 45, scoreRate: 90 },
      { unitId: 'a', level1: '效益指标', weight: 30, score: 30, scoreRate: 100 },
      { unitId: 'b', level1: '产出指标', weight: 50, score: 40, scoreRate: 80 },
    ]);
    expect((o.radar as { indicator: { name: string }[] }).indicator.map((i) => i.name)).toEqual(['产出指标', '效益指标']);
    expect(series(o)[0]!.data).toEqual([{ name: '甲', value: [90, 100] }, { name: '乙', value: [80, 0] }]);
  });

  it('sorts rows both ways with missing values last', () => {
    expect(sortRows(rows, 'executionRate', 'ascending').map((r) => r.unitName)).toEqual(['甲', '乙']);
    expect(sortRows(rows, 'scoreTotal', 'ascending').map((r) => r.unitName)).toEqual(['乙', '甲']);
    expect(sortRows(rows, 'scoreTotal', 'descending').map((r) => r.unitName)).toEqual(['甲', '乙']);
  });

  it('latestPerUnit keeps each unit’s latest year and that year’s 一级 rates', () => {
    const y21 = { rows: [row({ unitId: 'a', fiscalYear: 2021 }), row({ unitId: 'b', fiscalYear: 2021 })], level1Rates: [{ unitId: 'a', level1: '产出', weight: 1, score: 1, scoreRate: 21 }, { unitId: 'b', level1: '产出', weight: 1, score: 1, scoreRate: 21 }] };
    const y24 = { rows: [row({ unitId: 'a', fiscalYear: 2024 })], level1Rates: [{ unitId: 'a', level1: '产出', weight: 1, score: 1, scoreRate: 24 }] };
    const merged = latestPerUnit([y21, y24]);
    expect(merged.rows.map((r) => [r.unitId, r.fiscalYear])).toEqual([['a', 2024], ['b', 2021]]);
    expect(merged.level1Rates.map((r) => [r.unitId, r.scoreRate])).toEqual([['a', 24], ['b', 21]]);
  });

  it('CSV starts with a BOM, has a header and one row per unit, and defuses formulas', () => {
    const csv = compareCsv([row({ unitName: '=cmd|甲', scoreTotal: 90.5 })], ['scoreTotal']);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = parseCsv(csv);
    expect(parsed[0]).toEqual(['单位', '地区', '年度', '等级', '自评得分（分）', '年初预算数（万元）', '全年预算数（万元）', '全年执行数（万元）']);
    expect(parsed[1]).toEqual(["'=cmd|甲", '浏阳市', '2021', '优', '90.5', '100', '110', '104.5']);
  });
});

describe('trend, heatmap, problems and map builders', () => {
  const trends = {
    metric: 'executionRate' as const, years: [2021, 2022, 2023],
    series: [{ key: 'u1', name: '甲', kind: 'unit' as const, points: [{ year: 2021, value: 90, change: null }, { year: 2023, value: 95, change: null }] }],
  };

  it('trend lines leave a gap for a missing year and use large type in the leadership view', () => {
    const o = trendOption(trends);
    expect(series(o)[0]!.data).toEqual([90, null, 95]);
    expect((o.yAxis as { name: string }).name).toBe('预算执行率（%）');
    expect((trendOption(trends, true).textStyle as { fontSize: number }).fontSize).toBeGreaterThan((o.textStyle as { fontSize: number }).fontSize);
    expect((o.aria as { label: { description: string } }).label.description).toContain('甲：2021 年 90.00%，2023 年 95.00%');
  });

  it('heatmap cells sum 二级 rows into their 一级 category and compute completion', () => {
    const cats = [
      { unitId: 'a', unitName: '甲', level1: '产出指标', level2: '数量指标', completion: 100, met: 2, unmet: 0, total: 2 },
      { unitId: 'a', unitName: '甲', level1: '产出指标', level2: '质量指标', completion: 0, met: 0, unmet: 2, total: 3 },
      { unitId: 'b', unitName: '乙', level1: '效益指标', level2: null, completion: null, met: 0, unmet: 0, total: 1 },
    ];
    const { units, level1s, cells } = heatmapCells(cats);
    expect(units.map((u) => u.name)).toEqual(['甲', '乙']);
    expect(level1s).toEqual(['产出指标', '效益指标']);
    expect(cells.map((c) => [c.unitName, c.level1, c.completion, c.total])).toEqual([['甲', '产出指标', 50, 5], ['乙', '效益指标', null, 1]]);
    expect(series(indicatorHeatmapOption(cats))[0]!.data).toEqual([{ value: [0, 0, 50] }, { value: [1, 1, '-'] }]);
  });

  it('merges unit and region trend answers: all series, years joined in order', () => {
    const region = { metric: 'executionRate' as const, years: [2020, 2021], series: [{ key: '433100', name: '湘西', kind: 'region' as const, points: [] }] };
    const merged = mergeTrends('executionRate', [trends, region]);
    expect(merged.years).toEqual([2020, 2021, 2022, 2023]);
    expect(merged.series.map((s) => s.name)).toEqual(['甲', '湘西']);
  });

  it('problem themes: most frequent on top', () => {
    const o = problemThemesOption([{ theme: '预算编制', count: 2, units: [], examples: [] }, { theme: '绩效目标', count: 5, units: [], examples: [] }]);
    expect((o.yAxis as { data: string[] }).data).toEqual(['预算编制', '绩效目标']);
  });

  it('map values: county rows count for their city on the city map; the mean is rounded', () => {
    const rows = [
      row({ regionCode: '430181', regionName: '浏阳市', parentRegionCode: '430100', parentRegionName: '长沙市', executionRate: 90 }),
      row({ regionCode: '430112', regionName: '望城区', parentRegionCode: '430100', parentRegionName: '长沙市', executionRate: 95.555 }),
      row({ regionCode: '430900', regionName: '益阳市', regionLevel: 'city', parentRegionCode: '430000', parentRegionName: '湖南省', executionRate: null }),
    ];
    expect(regionValues(rows, 'executionRate', 'city')).toEqual([
      { code: '430100', name: '长沙市', units: 2, value: 92.78 },
      { code: '430900', name: '益阳市', units: 1, value: null },
    ]);
    expect(regionValues(rows, 'executionRate', 'county').map((v) => v.name)).toEqual(['浏阳市', '望城区']);
    const o = choroplethOption('hunan', '湖南省', regionValues(rows, 'executionRate', 'city'), 'executionRate');
    expect(series(o)[0]!.data).toEqual([{ name: '长沙市', value: 92.78 }, { name: '益阳市', value: undefined }]);
  });
});
