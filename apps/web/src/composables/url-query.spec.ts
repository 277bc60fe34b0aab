import { describe, expect, it } from 'vitest';
import { toQuery } from '@/api/query';
import { qBool, qList, qMetric, qMetrics, qNumber, qString } from './url-query';

describe('URL filter codecs', () => {
  it('round-trip numbers, strings, lists, booleans and metric keys', () => {
    expect(qNumber().parse('2021')).toBe(2021);
    expect(qNumber().parse('abc')).toBeNull();
    expect(qNumber(1).parse(undefined)).toBe(1);
    expect(qNumber().format(null)).toBeUndefined();
    expect(qString().format('')).toBeUndefined();
    expect(qList.parse('a,b,,c')).toEqual(['a', 'b', 'c']);
    expect(qList.format([])).toBeUndefined();
    expect(qBool.parse('1')).toBe(true);
    expect(qBool.format(false)).toBeUndefined();
    expect(qMetric('scoreTotal').parse('executionRate')).toBe('executionRate');
    expect(qMetric('scoreTotal').parse('nonsense')).toBe('scoreTotal');
    expect(qMetrics(['scoreTotal']).parse('executionRate,bogus')).toEqual(['executionRate']);
    expect(qMetrics(['scoreTotal']).parse('bogus')).toEqual(['scoreTotal']);
  });

  it('builds API query strings with comma lists and without empty values', () => {
    expect(toQuery({ year: 2021, unitIds: ['a', 'b'], q: '', regionCode: undefined, metrics: [] })).toBe('?year=2021&unitIds=a%2Cb');
    expect(toQuery({})).toBe('');
  });
});
