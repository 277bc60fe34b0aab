import { describe, expect, it } from 'vitest';
import { highlightSegments, similarityPercent } from './highlight-segments';

describe('highlightSegments', () => {
  it('splits text into plain and shared pieces in order', () => {
    expect(highlightSegments('一是资金使用不规范。', [{ start: 2, end: 9 }])).toEqual([
      { text: '一是', shared: false }, { text: '资金使用不规范', shared: true }, { text: '。', shared: false },
    ]);
  });
  it('merges overlapping and touching ranges, sorts them and clamps to the text', () => {
    expect(highlightSegments('abcdefgh', [{ start: 5, end: 20 }, { start: 1, end: 3 }, { start: 2, end: 4 }, { start: 4, end: 5 }])).toEqual([
      { text: 'a', shared: false }, { text: 'bcdefgh', shared: true },
    ]);
  });
  it('keeps the whole text plain without ranges and drops empty ranges', () => {
    expect(highlightSegments('abc', [])).toEqual([{ text: 'abc', shared: false }]);
    expect(highlightSegments('abc', [{ start: 2, end: 2 }])).toEqual([{ text: 'abc', shared: false }]);
    expect(highlightSegments('abc', [{ start: 0, end: 3 }])).toEqual([{ text: 'abc', shared: true }]);
  });
  it('formats similarity as a percent with two decimals', () => {
    expect(similarityPercent(85.5)).toBe('85.50%');
    expect(similarityPercent(null)).toBe('—');
  });
});
