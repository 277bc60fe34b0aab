import { computed } from 'vue';
import type { AnalyticsFilters } from '@/api/analytics-types';
import type { LocationQuery } from 'vue-router';
import { fromQuery, qBool, qNumber, useQueryParam } from './url-query';

/** The filters the year and the synthetic-data switch make. */
export const commonFilters = (year: number | null, includeSynthetic: boolean): AnalyticsFilters => ({
  year: year ?? undefined,
  includeSynthetic: includeSynthetic || undefined,
});

/** commonFilters at a route's query, as a page's useCommonFilters reads them (for asking early). */
export const commonFiltersAt = (query: LocationQuery): AnalyticsFilters => commonFilters(fromQuery(query, 'year', qNumber()), fromQuery(query, 'synthetic', qBool));

/** The year and the synthetic-data switch every dashboard shares, kept in the URL. */
export function useCommonFilters() {
  const year = useQueryParam('year', qNumber());
  const includeSynthetic = useQueryParam('synthetic', qBool);
  const base = computed<AnalyticsFilters>(() => commonFilters(year.value, includeSynthetic.value));
  return { year, includeSynthetic, base };
}
