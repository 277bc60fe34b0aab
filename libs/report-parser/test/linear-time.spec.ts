// Issue 10, item 7: no regex or loop may be quadratic in a line's length. The rewritten matchers
// must give exactly what the regexes they replace gave (checked on seeded random strings against
// those regexes, kept here as the reference), and pathological inputs must extract without
// throwing. No timings are asserted: `npm run bench:parser` measures them.
import { extractReports, ReportParseError } from '../src/index.js';
import { findAmount } from '../src/numbers/parse-number.js';
import { excerptOf, inOrder } from '../src/segment/lines.js';
import { headingOf, itemMarker, stripMarkers } from '../src/segment/sections.js';
import { itemText } from '../src/extract/findings.js';
import { htmlToLines, rowLine } from '../src/read/html-to-lines.js';

function randomStrings(alphabet: string[], maxParts: number, count: number, seed: number): string[] {
  let state = seed;
  const next = (n: number): number => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) % n;
  return Array.from({ length: count }, () => Array.from({ length: next(maxParts + 1) }, () => alphabet[next(alphabet.length)]!).join(''));
}

const asMatch = (m: RegExpExecArray | null): unknown => m && [m.index, m[0], m[1], m[2]];

describe('linear matchers give what the regexes they replace gave', () => {
  test('findAmount is the AMOUNT regex, with and without a minus sign, other units and a start', () => {
    const plain = /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(万元|亿元|元)/;
    const signed = /(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)\s*(万元|亿元|元)/;
    const bareWan = /(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)\s*(万元|亿元|元|万(?![人亩户]))/g;
    const bareWanUnit = /万元|亿元|元|万(?![人亩户])/y;
    const alphabet = ['1', '2', '0', '123', '1234', ',', ',', '.', '-', ' ', '\u3000', '万', '元', '亿', '人', '万元', 'x', '\u2028'];
    for (const t of randomStrings(alphabet, 14, 8_000, 1)) {
      expect(asMatch(findAmount(t))).toEqual(asMatch(plain.exec(t)));
      expect(asMatch(findAmount(t, { negative: true }))).toEqual(asMatch(signed.exec(t)));
      const all: unknown[] = [];
      bareWan.lastIndex = 0;
      for (let m = bareWan.exec(t); m; m = bareWan.exec(t)) all.push(asMatch(m));
      const mine: unknown[] = [];
      for (let m = findAmount(t, { negative: true, unit: bareWanUnit }); m; m = findAmount(t, { negative: true, unit: bareWanUnit, from: m.index + m[0].length })) mine.push(asMatch(m));
      expect(mine).toEqual(all);
    }
    expect(asMatch(findAmount('预算1,234,567.5 万元'))).toEqual([2, '1,234,567.5 万元', '1,234,567.5', '万元']);
    expect(asMatch(findAmount('三公' + '7'.repeat(200_000)))).toBeNull();
    expect(findAmount('三公1' + ',000'.repeat(50_000) + '元')?.[1]).toHaveLength(200_001);
  });

  test('stripMarkers, headingOf and itemMarker (bookmarks, U+2028 after blank runs)', () => {
    const PATTERNS = [
      { re: /^附\s*件\s*\d+\s*[、.:：]?\s*(.*)$/, level: 0, style: 'annex' },
      { re: /^[一二三四五六七八九十]{1,3}\s*[、.．]\s*(.*)$/, level: 1, style: 'cn' },
      { re: /^[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]\s*(.*)$/, level: 2, style: 'cn-paren' },
      { re: /^\d{1,2}\s*[、.．](?!\d)\s*(.*)$/, level: 3, style: 'num' },
      { re: /^[（(]\s*\d{1,2}\s*[)）]\s*(.*)$/, level: 4, style: 'num-paren' },
      { re: /^[①②③④⑤⑥⑦⑧⑨⑩]\s*(.*)$/, level: 5, style: 'circled' },
    ];
    const strip = (text: string): string => text.replace(/\[bookmark:[^\]]*\]/g, '').replace(/^[\s\t]*(?:[-*•]\s+)?/, '').trim();
    const heading = (text: string): unknown => {
      let t = strip(text);
      const md = /^(#{1,6})\s+(.*)$/.exec(t);
      if (md) t = (md[2] ?? '').trim();
      for (const p of PATTERNS) {
        const m = p.re.exec(t);
        if (m) return { line: 1, level: p.level, title: (m[1] ?? '').trim(), style: p.style };
      }
      return md ? { line: 1, level: Math.max(1, (md[1] ?? '#').length - 1), title: t, style: 'md' } : null;
    };
    const item = (text: string): unknown => {
      const t = strip(text);
      for (const p of PATTERNS) {
        const m = p.style === 'annex' ? null : p.re.exec(t);
        if (m) return { style: p.style, rest: (m[1] ?? '').trim() };
      }
      const loose = /^(\d{1,2})\s+(?=[\u4e00-\u9fa5])(.*)$/.exec(t);
      return loose ? { style: 'num', rest: (loose[2] ?? '').trim() } : null;
    };
    const alphabet = ['[bookmark:', ']', 'x', ' ', '\t', '- ', '## ', '附', '件', '1', '12', '、', '.', '一', '（', ')', '①', '\u2028', '\u2029', '问题', '\u3000'];
    for (const t of randomStrings(alphabet, 10, 8_000, 2)) {
      expect(stripMarkers(t)).toBe(strip(t));
      expect(headingOf({ no: 1, raw: t, text: t })).toEqual(heading(t));
      expect(itemMarker(t)).toEqual(item(t));
    }
    expect(stripMarkers('[bookmark:'.repeat(50_000))).toHaveLength(500_000);
    const long = `1、${' '.repeat(200_000)}问题\u2028续`;
    expect(headingOf({ no: 1, raw: long, text: long })).toBeNull();
    expect(itemMarker(long)).toBeNull();
  });

  test('itemText, inOrder, excerptOf and rowLine', () => {
    const text = (rest: string): string => (rest.split(/[。；;!！?？]/)[0] ?? rest).replace(/[：:，,、\s]+$/, '').trim();
    const flat = (raw: string): string => raw.replace(/\t+/g, ' | ').replace(/[ \u3000]{2,}/g, ' ').replace(/^[ |]+|[ |]+$/g, '').trim();
    const excerpt = (raw: string, focus: string, max: number): string => {
      const f = flat(raw);
      if (f.length <= max) return f;
      const at = f.indexOf(focus);
      const start = at < 0 ? 0 : Math.max(0, Math.min(at - Math.floor(max / 3), f.length - max));
      return (start > 0 ? '…' : '') + f.slice(start, start + max) + (start + max < f.length ? '…' : '');
    };
    const row = (cells: string[]): string => {
      const line = cells.join('\t');
      return /\S[^\t]*\t/.test(line.replace(/^\t+/, '')) || /^\t+\S[^\t]*\t/.test(line) ? line : `${line}\t`;
    };
    const alphabet = ['a', '。', '；', '：', ':', '，', ',', '、', ' ', '\t', '\u3000', '\u00a0', '|', '部门', '自评', '车', '购置', '\u2028'];
    randomStrings(alphabet, 12, 8_000, 3).forEach((t, i) => {
      expect(itemText(t)).toBe(text(t));
      expect(inOrder(t, '部门', '自评')).toBe(/部门.*自评/.test(t));
      expect(inOrder(t, '购置', '车')).toBe(/购置.*车/.test(t));
      expect(excerptOf({ no: 1, raw: t, text: t }, 'a', 1 + (i % 8))).toBe(excerpt(t, 'a', 1 + (i % 8)));
      expect(rowLine(t.split('|'))).toBe(row(t.split('|')));
    });
    // Lines over 10,000 characters keep their flattened form between excerpts.
    for (const t of randomStrings(['ab', '|', ' ', '\t', '  ', '部门'], 9_000, 10, 4)) {
      const line = { no: 1, raw: t, text: t };
      for (const focus of ['ab', '部门', 'zz']) expect(excerptOf(line, focus)).toBe(excerpt(t, focus, 160));
    }
    expect(itemText(`预算${'，'.repeat(200_000)}x`)).toBe(`预算${'，'.repeat(200_000)}x`);
    expect(excerptOf({ no: 1, raw: `综合评分为96分${'| '.repeat(100_000)}x`, text: '' }, '96')).toMatch(/^综合评分为96分/);
  });

  test('htmlToLines keeps row spans in place over many rows', () => {
    const html = `<table>${Array.from({ length: 3000 }, (_, i) => `<tr>${i % 2 === 0 ? '<td rowspan="2"><p>类</p></td>' : ''}<td><p>指标${i}</p></td></tr>`).join('')}</table>`;
    const lines = htmlToLines(html);
    expect(lines).toHaveLength(3002);
    expect(lines[1]).toBe('类\t指标0');
    expect(lines[2]).toBe('\t指标1\t');
    expect(lines[3000]).toBe('\t指标2999\t');
  });
});

