/** The canonical 一级 category rule lives in libs/metrics (indicator-category.ts), where the API also reads it. */
export { categoryOf } from '@hunan-perf/metrics';
