import { CSV_BOM, csvLine, parseCsv, sanitizeCsvCell, unsanitizeCsvCell } from './csv.js';

describe('csv', () => {
  it('defuses formula-looking text but keeps negative numbers', () => {
    expect(sanitizeCsvCell('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(sanitizeCsvCell('+1')).toBe("'+1");
    expect(sanitizeCsvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(sanitizeCsvCell('\tx')).toBe("'\tx");
    expect(sanitizeCsvCell(-12.5)).toBe('-12.5');
    expect(sanitizeCsvCell(null)).toBe('');
  });

  it('quotes per RFC 4180', () => {
    expect(csvLine(['a,b', 'say "hi"', 'line\nbreak', 1943.63, null])).toBe('"a,b","say ""hi""","line\nbreak",1943.63,\r\n');
  });

  it('parses what it writes, including a BOM, quotes and newlines', () => {
    const text = CSV_BOM + csvLine(['单位', '备注']) + csvLine(['浏阳市, 工信局', 'a "b"\nc']) + csvLine(['=1+1', '']);
    expect(parseCsv(text)).toEqual([['单位', '备注'], ['浏阳市, 工信局', 'a "b"\nc'], ["'=1+1", '']]);
    expect(unsanitizeCsvCell("'=1+1")).toBe('=1+1');
    expect(unsanitizeCsvCell("'plain")).toBe("'plain");
  });
});
