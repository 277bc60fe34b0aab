import { describe, expect, it } from 'vitest';
import { choroplethOption, legendRange, regionValues, unitsInView } from './map';
import { row } from './fixtures.spec-helper';

const series = (o: { series?: unknown }) => o.series as { data: unknown[]; labelLayout?: unknown }[];

describe('map builders', () => {
  const rows = [
    row({ unitName: '浏阳', regionCode: '430181', regionName: '浏阳市', parentRegionCode: '430100', parentRegionName: '长沙市', executionRate: 90 }),
    row({ unitName: '望城', regionCode: '430112', regionName: '望城区', parentRegionCode: '430100', parentRegionName: '长沙市', executionRate: 95.555 }),
    row({ unitName: '益阳', regionCode: '430900', regionName: '益阳市', regionLevel: 'city', parentRegionCode: '430000', parentRegionName: '湖南省', executionRate: null }),
    row({ unitName: '湘西州工信局', regionCode: '433100', regionName: '湘西州', regionLevel: 'city', parentRegionCode: '430000', parentRegionName: '湖南省', executionRate: 93.56 }),
    row({ unitName: '吉首', regionCode: '433101', regionName: '吉首市', parentRegionCode: '433100', parentRegionName: '湘西州', executionRate: 80 }),
  ];

  it('values: county rows count for their city on the province map', () => {
    expect(regionValues(rows.slice(0, 3), 'executionRate', 'city')).toEqual([
      { code: '430100', name: '长沙市', units: 2, value: 92.78 },
      { code: '430900', name: '益阳市', units: 1, value: null },
    ]);
    expect(regionValues(rows, 'executionRate', 'county').map((v) => v.name)).toEqual(['浏阳市', '望城区', '吉首市']);
  });

  it('drilling into a 州/市 shows its counties’ units and its own city-level units', () => {
    expect(unitsInView(rows, '433100').map((r) => r.unitName)).toEqual(['湘西州工信局', '吉首']);
    expect(unitsInView(rows, null)).toHaveLength(5);
  });

  it('the legend runs from the smallest to the largest value shown; labels never overlap', () => {
    const values = regionValues(rows, 'executionRate', 'county');
    expect(legendRange(values)).toEqual({ min: 80, max: 95.56 });
    expect(legendRange([])).toEqual({ min: 0, max: 100 });
    const o = choroplethOption('hunan', '湖南省', values, 'executionRate');
    expect(o.visualMap).toMatchObject({ min: 80, max: 95.56, text: ['最高 95.56%', '最低 80.00%'] });
    expect(series(o)[0]!.labelLayout).toEqual({ hideOverlap: true });
    expect(series(o)[0]!.data).toEqual([{ name: '浏阳市', value: 90 }, { name: '望城区', value: 95.56 }, { name: '吉首市', value: 80 }]);
  });
});
