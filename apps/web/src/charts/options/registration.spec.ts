/**
 * Each option module registers the ECharts series and components it draws (register() in its own
 * file), so a page's chunk carries only its charts. A part a builder uses but its module does not
 * register would draw nothing in the browser; ECharts says so on console.error, which this catches
 * by drawing every builder's option on a fresh ECharts (SVG, server-side) that has only the common
 * parts plus what that one module registered.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChartOption } from '../echarts';
import { columns, row } from './fixtures.spec-helper';

type Builders = () => Promise<ChartOption[]>;

const grade = { grade: '优' as const, units: 1, grew: 1, shrank: 0, unchanged: 0, shareGrew: 100, shareShrank: 0, shareUnchanged: 0 };
const cell = { reportId: 'r1', unitId: 'u1', unitName: '甲', level1: '产出指标', completion: 100, reason: null, met: 2, unmet: 0, qualitativeMet: 0, qualitativeUnmet: 0, unknown: 0, total: 2 };
const rate = { unitId: 'r1', reportId: 'r1', category: '产出' as const, writtenLevel1: ['产出'], weight: 10, score: 9, scoreRate: 90 };

const MODULES: Record<string, Builders> = {
  overview: async () => {
    const m = await import('./overview');
    return [m.gradeDistributionOption([{ grade: '优', count: 1, derived: 0 }]), m.scoreRankingOption([row({})]), m.executionScatterOption(columns([{}]))];
  },
  compare: async () => {
    const m = await import('./compare');
    return [m.groupedBarsOption([row({})], ['scoreTotal']), m.categoryRadarOption([row({ reportId: 'r1' })], ['产出'], [rate])];
  },
  indicators: async () => [(await import('./indicators')).indicatorHeatmapOption([cell])],
  problems: async () => [(await import('./problems')).problemThemesOption([{ theme: '预算编制', unitCount: 1, statementCount: 1, units: [], examples: [] }])],
  results: async () => [(await import('./results')).resultsShareOption([grade])],
  trends: async () => [(await import('./trends')).trendOption({
    metric: 'executionRate', years: [2021], dataAsOf: null,
    series: [{ key: 'u1', name: '甲', kind: 'unit', points: [{ year: 2021, value: 90, change: null }] }],
  })],
  'spot-check': async () => {
    const m = await import('./spot-check');
    return [
      m.selfVsReviewOption([{ unitName: '甲', selfTotal: 95, reviewTotal: 80, gap: 15, flagged: true }], 5),
      m.gapsByRegionOption([{ regionName: '长沙市', reviewed: 1, flagged: 1, meanGap: 15, maxGap: 15 }], 5),
    ];
  },
};

afterEach(() => vi.restoreAllMocks());

describe('ECharts parts registered per option module', () => {
  // The first import transforms ECharts itself (inlined for the fresh registry): seconds on a busy machine.
  it.each(Object.keys(MODULES))('%s draws with only its own registrations', { timeout: 60_000 }, async (name) => {
    vi.resetModules();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const options = await MODULES[name]!();
    const core = await import('echarts/core');
    const { SVGRenderer } = await import('echarts/renderers');
    core.use([SVGRenderer]);
    for (const option of options) {
      const chart = core.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 400 });
      chart.setOption(option);
      chart.dispose();
    }
    expect(errors.mock.calls.map((c) => String(c[0]))).toEqual([]);
  });

  it('notices a part nobody registered', async () => {
    vi.resetModules();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await import('../echarts');
    const core = await import('echarts/core');
    const { SVGRenderer } = await import('echarts/renderers');
    core.use([SVGRenderer]);
    const chart = core.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 400 });
    chart.setOption({ legend: {}, xAxis: { type: 'category', data: ['a'] }, yAxis: {}, series: [] });
    chart.dispose();
    expect(errors.mock.calls.map((c) => String(c[0])).join('\n')).toContain('legend');
  });
});
