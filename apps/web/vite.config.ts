import { fileURLToPath, URL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';
import { echartsGeoJson } from './vite-plugins/echarts-geojson.ts';
import { elementPlusStyles } from './vite-plugins/element-plus-styles.ts';

const lib = (name: string, file = 'index') => fileURLToPath(new URL(`../../libs/${name}/src/${file}.ts`, import.meta.url));

export default defineConfig({
  plugins: [elementPlusStyles(), vue(), echartsGeoJson()],
  resolve: {
    alias: {
      // The CSV helpers alone: the package index also compiles the JSON Schema validator (eval, refused by the CSP).
      '@hunan-perf/contracts/csv': lib('contracts', 'csv'),
      '@hunan-perf/contracts/labels': lib('contracts', 'labels'),
      '@hunan-perf/contracts/report-workflow': lib('contracts', 'report-workflow'),
      '@hunan-perf/contracts': lib('contracts'),
      '@hunan-perf/metrics': lib('metrics'),
      '@': fileURLToPath(new URL('./src', import.meta.url)),
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  // ECharts inlined, so vi.resetModules() gives a test a fresh registry (charts/options/registration.spec.ts);
  // Element Plus, so the styles its components import load in a test that mounts one.
  test: { environment: 'happy-dom', include: ['src/**/*.spec.ts'], server: { deps: { inline: [/echarts/, /zrender/, /element-plus/] } } },
});
