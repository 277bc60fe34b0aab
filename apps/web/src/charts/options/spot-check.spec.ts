import { describe, expect, it } from 'vitest';
import { gapsByRegionOption, selfVsReviewOption } from './spot-check';

const desc = (o: { aria?: unknown }) => (o.aria as { label: { description: string } }).label.description;

describe('spot-check charts', () => {
  it('draws self and 复核 totals per unit, a missing 复核 as a gap (not 0), a flagged unit red', () => {
    const o = selfVsReviewOption([
      { unitName: '甲单位', selfTotal: 95, reviewTotal: 80, gap: 15, flagged: true },
      { unitName: '乙单位', selfTotal: 90, reviewTotal: null, gap: null, flagged: false },
      { unitName: '丙单位', selfTotal: 88, reviewTotal: 87, gap: 1, flagged: false },
    ], 5);
    expect((o.xAxis as { data: string[] }).data).toEqual(['甲单位', '乙单位', '丙单位']);
    const [self, review] = o.series as { name: string; data: unknown[] }[];
    expect(self.data).toEqual([95, 90, 88]);
    expect(review.data).toEqual([{ value: 80, itemStyle: { color: '#c62828' } }, '-', { value: 87, itemStyle: { color: '#2e7d32' } }]);
    expect(desc(o)).toContain('甲单位：自评 95 分，复核 80 分，超出容差');
    expect(desc(o)).toContain('乙单位：自评 90 分，复核 无');
    expect(desc(o)).toContain('差距阈值 5 分');
  });

  it('shows only regions with reviewed units, with the margin as a line', () => {
    const o = gapsByRegionOption([
      { regionName: '长沙市', reviewed: 2, flagged: 1, meanGap: 6.5, maxGap: 10 },
      { regionName: '湘潭市', reviewed: 0, flagged: 0, meanGap: null, maxGap: null },
    ], 8);
    expect((o.xAxis as { data: string[] }).data).toEqual(['长沙市']);
    const [mean, max] = o.series as { data: unknown[]; markLine: { data: { yAxis: number }[] } }[];
    expect(mean.data).toEqual([6.5]);
    expect(max.data).toEqual([10]);
    expect(max.markLine.data).toEqual([{ yAxis: 8 }]);
    const y = o.yAxis as { max: (v: { max: number }) => number; min: (v: { min: number }) => number };
    expect([y.max({ max: 6 }), y.max({ max: 10 }), y.min({ min: 3 }), y.min({ min: -4 })]).toEqual([8, 10, 0, -4]);
    expect(desc(o)).toContain('长沙市（已复核 2 个，超出容差 1 个）：平均差距 6.5 分，最大差距 10 分');
    expect(desc(gapsByRegionOption([], 5))).toContain('尚无复核总分');
  });
});
