import { emptyReportDocument, type IndicatorRow } from '@hunan-perf/contracts';
import {
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

  it('adjustment ratio needs both initial and adjusted', () => {
    expect(adjustmentRatio({ initial: 204.03, adjusted: 889.65, actual: null, executionRateStated: null })).toBe(336.04);
    expect(adjustmentRatio({ initial: 204.03, adjusted: null, actual: 889.65, executionRateStated: null })).toBeNull();
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

  it('rounds half up on two decimals', () => {
    expect(round(1.005)).toBe(1.01);
    expect(round(-1.005)).toBe(-1.01);
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
