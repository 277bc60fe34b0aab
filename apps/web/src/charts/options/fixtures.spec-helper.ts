import type { OverviewPoints, PointRow, UnitMetricRow } from '@/api/analytics-types';

/** A UnitMetricRow for tests; override what the test is about. */
export function row(over: Partial<UnitMetricRow>): UnitMetricRow {
  return {
    reportId: 'r1', unitId: 'u1', unitName: '甲单位', regionCode: '430181', regionName: '浏阳市', regionLevel: 'county',
    parentRegionCode: '430100', parentRegionName: '长沙市', fiscalYear: 2021, kind: 'department_overall', isSynthetic: false,
    scoreTotal: 90, grade: '优', executionRate: 95, adjustmentRatio: 10, threePublicControlRate: 80, projectShare: 40,
    indicatorCompletion: 75, budgetInitial: 100, budgetAdjusted: 110, budgetActual: 104.5, rankInLevel: 1, rankInParent: 1, warningCount: 0,
    ...over,
  };
}

/** 总览's column arrays holding these points (the answer's shape). */
export function columns(points: (Partial<PointRow> & Partial<UnitMetricRow>)[]): OverviewPoints {
  const full = points.map((p) => ({ ...row({}), anomalies: [], gradeDerived: false, ...p }));
  const fields = ['reportId', 'unitId', 'unitName', 'regionCode', 'regionName', 'regionLevel', 'parentRegionCode', 'parentRegionName', 'fiscalYear',
    'isSynthetic', 'scoreTotal', 'grade', 'gradeDerived', 'executionRate', 'adjustmentRatio', 'threePublicControlRate', 'projectShare',
    'indicatorCompletion', 'budgetInitial', 'budgetAdjusted', 'budgetActual', 'warningCount', 'anomalies'] as const;
  return Object.fromEntries(fields.map((f) => [f, full.map((p) => p[f])])) as unknown as OverviewPoints;
}
