import { emptyReportDocument, type IndicatorRow } from '@hunan-perf/contracts';
import {
  addDecimal, decimalOf, divideDecimal, formatDecimal, numberOf, percent, roundDecimal, subtractDecimal, toFixedHalfAway,
  adjustmentRatio, assessIndicator, executionRate, gradeFor, indicatorCompletion, normaliseGrade, parseQuantity,
  projectShare, round, scoreRatesByLevel1, threePublicControlRate,
} from './index.js';

const row = (partial: Partial<IndicatorRow>): IndicatorRow => ({
  level1: '产出指标', level2: '数量指标', name: 'x', target: null, actual: null, weight: null, score: null, note: null, ...partial,
});

describe('budget metrics', () => {
  it('execution rate uses adjusted, falling back to initial', () => {
    expect(executionRate({ initial: 1052.59, adjusted: null, actual: 1943.63, executionRateStated: null })).toBe(184.65);
    expect(executionRate({ initial: 100, adjusted: 200, actual: 150, executionRateStated: null })).toBe(75);
    expect(executionRate({ initial: null, adjusted: null, actual: 150, executionRateStated: null })).toBeNull();
    expect(executionRate({ initial: 0, adjusted: null, actual: 150, executionRateStated: null })).toBeNull();
    expect(executionRate({ initial: 100, adjusted: 100, actual: null, executionRateStated: null })).toBeNull();
  });

  it('adjustment ratio: the stated adjustment where there is one, else adjusted − carryover − initial', () => {
    const line = { initial: null, adjusted: null, actual: null, executionRateStated: null, carryover: null, adjustmentStated: null };
    expect(adjustmentRatio({ ...line, initial: 204.03, adjusted: 889.65 })).toBe(336.04);
    expect(adjustmentRatio({ ...line, initial: 204.03, actual: 889.65 })).toBeNull();
    // 湘西 2021: 追加 3,612.68 万元 stated; 1,802.42 万元 结转结余 is not an adjustment.
    expect(adjustmentRatio({ ...line, initial: 1592.83, adjusted: 7020.05, carryover: 1802.42, adjustmentStated: 3612.68 })).toBe(226.81);
    expect(adjustmentRatio({ ...line, initial: 1592.83, adjusted: 7020.05, carryover: 1802.42 })).toBe(227.57);
    expect(adjustmentRatio({ ...line, initial: 1592.83, adjustmentStated: 3612.68 })).toBe(226.81);
    // 追减 is negative; documents stored before the fields existed lack them (read as null).
    expect(adjustmentRatio({ ...line, initial: 160, adjustmentStated: -155 })).toBe(-96.88);
    expect(adjustmentRatio({ initial: 100, adjusted: 90, actual: null, executionRateStated: null })).toBe(-10);
    expect(adjustmentRatio({ ...line, initial: 0, adjusted: 10 })).toBeNull();
    expect(adjustmentRatio({ ...line, adjusted: 10, adjustmentStated: 5 })).toBeNull();
  });

  it('three-public control rate and project share', () => {
    const doc = emptyReportDocument({ fileName: 'x', sha256: '', format: 'txt' });
    doc.threePublic.budget = 8;
    doc.threePublic.actual = 6.8;
    doc.budget.total.actual = 1943.63;
    doc.budget.project.actual = 889.65;
    expect(threePublicControlRate(doc.threePublic)).toBe(85);
    expect(projectShare(doc.budget)).toBe(45.77);
    doc.threePublic.budget = null;
    expect(threePublicControlRate(doc.threePublic)).toBeNull();
  });

  it('rounds half away from zero in decimal, like PostgreSQL round(numeric, 2)', () => {
    expect(round(1.005)).toBe(1.01);
    expect(round(-1.005)).toBe(-1.01);
    expect(round(5.625)).toBe(5.63);
    expect(round(-96.875)).toBe(-96.88);
    expect(round(2.675)).toBe(2.68); // 2.67499999… as a binary float
    expect(round(1.0049999)).toBe(1);
    expect(round(-0.001)).toBe(0);
    expect(Object.is(round(-0.001), -0)).toBe(false);
    expect(round(1e21)).toBe(1e21);
    expect(round(1.23e-7)).toBe(0);
    expect(round(12.3456, 3)).toBe(12.346);
  });

  it('percentages are exact quotients: 0.09 ÷ 1.60 × 100 = 5.625 → 5.63', () => {
    expect(percent(0.09, 1.6)).toBe(5.63);
    expect((0.09 / 1.6) * 100).toBeLessThan(5.625); // why float division before rounding gives 5.62
    expect(percent(-0.09, 1.6)).toBe(-5.63);
    expect(percent(0.09, -1.6)).toBe(-5.63);
    expect(percent(1, 3)).toBe(33.33);
    expect(percent(2, 3)).toBe(66.67);
    expect(percent(1, 0)).toBeNull();
    expect(percent(null, 3)).toBeNull();
    expect(executionRate({ initial: null, adjusted: 1.6, actual: 0.09, executionRateStated: null })).toBe(5.63);
  });

  it('metrics read amounts as stored: two decimals, half away from zero', () => {
    // 1.005 is stored as 1.01: 1.01 ÷ 2 = 50.5 %, not 50.25 %.
    expect(executionRate({ initial: null, adjusted: 2, actual: 1.005, executionRateStated: null })).toBe(50.5);
  });

  it('prints two decimals by the same rule', () => {
    expect(toFixedHalfAway(5.6)).toBe('5.60');
    expect(toFixedHalfAway(1.005)).toBe('1.01');
    expect((1.005).toFixed(2)).toBe('1.00'); // what toFixed would print
    expect(toFixedHalfAway(-96.875)).toBe('-96.88');
    expect(toFixedHalfAway(-0.004)).toBe('0.00');
    expect(toFixedHalfAway(-0.05)).toBe('-0.05');
    expect(toFixedHalfAway(1234567.5)).toBe('1234567.50');
    expect(toFixedHalfAway(0)).toBe('0.00');
  });
});

