import { describe, expect, it } from 'vitest';
import { coverageSort, coverageText, coverageTone, formatCoverage, listSort, orderHint } from './coverage';

const c = (over: Partial<Parameters<typeof coverageText>[0]> = {}) => ({
  scalarsFound: 14, scalarsTotal: 20, indicatorRows: 3, indicatorCellsFound: 12, indicatorCellsTotal: 15, percent: 74, ...over,
});

describe('coverage', () => {
  it('says how many fields and indicator cells were read', () => {
    expect(coverageText(c())).toBe('已识别 14/20 项字段，指标 12/15 格');
    expect(coverageText(c({ indicatorRows: 0, indicatorCellsFound: 0, indicatorCellsTotal: 0 }))).toBe('已识别 14/20 项字段，未识别指标表');
  });

  it('formats the percent and its tone, unknown as —', () => {
    expect(formatCoverage(73.52)).toBe('73.5%');
    expect(formatCoverage(60)).toBe('60%');
    expect(formatCoverage(0)).toBe('0%');
    expect(formatCoverage(null)).toBe('—');
    expect([coverageTone(59.99), coverageTone(60), coverageTone(85), coverageTone(null)]).toEqual(['danger', 'warning', 'success', 'info']);
  });

  it('maps a header sort to the API sort', () => {
    expect([coverageSort('ascending'), coverageSort('descending'), coverageSort(null)]).toEqual(['coverage_asc', 'coverage_desc', 'needs_human']);
    expect([listSort(''), listSort('updated'), listSort('toString'), listSort('bogus')]).toEqual(['needs_human', 'updated', 'needs_human', 'needs_human']);
    expect(orderHint('')).toBe('待复核的在前：覆盖率低、警告多的优先');
    expect(orderHint('coverage_asc')).toBe('按覆盖率从低到高');
  });
});
