import { jaccardPercent, normaliseWording, sharedRanges, SHINGLE_SIZE, shingleHash, textShingles, wordingLength } from './text-shingles.js';

describe('text shingles', () => {
  it('keeps letters and digits only, drops a leading enumeration marker, maps each kept character to the original', () => {
    const n = normaliseWording('（一）预算编制， 需更加科学！');
    expect(n.text).toBe('预算编制需更加科学');
    expect(n.from[0]).toEqual([3, 4]);
    expect(n.from[4]).toEqual([9, 10]); // 需, after "，" and the space
    for (const text of ['1. 预算编制', '2、预算编制', '一是预算编制', '①预算编制', '(3)预算编制']) expect(normaliseWording(text).text).toBe('预算编制');
    // A number that is part of the wording stays.
    expect(normaliseWording('2021年执行率93.56%').text).toBe('2021年执行率9356');
    // Full-width letters and digits read as their ASCII forms, in lower case.
    expect(normaliseWording('ＰＰＰ项目１２').text).toBe('ppp项目12');
  });

  it('hashes each window of three characters to a signed 32-bit integer, the same every time', () => {
    expect(SHINGLE_SIZE).toBe(3);
    const h = shingleHash('预算编');
    expect(Number.isInteger(h) && h >= -(2 ** 31) && h < 2 ** 31).toBe(true);
    expect(shingleHash('预算编')).toBe(h);
    expect(shingleHash('算编制')).not.toBe(h);
    // FNV-1a of "a" is 0xe40c292c: as a signed integer −468965076.
    expect(shingleHash('a')).toBe(-468965076);
  });

  it('gives the distinct hashes in ascending order; punctuation and spacing do not change them', () => {
    const s = textShingles('预算编制需更加科学合理');
    expect(s).toHaveLength(9);
    expect([...s].sort((a, b) => a - b)).toEqual(s);
    expect(textShingles('预算编制，需更加 科学合理。')).toEqual(s);
    expect(textShingles('哈哈哈哈哈')).toEqual([shingleHash('哈哈哈')]);
    expect(textShingles('预算')).toEqual([shingleHash('预算')]);
    expect(textShingles('——。')).toEqual([]);
    expect(wordingLength('1、预算不够精准。')).toBe(6);
  });

  it('measures Jaccard similarity in percent, rounded half away from zero to two decimals', () => {
    const a = textShingles('预算编制需更加科学合理');
    const b = textShingles('预算编制需要更加科学合理');
    // 9 and 10 windows, 7 in common: 7 ÷ 12 × 100.
    expect(jaccardPercent(a, b)).toBe(58.33);
    expect(jaccardPercent(a, a)).toBe(100);
    expect(jaccardPercent(a, textShingles('严格执行资金安排'))).toBe(0);
    expect(jaccardPercent([1, 2, 3, 4, 5, 6, 7, 8], [1])).toBe(12.5);
    // 1 ÷ 32 × 100 = 3.125 → 3.13 (not banker's 3.12).
    const many = Array.from({ length: 32 }, (_, i) => i);
    expect(jaccardPercent(many, [0])).toBe(3.13);
    expect(jaccardPercent([], a)).toBeNull();
  });

  it('marks the parts of a paragraph whose wording the other shares, in the original text', () => {
    const text = '一是预算编制需更加科学合理，执行进度偏慢';
    const other = '预算编制需更加科学，项目验收不及时';
    const ranges = sharedRanges(text, other);
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(['预算编制需更加科学']);
    expect(sharedRanges('完全不同的文字', other)).toEqual([]);
    // Windows that straddle punctuation in the original still mark whole characters.
    const split = sharedRanges('甲乙，丙丁', '甲乙丙丁');
    expect(split.map(([s, e]) => '甲乙，丙丁'.slice(s, e))).toEqual(['甲乙，丙丁']);
  });
});
