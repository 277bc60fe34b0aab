import { METRICS, type MetricKey } from '@hunan-perf/metrics';
import { formatMetric } from '@/format';

/** The palette every chart uses (government red first, then calm contrasting hues). */
export const PALETTE = ['#c62828', '#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f', '#ad1457', '#4e342e', '#546e7a', '#9e9d24'];
export const GRADE_COLORS: Record<string, string> = { 优: '#2e7d32', 良: '#1565c0', 中: '#ef6c00', 差: '#c62828', 未评级: '#9e9e9e' };

/** ECharts' aria settings: the chart's description is read out by screen readers. */
export const aria = (description: string) => ({ enabled: true, label: { enabled: true, description } });

export const metricLabel = (key: MetricKey) => METRICS[key].label;
export const metricAxisName = (key: MetricKey) => `${METRICS[key].label}（${METRICS[key].unit}）`;
export const metricValue = (key: MetricKey, value: number | null | undefined) => formatMetric(METRICS[key].unit, value);

/** Text sizes for the normal and the leadership (wall screen, large type) view. */
export const fontSizes = (large: boolean) => ({ base: large ? 20 : 12, title: large ? 28 : 15, legend: large ? 20 : 12 });

/** Escapes text put into a tooltip's HTML. */
export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
