import { describe, expect, it } from 'vitest';
import type { UnitRow } from '@/api/analytics-types';
import { sortUnitRows } from './unit-table-sort';

const unit = (unitName: string, scoreTotal: number | null, regionLevel = 'county'): UnitRow =>
  ({ unitName, scoreTotal, regionLevel, regionName: '某县', fiscalYear: 2021 }) as unknown as UnitRow;

describe('the map table’s order over every unit in view', () => {
  const rows = [unit('乙', 80), unit('甲', null), unit('丙', 95), unit('丁', 80, 'city')];

  it('sorts by the metric either way, a missing value last both times, ties by unit name', () => {
    expect(sortUnitRows(rows, 'scoreTotal', 'descending').map((r) => r.unitName)).toEqual(['丙', '丁', '乙', '甲']);
    expect(sortUnitRows(rows, 'scoreTotal', 'ascending').map((r) => r.unitName)).toEqual(['丁', '乙', '丙', '甲']);
  });

  it('sorts by the level label (县市区 before 州/市本级 in zh-CN order) and by name', () => {
    expect(sortUnitRows(rows, 'level', 'descending')[0]!.unitName).toBe('丁');
    expect(sortUnitRows(rows, 'level', 'ascending').at(-1)!.unitName).toBe('丁');
    expect(sortUnitRows(rows, 'unitName', 'ascending').map((r) => r.unitName)).toEqual([...rows.map((r) => r.unitName)].sort((a, b) => a.localeCompare(b, 'zh-CN')));
  });

  it('leaves the rows it was given in their order', () => {
    sortUnitRows(rows, 'scoreTotal', 'descending');
    expect(rows.map((r) => r.unitName)).toEqual(['乙', '甲', '丙', '丁']);
  });
});
