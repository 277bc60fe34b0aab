import { describe, expect, it } from 'vitest';
import { formatAmount, formatChange, formatDate, formatDateTime, formatDuration, formatMetric, formatRate, formatScore, roleLabel, statusLabel } from './format';

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

  it('formats rates, scores, metrics and changes', () => {
    expect(formatRate(184.6512)).toBe('184.65%');
    expect(formatRate(1234.5)).toBe('1,234.50%');
    expect(formatRate(undefined)).toBe('—');
    expect(formatScore(96)).toBe('96 分');
    expect(formatScore(98.36)).toBe('98.36 分');
    expect(formatMetric('%', 12)).toBe('12.00%');
    expect(formatMetric('分', 12)).toBe('12 分');
    expect(formatChange(3.2)).toBe('+3.20');
    expect(formatChange(-1.049)).toBe('−1.05');
    expect(formatChange(0)).toBe('0.00');
    expect(formatChange(null)).toBe('—');
  });

  it('formats date-times and labels', () => {
    expect(formatDateTime('not a date')).toBe('—');
    // Beijing time whatever the machine's zone: 08:05 UTC is 16:05, 20:05 UTC is the next day.
    expect(formatDateTime('2026-11-22T08:05:00Z')).toBe('2026-11-22 16:05');
    expect(formatDateTime('2026-11-22T20:05:00.000Z')).toBe('2026-11-23 04:05');
    expect(formatDateTime('2026-11-22T16:00:00Z')).toBe('2026-11-23 00:00');
    expect(formatDate('2026-11-22T20:05:00Z')).toBe('2026-11-23');
    expect(statusLabel('confirmed')).toBe('已确认');
    expect(statusLabel('draft')).toBe('草稿');
    expect(statusLabel('returned')).toBe('已退回');
    expect(roleLabel('viewer')).toBe('领导查看');
  });
});