describe('pathological inputs extract without throwing anything but a ReportParseError', () => {
  const TITLE = '长沙市某某局2021年度部门整体支出绩效自评报告\n';
  const inputs: Record<string, string> = {
    '①存在的问题 on 20,000 lines': TITLE + '①存在的问题\n'.repeat(20_000),
    '1、存在的问题 on 20,000 lines': TITLE + '1、存在的问题\n'.repeat(20_000),
    '存在的问题 and 20,000 items': TITLE + '六、存在的问题\n' + '1、预算编制不够精细，部分项目执行进度偏慢。\n'.repeat(20_000),
    '一级指标| on 20,000 lines': TITLE + '一级指标|\n'.repeat(20_000),
    'a table row of 50,000 cells': TITLE + '1\t'.repeat(50_000),
  };
  test.each(Object.keys(inputs))('%s', async (name) => {
    const bytes = new TextEncoder().encode(inputs[name]);
    const result = await extractReports(bytes, 'pathological.txt').catch((error: unknown) => {
      expect(error).toBeInstanceOf(ReportParseError);
      return null;
    });
    if (!result) return;
    expect(result.lines.length).toBe(inputs[name]!.split('\n').length);
    for (const doc of result.reports) {
      expect(doc.budget.total.initial).toBeNull();
      expect(doc.score.total).toBeNull();
      expect(doc.findings.problems.length).toBeLessThanOrEqual(500);
      expect(doc.warnings.map((w) => w.code)).toContain('MISSING_SCORE');
    }
  });

  test('the items under 存在的问题 are read, each from its own line', async () => {
    const text = TITLE + '六、存在的问题\n' + '1、预算编制不够精细，部分项目执行进度偏慢。\n'.repeat(20_000);
    const [doc] = (await extractReports(new TextEncoder().encode(text), 'items.txt')).reports;
    expect(doc!.findings.problems).toHaveLength(500);
    expect(doc!.findings.problems[0]).toBe('预算编制不够精细，部分项目执行进度偏慢');
    expect(doc!.provenance['findings.problems.0']?.line).toBe(3);
    expect(doc!.provenance['findings.problems.1']?.line).toBe(4);
  });
});
