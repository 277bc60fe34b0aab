import type { MetricKey } from '@hunan-perf/metrics';
import type { UnitMetricRow } from '@/api/analytics-types';
import type { ChartOption } from '../echarts';
import { aria, metricLabel, metricValue } from './common';

export interface RegionValue { code: string; name: string; value: number | null; units: number }

/**
 * Mean of a metric per region: rows are grouped by their region at `level` (a county row counts
 * for its parent city when the map shows cities).
 */
export function regionValues(rows: UnitMetricRow[], metric: MetricKey, level: 'city' | 'county'): RegionValue[] {
  const groups = new Map<string, { name: string; values: number[]; units: number }>();
  for (const r of rows) {
    const atCity = level === 'city' && r.regionLevel === 'county';
    const code = atCity ? r.parentRegionCode : r.regionCode;
    const name = atCity ? r.parentRegionName : r.regionName;
    if (!code || !name || (level === 'county' && r.regionLevel !== 'county')) continue;
    const g = groups.get(code) ?? { name, values: [], units: 0 };
    g.units += 1;
    const v = r[metric];
    if (typeof v === 'number') g.values.push(v);
    groups.set(code, g);
  }
  return [...groups.entries()].map(([code, g]) => ({
    code, name: g.name, units: g.units,
    value: g.values.length ? Math.round((g.values.reduce((s, v) => s + v, 0) / g.values.length) * 100) / 100 : null,
  }));
}

/** A choropleth of `mapName` (registered GeoJSON, features named as the regions). */
export function choroplethOption(mapName: string, title: string, values: RegionValue[], metric: MetricKey): ChartOption {
  const known = values.filter((v) => v.value != null).map((v) => v.value!);
  const min = known.length ? Math.min(...known) : 0;
  const max = known.length ? Math.max(...known) : 100;
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
      min: Math.floor(min), max: Math.ceil(max === min ? min + 1 : max), calculable: true, left: 8, bottom: 8,
      text: ['高', '低'], inRange: { color: ['#fde0dc', '#e57373', '#b71c1c'] },
    },
    series: [{
      type: 'map', map: mapName, name: metricLabel(metric), roam: false, selectedMode: false,
      label: { show: true, fontSize: 11 },
      itemStyle: { areaColor: '#eeeeee', borderColor: '#fff' },
      emphasis: { label: { show: true }, itemStyle: { areaColor: '#ffd54f' } },
      data: values.map((v) => ({ name: v.name, value: v.value ?? undefined })),
    }],
  };
}
