import { describe, expect, it } from 'vitest';
import { indicatorBasis, indicatorStatusLabel, unitSummary } from './indicator-labels';

describe('指标完成 labels', () => {
  it('says how a row was judged and whether it counts', () => {
    expect(indicatorBasis({ counted: true, judgedBy: 'quantity', reason: null })).toBe('定量：目标值对实际值（计入完成率）');
    expect(indicatorBasis({ counted: false, judgedBy: 'score', reason: null })).toBe('定性：按得分与分值（不计入完成率）');
    expect(indicatorBasis({ counted: false, judgedBy: null, reason: '无得分' })).toBe('无得分（不计入完成率）');
    expect(indicatorStatusLabel({ status: 'unknown' })).toBe('无法判断');
  });

  it('a unit’s rate comes with the counts it is made of (浏阳 2021)', () => {
    const liuyang = {
      reportId: 'r', unitId: 'u', unitName: '浏阳市工业和信息化局', completion: 100, reason: null, met: 11, unmet: 0,
      qualitativeMet: 6, qualitativeUnmet: 2, unknown: 0, total: 19, qualitative: 8,
    };
    expect(unitSummary(liuyang)).toBe('100.00%（定量 11 项：达标 11、未达标 0；定性 8 项（按得分，不计入）：达标 6、未达标 2）');
    expect(unitSummary({ ...liuyang, completion: null, reason: '无指标', met: 0, qualitative: 0, total: 0 })).toBe('—（无指标）（定量 0 项：达标 0、未达标 0）');
  });
});
