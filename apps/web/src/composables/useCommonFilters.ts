import { computed } from 'vue';
import type { AnalyticsFilters } from '@/api/analytics-types';
import { qBool, qNumber, useQueryParam } from './url-query';

/** The year and the synthetic-data switch every dashboard shares, kept in the URL. */
export function useCommonFilters() {
  const year = useQueryParam('year', qNumber());
  const includeSynthetic = useQueryParam('synthetic', qBool);
  const base = computed<AnalyticsFilters>(() => ({
    year: year.value ?? undefined,
    includeSynthetic: includeSynthetic.value || undefined,
  }));
  return { year, includeSynthetic, base };
}
