import { categoryOf } from './index.js';

describe('categoryOf (canonical 一级 categories)', () => {
  it('maps written 一级 names across frameworks, the 二级 deciding under a broad 一级', () => {
    expect(categoryOf('产出指标', '数量指标')).toBe('产出');
    expect(categoryOf('效益指标', '满意度指标')).toBe('效益');
    expect(categoryOf('部门绩效', '满意度指标')).toBe('满意度');
    expect(categoryOf('投入管理指标', '资产管理')).toBe('投入');
    expect(categoryOf('产 出 指 标', null)).toBe('产出');
    expect(categoryOf('OCR乱码', null)).toBe('其他');
    expect(categoryOf(null, '履职效益')).toBe('效益');
    expect(categoryOf(null, null)).toBeNull();
  });
});
