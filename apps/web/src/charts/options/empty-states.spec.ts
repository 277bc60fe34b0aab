import { describe, expect, it } from 'vitest';
import type { IndicatorCell } from '@/api/analytics-types';
import { cellText, cellTooltip, heatmapCells, heatmapEmptyReason, indicatorHeatmapOption, NO_SUCH_CATEGORY } from './indicators';
import { gradeDistributionOption, gradeEmptyReason, gradeLabel, scatterEmptyReason, scatterPoints } from './overview';
import { columns } from './fixtures.spec-helper';

const cell = (over: Partial<IndicatorCell>): IndicatorCell => ({
  reportId: 'r1', unitId: 'u1', unitName: '甲', level1: '产出指标', completion: 100, reason: null,
  met: 2, unmet: 0, qualitativeMet: 0, qualitativeUnmet: 0, unknown: 0, total: 2, ...over,
});
const series = (o: { series?: unknown }) => o.series as { data: unknown[]; label: { formatter: (p: unknown) => string } }[];

describe('总览 empty charts say why', () => {
  it('a year without reports', () => {
    expect(scatterEmptyReason({ year: 2030, points: columns([]), includeImplausible: false })).toBe('2030 年没有已确认的报告');
    expect(gradeEmptyReason({ year: 2030, counts: { reports: 0, units: 0, regions: 0, withWarnings: 0 } })).toBe('2030 年没有已确认的报告');
  });

  it('2023: 湘潭县 has neither 执行率 nor 调整率', () => {
    const reason = scatterEmptyReason({ year: 2023, points: columns([{ executionRate: null, adjustmentRatio: null }]), includeImplausible: false });
    expect(reason).toBe('2023 年没有同时具备预算执行率和预算调整率的单位（共 1 个单位：1 个单位无预算执行率，1 个单位无预算调整率）');
  });

  it('every point 异常: left out unless included, and the reason says how to show them', () => {
    const points = columns([{ executionRate: 93.56, adjustmentRatio: 226.81, anomalies: ['adjustmentRatio'] }, { executionRate: 184.65, adjustmentRatio: null, anomalies: ['executionRate'] }]);
    expect(scatterPoints(points, false)).toEqual([]);
    expect(scatterEmptyReason({ year: 2021, points, includeImplausible: false })).toContain('均超出合理范围（异常），已排除；勾选“含异常值”可显示');
    expect(scatterPoints(points, true)).toEqual([0]);
    expect(scatterEmptyReason({ year: 2021, points, includeImplausible: true })).toBeNull();
    // A 异常 score does not hide a point of the rates' scatter.
    expect(scatterPoints(columns([{ anomalies: ['scoreTotal'] }]), false)).toHaveLength(1);
  });
});

describe('grades as shown', () => {
  it('a derived grade is marked 按得分推定, and the distribution says how many were derived', () => {
    expect(gradeLabel({ grade: '优', gradeDerived: true })).toBe('优（按得分推定）');
    expect(gradeLabel({ grade: '良', gradeDerived: false })).toBe('良');
    expect(gradeLabel({ grade: null, gradeDerived: false })).toBe('未评级');
    const o = gradeDistributionOption([{ grade: '优', count: 1, derived: 1 }, { grade: '未评级', count: 0, derived: 0 }]);
    expect((o.aria as { label: { description: string } }).label.description).toContain('优 1 个（其中 1 个按得分推定）');
    expect(series(o)[0]!.label.formatter({ dataIndex: 0 })).toBe('1（推定 1）');
  });
});

describe('指标完成 heatmap', () => {
  it('uses the API’s rate and reason for each cell, and says so for a category the unit lacks', () => {
    const cells = [
      cell({ level1: '投入管理指标', completion: null, reason: '无定量指标（定性 8 项：按得分达标 6、未达标 2）', met: 0, qualitativeMet: 6, qualitativeUnmet: 2, total: 8 }),
      cell({ level1: '产出指标', completion: 100, met: 6, total: 6 }),
      cell({ reportId: 'r2', unitId: 'u2', unitName: '乙', level1: '产出指标', completion: 50, met: 1, unmet: 1 }),
    ];
    const grid = heatmapCells(cells);
    expect(grid.level1s).toEqual(['投入管理指标', '产出指标']);
    expect(grid.cells.map((c) => [c.unitName, c.level1, c.completion, c.reason])).toEqual([
      ['甲', '投入管理指标', null, '无定量指标（定性 8 项：按得分达标 6、未达标 2）'],
      ['甲', '产出指标', 100, null],
      ['乙', '投入管理指标', null, NO_SUCH_CATEGORY],
      ['乙', '产出指标', 50, null],
    ]);
    expect(grid.cells.map(cellText)).toEqual(['无定量指标', '100.00%', '无此类', '50.00%']);
    expect(cellTooltip(grid.cells[0]!)).toContain('完成率：—（无定量指标（定性 8 项：按得分达标 6、未达标 2））');
    expect(cellTooltip(grid.cells[0]!)).toContain('定性（按得分，不计入完成率）：达标 6，未达标 2');
    const o = indicatorHeatmapOption(cells);
    expect(series(o)[0]!.data[0]).toEqual({ value: [0, 0, '-'], itemStyle: { color: '#eeeeee' } });
    expect(series(o)[0]!.label.formatter({ dataIndex: 1 })).toBe('100.00%');
  });

  it('an empty heatmap says why', () => {
    expect(heatmapEmptyReason(2030, 0, 0)).toBe('2030 年没有已确认的报告');
    expect(heatmapEmptyReason(2021, 1, 0)).toBe('2021 年的 1 份报告都没有指标表');
    expect(heatmapEmptyReason(2021, 3, 9)).toBeNull();
  });
});
