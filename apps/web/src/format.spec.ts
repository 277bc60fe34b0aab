import { describe, expect, it } from 'vitest';
import { formatAmount, formatDuration } from './format';

describe('formatters', () => {
  it('formats amounts in 万元 with two decimals and a missing value as a dash', () => {
    expect(formatAmount(1943.63)).toBe('1,943.63 万元');
    expect(formatAmount(8)).toBe('8.00 万元');
    expect(formatAmount(null)).toBe('—');
    expect(formatAmount(0)).toBe('0.00 万元');
  });

  it('formats durations', () => {
    expect(formatDuration(5)).toBe('5 秒');
    expect(formatDuration(125)).toBe('2 分 5 秒');
    expect(formatDuration(3725)).toBe('1 小时 2 分');
  });
});
