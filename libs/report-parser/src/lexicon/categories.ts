/** The category words live in libs/metrics beside the rule that reads them (indicator-category.ts). */
export { BROAD_LEVEL1_WORDS, LEVEL1_CATEGORY_WORDS } from '@hunan-perf/metrics';
