import { computed, type WritableComputedRef } from 'vue';
import { type LocationQuery, useRoute, useRouter } from 'vue-router';
import { isMetricKey, type MetricKey } from '@hunan-perf/metrics';

/** Parsers between one query-string value and a filter value (pure; unit-tested). */
export interface QueryCodec<T> {
  parse(raw: string | undefined): T;
  format(value: T): string | undefined;
}

const first = (v: LocationQuery[string] | undefined): string | undefined =>
  Array.isArray(v) ? (v[0] ?? undefined) : (v ?? undefined);

export const qNumber = (fallback: number | null = null): QueryCodec<number | null> => ({
  parse: (raw) => (raw != null && raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : fallback),
  format: (v) => (v == null ? undefined : String(v)),
});
export const qString = (fallback = ''): QueryCodec<string> => ({
  parse: (raw) => raw ?? fallback,
  format: (v) => (v === '' ? undefined : v),
});
export const qList: QueryCodec<string[]> = {
  parse: (raw) => (raw ? raw.split(',').filter(Boolean) : []),
  format: (v) => (v.length ? v.join(',') : undefined),
};
export const qBool: QueryCodec<boolean> = {
  parse: (raw) => raw === '1',
  format: (v) => (v ? '1' : undefined),
};
export const qMetric = (fallback: MetricKey): QueryCodec<MetricKey> => ({
  parse: (raw) => (raw && isMetricKey(raw) ? raw : fallback),
  format: (v) => v,
});
export const qMetrics = (fallback: MetricKey[]): QueryCodec<MetricKey[]> => ({
  parse: (raw) => {
    const keys = qList.parse(raw).filter(isMetricKey);
    return keys.length ? keys : fallback;
  },
  format: (v) => qList.format(v),
});

/** A filter's value in `query` (a route's), as useQueryParam reads it. */
export function fromQuery<T>(query: LocationQuery, key: string, codec: QueryCodec<T>): T {
  return codec.parse(first(query[key]));
}

/**
 * A filter that lives in the URL: reading parses the query string, writing replaces the route,
 * so a copied link reproduces the view.
 */
export function useQueryParam<T>(key: string, codec: QueryCodec<T>): WritableComputedRef<T> {
  const route = useRoute();
  const router = useRouter();
  return computed({
    get: () => (key in pending ? codec.parse(pending[key]) : codec.parse(first(route.query[key]))),
    set: (value) => {
      const flush = Object.keys(pending).length === 0;
      pending[key] = codec.format(value);
      // Several filters set in one tick become one navigation.
      if (flush) queueMicrotask(() => {
        const query: LocationQuery = { ...route.query };
        for (const [k, v] of Object.entries(pending)) {
          if (v === undefined) delete query[k];
          else query[k] = v;
        }
        pending = {};
        void router.replace({ query });
      });
    },
  });
}

/** Query values set in this tick and not yet navigated to. */
let pending: Record<string, string | undefined> = {};

/**
 * A URL filter of a paged list: writing it also goes back to page 1 (a later page may not exist
 * in the new list).
 */
export function usePagedFilter<T>(key: string, codec: QueryCodec<T>, page: WritableComputedRef<number | null>): WritableComputedRef<T> {
  const param = useQueryParam(key, codec);
  return computed({
    get: () => param.value,
    set: (value) => {
      param.value = value;
      page.value = 1;
    },
  });
}
