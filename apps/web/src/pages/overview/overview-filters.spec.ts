import { describe, expect, it } from 'vitest';
import { overviewPath } from '@/api/client';
import { overviewFiltersAt } from './overview-filters';

describe('总览 asked for early: the filters at its URL', () => {
  it('are the year, 含模拟数据 and 含异常值 the page reads from the same query', () => {
    expect(overviewPath(overviewFiltersAt({ year: '2024', synthetic: '1' }))).toBe('/analytics/overview?year=2024&includeSynthetic=true&includeImplausible=false');
    expect(overviewFiltersAt({ implausible: '1' })).toEqual({ year: undefined, includeSynthetic: undefined, includeImplausible: true });
    expect(overviewFiltersAt({ year: 'x', synthetic: '0' })).toEqual({ year: undefined, includeSynthetic: undefined, includeImplausible: false });
  });
});
