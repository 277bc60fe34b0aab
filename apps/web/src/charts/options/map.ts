import { meanOf, type MetricKey } from '@hunan-perf/metrics';
import type { UnitRow } from '@/api/analytics-types';
import { MapChart } from 'echarts/charts';
import { LegendComponent, TitleComponent, VisualMapComponent } from 'echarts/components';
import { type ChartOption, register } from '../echarts';
import { aria, metricLabel, metricValue } from './common';

register([MapChart, LegendComponent, TitleComponent, VisualMapComponent]);

export interface RegionValue { code: string; name: string; value: number | null; units: number }

/**
 * Mean of a metric per region: rows are grouped by their region at `level` (a county row counts
 * for its parent city when the map shows cities).
 */
export function regionValues(rows: UnitRow[], metric: MetricKey, level: 'city' | 'county'): RegionValue[] {
  const groups = new Map<string, { name: string; values: number[]; units: number }>();
  for (const r of rows) {
    const atCity = level === 'city' && r.regionLevel === 'county';
    const code = atCity ? r.parentRegionCode : r.regionCode;
    const name = atCity ? r.parentRegionName : r.regionName;
    if (!code || !name || (level === 'county' && r.regionLevel !== 'county')) continue;
    const g = groups.get(code) ?? { name, values: [] as number[], units: 0 };
    g.units += 1;
    const v = r[metric];
    if (typeof v === 'number') g.values.push(v);
    groups.set(code, g);
  }
  return [...groups.entries()].map(([code, g]) => ({
    code, name: g.name, units: g.units,
    // Mean of the API's values by the contract's rounding (decimal, half away from zero), as SQL's round(avg(x), 2).
    value: meanOf(g.values),
  }));
}

/**
 * The unit rows a map view is about: the whole province, or one 州/市 — its counties' units and
 * its own city-level units (湘西州工信局 belongs to 湘西州 itself, not to a county).
 */
export function unitsInView<R extends UnitRow>(rows: R[], city: string | null): R[] {
  return city ? rows.filter((r) => r.regionCode === city || r.parentRegionCode === city) : rows;
}

/** The colour scale's range: the smallest and largest value shown, at two decimals (0–100 with no data). */
export function legendRange(values: RegionValue[]): { min: number; max: number } {
  const known = values.filter((v) => v.value != null).map((v) => v.value!);
  if (!known.length) return { min: 0, max: 100 };
  const min = Math.min(...known);
  const max = Math.max(...known);
  return { min, max: max === min ? min + 1 : max };
}

/**
 * A choropleth of `mapName` (registered GeoJSON, features named as the regions). Region labels
 * that would overlap are hidden (the tooltip and the table below still name every region).
 */
export function choroplethOption(mapName: string, title: string, values: RegionValue[], metric: MetricKey): ChartOption {
  const { min, max } = legendRange(values);
  return {
    aria: aria(`${title}${metricLabel(metric)}地图：${values.map((v) => `${v.name} ${metricValue(metric, v.value)}`).join('，') || '暂无数据'}。`),
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const { name } = p as { name: string };
        const v = values.find((x) => x.name === name);
        return v ? `${name}<br/>${metricLabel(metric)}：${metricValue(metric, v.value)}<br/>${v.units} 份报告` : `${name}<br/>暂无数据`;
      },
    },
    visualMap: {
      min, max, precision: 2, calculable: true, left: 8, bottom: 8,
      text: [`最高 ${metricValue(metric, max)}`, `最低 ${metricValue(metric, min)}`], inRange: { color: ['#fde0dc', '#e57373', '#b71c1c'] },
    },
    series: [{
      type: 'map', map: mapName, name: metricLabel(metric), roam: false, selectedMode: false,
      label: { show: true, fontSize: 11 },
      labelLayout: { hideOverlap: true },
      itemStyle: { areaColor: '#eeeeee', borderColor: '#fff' },
      emphasis: { label: { show: true }, itemStyle: { areaColor: '#ffd54f' } },
      data: values.map((v) => ({ name: v.name, value: v.value ?? undefined })),
    }],
  };
}
