import { anomaliesOf, DEFAULT_PLAUSIBILITY_BANDS, describeBand, isImplausible, shownGrade } from './index.js';

describe('plausibility bands', () => {
  const b = DEFAULT_PLAUSIBILITY_BANDS.bands;
  it('execution rate outside 60–110 % is 异常, the bounds themselves are not', () => {
    expect(isImplausible(184.65, b.executionRate)).toBe(true);
    expect(isImplausible(59.99, b.executionRate)).toBe(true);
    expect(isImplausible(60, b.executionRate)).toBe(false);
    expect(isImplausible(110, b.executionRate)).toBe(false);
    expect(isImplausible(110.01, b.executionRate)).toBe(true);
    expect(isImplausible(null, b.executionRate)).toBe(false);
  });
  it('open bounds: 调整率 only above 100 %, negative is plausible', () => {
    expect(isImplausible(226.81, b.adjustmentRatio)).toBe(true);
    expect(isImplausible(-50, b.adjustmentRatio)).toBe(false);
    expect(isImplausible(100, b.adjustmentRatio)).toBe(false);
    expect(isImplausible(5, { min: null, max: null })).toBe(false);
  });
  it('lists a row’s 异常 values with the band in words', () => {
    expect(anomaliesOf({ executionRate: 184.65, adjustmentRatio: null, threePublicControlRate: 85, scoreTotal: 96 }, DEFAULT_PLAUSIBILITY_BANDS))
      .toEqual([{ metric: 'executionRate', label: '预算执行率', value: 184.65, band: '60%–110%' }]);
    expect(describeBand('scoreTotal', b.scoreTotal)).toBe('不高于 100 分');
    expect(describeBand('executionRate', { min: 50, max: null })).toBe('不低于 50%');
  });
});

describe('shown grade', () => {
  it('keeps a written grade, derives one from the score otherwise', () => {
    expect(shownGrade('良', 98)).toEqual({ grade: '良', gradeDerived: false });
    expect(shownGrade(null, 98)).toEqual({ grade: '优', gradeDerived: true });
    expect(shownGrade(null, 89.99)).toEqual({ grade: '良', gradeDerived: true });
    expect(shownGrade(null, 59)).toEqual({ grade: '差', gradeDerived: true });
    expect(shownGrade(null, null)).toEqual({ grade: null, gradeDerived: false });
  });
});
