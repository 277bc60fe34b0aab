import { describe, expect, it } from 'vitest';
import { columns } from '@/charts/options/fixtures.spec-helper';
import { pointRows } from './overview-points';

describe('总览 points: column arrays as rows', () => {
  it('the i-th entry of every array makes the i-th row, in order', () => {
    const rows = pointRows(columns([{ unitName: '甲', scoreTotal: 95, anomalies: ['scoreTotal'] }, { unitName: '乙', scoreTotal: null, grade: null }]));
    expect(rows.map((r) => [r.unitName, r.scoreTotal, r.grade, r.anomalies])).toEqual([['甲', 95, '优', ['scoreTotal']], ['乙', null, null, []]]);
    expect(rows[0]).toMatchObject({ regionCode: '430181', parentRegionName: '长沙市', gradeDerived: false });
    expect(pointRows(columns([]))).toEqual([]);
  });
});
