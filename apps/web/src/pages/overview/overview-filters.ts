import type { LocationQuery } from 'vue-router';
import type { AnalyticsFilters } from '@/api/analytics-types';
import { commonFiltersAt } from '@/composables/useCommonFilters';
import { fromQuery, qBool } from '@/composables/url-query';

/** 总览's overview filters: the common ones and 含异常值 (?implausible=1). */
export const overviewFilters = (common: AnalyticsFilters, includeImplausible: boolean): AnalyticsFilters => ({ ...common, includeImplausible });

/** The overview filters 总览 will ask for at a route's query: the router asks first, while the page loads. */
export const overviewFiltersAt = (query: LocationQuery): AnalyticsFilters => overviewFilters(commonFiltersAt(query), fromQuery(query, 'implausible', qBool));
