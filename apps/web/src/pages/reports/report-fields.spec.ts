import { describe, expect, it } from 'vitest';
import { displayValue, getPath, parseEdit, scalarFields } from './report-fields';

describe('report fields', () => {
  it('lists labelled fields with their kind and value, null when missing', () => {
    const fields = scalarFields({ score: { total: 96, grade: '优', gradeText: null }, budget: { total: { initial: 1052.59, adjusted: null, actual: 1943.63, executionRateStated: 184.65 } } } as never);
    const by = Object.fromEntries(fields.map((f) => [f.path, f]));
    expect(by['score.total']).toEqual({ path: 'score.total', label: '自评得分', value: 96, kind: 'number' });
    expect(by['budget.total.actual']!.kind).toBe('amount');
    expect(by['budget.total.executionRateStated']!.kind).toBe('rate');
    expect(by['budget.total.adjusted']!.value).toBeNull();
    expect(by['staff.quota']!.value).toBeNull();
  });

  it('reads dotted paths with array indexes', () => {
    expect(getPath({ indicators: [{ actual: '18.1%' }] }, 'indicators.0.actual')).toBe('18.1%');
    expect(getPath({}, 'a.b.c')).toBeUndefined();
  });

  it('parses edits: numbers for numeric fields, empty as unknown, text kept', () => {
    expect(parseEdit('amount', '1,943.63')).toBe(1943.63);
    expect(parseEdit('rate', '93.5%')).toBe(93.5);
    expect(parseEdit('text', ' 优 ')).toBe('优');
    expect(parseEdit('number', '')).toBeNull();
    expect(() => parseEdit('amount', '一千')).toThrow('请输入数字');
  });
});

describe('displayValue', () => {
  it('shows coded values in words and leaves the rest alone', () => {
    expect(displayValue('unit.level', 'city')).toBe('市级');
    expect(displayValue('reportKind', 'project')).toBe('项目支出');
    expect(displayValue('unit.name', 'city')).toBe('city');
    expect(displayValue('unit.level', null)).toBeNull();
  });
});