describe('decimal arithmetic', () => {
  it('reads a number as the decimal it prints as', () => {
    expect(decimalOf(0.1)).toEqual({ units: 1n, scale: 1 });
    expect(decimalOf(-12.5)).toEqual({ units: -125n, scale: 1 });
    expect(decimalOf(1e21)).toEqual({ units: 10n ** 21n, scale: 0 });
    expect(decimalOf(1.5e-7)).toEqual({ units: 15n, scale: 8 });
    expect(() => decimalOf(Number.NaN)).toThrow(RangeError);
  });

  it('adds, subtracts and divides without binary error', () => {
    expect(formatDecimal(addDecimal(decimalOf(0.1), decimalOf(0.2)))).toBe('0.3');
    expect(formatDecimal(subtractDecimal(decimalOf(7020.05), decimalOf(1802.42)))).toBe('5217.63');
    expect(formatDecimal(divideDecimal(decimalOf(1), decimalOf(8), 2)!)).toBe('0.13');
    expect(formatDecimal(divideDecimal(decimalOf(-1), decimalOf(8), 2)!)).toBe('-0.13');
    expect(formatDecimal(divideDecimal(decimalOf(1), decimalOf(-3), 4)!)).toBe('-0.3333');
    expect(divideDecimal(decimalOf(1), decimalOf(0))).toBeNull();
    expect(formatDecimal(roundDecimal(decimalOf(-0.125), 2))).toBe('-0.13');
    expect(numberOf(roundDecimal(decimalOf(-0.004), 2))).toBe(0);
  });

  it('agrees with exact rational rounding on every two-decimal quotient of small amounts', () => {
    // a ÷ b × 100 for a, b in cents 1…400: the exact rational rounded half away from zero.
    let checked = 0;
    const mismatches: string[] = [];
    for (let a = -400; a <= 400; a += 1) {
      for (let b = 1; b <= 400; b += 1) {
        const n = BigInt(a) * 10000n; // a/b × 100 in hundredths = a × 10000 / b
        const q = n / BigInt(b);
        const r = n % BigInt(b);
        const twice = 2n * (r < 0n ? -r : r);
        const expected = twice >= BigInt(b) ? q + (n < 0n ? -1n : 1n) : q;
        if (percent(a / 100, b / 100) !== Number(expected) / 100 + 0) mismatches.push(`${a / 100} ÷ ${b / 100}`);
        checked += 1;
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBe(801 * 400);
  });
});

describe('grades', () => {
  it.each([[96, '优'], [90, '优'], [89.99, '良'], [80, '良'], [79.5, '中'], [60, '中'], [59.99, '差']] as const)(
    'score %p is %p', (score, grade) => expect(gradeFor(score)).toBe(grade),
  );
  it('normalises written grades', () => {
    expect(normaliseGrade('优秀')).toBe('优');
    expect(normaliseGrade('良好')).toBe('良');
    expect(normaliseGrade('合格')).toBe('中');
    expect(normaliseGrade('不合格')).toBe('差');
    expect(normaliseGrade('待定')).toBeNull();
  });
});

describe('parseQuantity', () => {
  it.each([
    ['100%', { value: 100, unit: '%', comparator: null }],
    ['≥95%', { value: 95, unit: '%', comparator: 'atLeast' }],
    ['45家以上', { value: 45, unit: '家', comparator: 'atLeast' }],
    ['≤44万元', { value: 44, unit: '万元', comparator: 'atMost' }],
    ['204.03 万', { value: 204.03, unit: '万元', comparator: null }],
    ['1,554.97', { value: 1554.97, unit: null, comparator: null }],
    ['50000元', { value: 5, unit: '万元', comparator: null }],
    ['1.2亿元', { value: 12000, unit: '万元', comparator: null }],
    ['18.1%、两年平均增速11.1%', { value: 18.1, unit: '%', comparator: null }],
    ['不低于９０％', { value: 90, unit: '%', comparator: 'atLeast' }],
  ])('%p', (text, expected) => expect(parseQuantity(text)).toEqual(expected));

  it.each(['2021.12.31前', '合规', '高于全省平均增速', '成效明显', '', null])('%p is not a quantity', (text) => {
    expect(parseQuantity(text)).toBeNull();
  });
});

describe('indicator assessment', () => {
  it('bare number is at least; cost rows are at most', () => {
    expect(assessIndicator(row({ target: '100%', actual: '135.65%' }))).toEqual({ quantitative: true, comparator: 'atLeast', status: 'met' });
    expect(assessIndicator(row({ level2: '成本指标', name: '年终决算 ≤ 预算批复', target: '204.03 万', actual: '889.65 万' })))
      .toEqual({ quantitative: true, comparator: 'atMost', status: 'unmet' });
    expect(assessIndicator(row({ target: '≥95%', actual: '98%' })).status).toBe('met');
    expect(assessIndicator(row({ target: '45家以上', actual: '40家' })).status).toBe('unmet');
    expect(assessIndicator(row({ target: '45家', actual: '46个' })).quantitative).toBe(false);
  });

  it('qualitative rows are met only with full marks', () => {
    expect(assessIndicator(row({ target: '合规', actual: '合规', weight: 5, score: 5 })).status).toBe('met');
    expect(assessIndicator(row({ target: '合规', actual: '基本合规', weight: 5, score: 4 })).status).toBe('unmet');
    expect(assessIndicator(row({ target: '合规', actual: '合规' })).status).toBe('qualitative');
    expect(assessIndicator(row({ target: '100%', actual: null })).status).toBe('unknown');
  });

  it('completion counts quantitative rows only', () => {
    const rows = [
      row({ target: '100%', actual: '100%' }),
      row({ target: '100%', actual: '90%' }),
      row({ target: '≥95%', actual: '98%' }),
      row({ target: '合规', actual: '合规', weight: 5, score: 5 }),
    ];
    expect(indicatorCompletion(rows)).toBe(66.67);
    expect(indicatorCompletion([row({ target: '合规', actual: '合规' })])).toBeNull();
  });
});

describe('score rate per 一级指标', () => {
  it('prefers the breakdown and falls back to indicator rows', () => {
    const rates = scoreRatesByLevel1(
      [row({ level1: '效益指标', weight: 20, score: 18 }), row({ level1: '效益指标', weight: 20, score: 20 }), row({ level1: '产出指标', weight: 10, score: 10 })],
      [{ level1: '产出指标', level2: null, weight: 50, score: 45 }],
    );
    expect(rates).toEqual([
      { level1: '产出指标', weight: 50, score: 45, scoreRate: 90 },
      { level1: '效益指标', weight: 40, score: 38, scoreRate: 95 },
    ]);
  });

  it('is null without weights', () => {
    expect(scoreRatesByLevel1([row({ level1: '满意度指标', score: 5 })], [])).toEqual([]);
  });
});

test('meanOf: decimal mean rounded half away from zero; null when empty', async () => {
  const { meanOf } = await import('./round.js');
  expect(meanOf([1.005, 1.005])).toBe(1.01); // stored as 1.01 each (half away), mean 1.01
  expect(meanOf([0.1, 0.2])).toBe(0.15);
  expect(meanOf([93.56, 184.65])).toBe(139.11); // 139.105 → 139.11, where floats give 139.10
  expect(meanOf([-1, -0.25])).toBe(-0.63); // −0.625 → −0.63
  expect(meanOf([])).toBeNull();
});
