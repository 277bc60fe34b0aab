import type { ExtractContext } from './context.js';
import { sentencesOf } from './context.js';
import { STRENGTH } from './candidates.js';
import { cellAmount, findAmount, PROSE_MONEY_UNIT, toWanYuan, unitOf, type AmountUnit } from '../numbers/parse-number.js';
import { inOrder } from '../segment/lines.js';
import { tableUnit } from './table-unit.js';
import type { Row } from '../segment/tables.js';

const squash = (s: string): string => s.replace(/[\s\u3000]/g, '');

type Part = 'total' | 'vehicles' | 'reception' | 'vehiclePurchase' | 'vehicleOperation' | 'overseas';

function partOf(label: string): Part | null {
  const t = squash(label);
  if (/三公经费/.test(t)) return 'total';
  if (/购置和|购置及/.test(t)) return 'vehicles';
  if (/接待/.test(t)) return 'reception';
  // /车.*购置|购置.*车/ and /车.*(运行|运维|维护)/, without their quadratic retries.
  if (inOrder(t, '车', '购置') || inOrder(t, '购置', '车')) return 'vehiclePurchase';
  if (inOrder(t, '车', '运行') || inOrder(t, '车', '运维') || inOrder(t, '车', '维护')) return 'vehicleOperation';
  if (/出国|出境/.test(t)) return 'overseas';
  return null;
}

interface YearColumns {
  prior: number;
  budget: number;
  actual: number;
}

/** "经费控制情况 | 2020 年决算数 | 2021 年预算数 | 2021 年决算数". */
function yearHeader(row: Row, fiscalYear: number | null): YearColumns | null {
  if (!row.cells.some((c) => c.text.includes('决算'))) return null;
  const texts = row.cells.map((c) => squash(c.text));
  const col = (re: RegExp, year: number | null): number =>
    texts.findIndex((t) => re.test(t) && (year === null || !/(19|20)\d{2}/.test(t) || t.includes(String(year))));
  const budget = col(/预算数/, fiscalYear);
  const actual = texts.findIndex((t) => /决算数/.test(t) && (fiscalYear === null || t.includes(String(fiscalYear))));
  const prior = texts.findIndex((t) => /决算数/.test(t) && fiscalYear !== null && t.includes(String(fiscalYear - 1)));
  if (budget < 0 || actual < 0) return null;
  return { prior, budget, actual };
}

function readTables(ctx: ExtractContext): void {
  for (const table of ctx.tables) {
    let cols: YearColumns | null = null;
    let inBlock = false;
    let unit: AmountUnit = '万元';
    for (const row of table.rows) {
      const header = yearHeader(row, ctx.fiscalYear);
      if (header) {
        cols = header;
        inBlock = false;
        unit = tableUnit(table, row, ctx.lineByNo);
        continue;
      }
      if (!cols) continue;
      const label = row.cells.find((c) => c.text && cellAmount(c.text) === null && !/^[—\-/]+$/.test(c.text));
      if (!label) continue;
      const part = partOf(label.text);
      if (part === 'total') inBlock = true;
      else if (!part) {
        // The 三公 block ends at the next category (项目支出, 公用经费 …); their sub-rows are not 三公.
        inBlock = false;
        continue;
      }
      if (!inBlock || part === 'vehicles') continue;
      const at = (i: number): { text: string; line: number } => {
        const c = i >= 0 ? row.cells[i] : undefined;
        return { text: c?.text ?? '', line: c?.line ?? row.line };
      };
      const add = (path: string, i: number): void => {
        const c = at(i);
        ctx.candidates.add(path, { value: cellAmount(c.text, unit), line: c.line, strength: STRENGTH.formalTable, where: 'table', focus: c.text });
      };
      if (part === 'total') {
        add('threePublic.budget', cols.budget);
        add('threePublic.actual', cols.actual);
        add('threePublic.priorYearActual', cols.prior);
      } else add(`threePublic.${part}`, cols.actual);
    }
  }
}

/** An amount in prose ("2.43万" too), in linear time (numbers/parse-number.ts). */
const AMOUNT = {
  test: (t: string): boolean => findAmount(t, { unit: PROSE_MONEY_UNIT }) !== null,
  exec: (t: string): RegExpExecArray | null => findAmount(t, { unit: PROSE_MONEY_UNIT }),
};

/** "“三公”经费预算8万元…年终决算共支出6.8万元，其中公务接待6.8万元". */
function readProse(ctx: ExtractContext): void {
  let inSection = false;
  for (const line of ctx.lines) {
    const t = line.text;
    if (/三公/.test(t) && t.length < 40 && !AMOUNT.test(t)) {
      inSection = true;
      continue;
    }
    if (!/三公/.test(t) && !inSection) continue;
    if (!AMOUNT.test(t)) {
      if (t.trim() && !/三公/.test(t)) inSection = false;
      continue;
    }
    for (const sentence of sentencesOf(t)) {
      let kind: 'budget' | 'actual' | null = null;
      let namesThreePublic: boolean | undefined; // sentence.some((c) => /三公/.test(c)), read once
      const saysThreePublic = (): boolean => (namesThreePublic ??= sentence.some((c) => /三公/.test(c)));
      for (const clause of sentence) {
        if (/预算|年初/.test(clause)) kind = 'budget';
        else if (/决算|实际|支出|执行/.test(clause)) kind = 'actual';
        const m = AMOUNT.exec(clause);
        if (!m || !m[1]) continue;
        if (/同比|较|比上年|下降|增加|减少|上年/.test(clause)) continue;
        const years = [...clause.matchAll(/((?:19|20)\d{2})\s*年/g)].map((y) => Number(y[1]));
        if (ctx.fiscalYear !== null && years.some((y) => y !== ctx.fiscalYear)) continue;
        const value = toWanYuan(Number(m[1].replace(/,/g, '')), unitOf(m[2]));
        const part = partOf(clause);
        const add = (path: string): void => ctx.candidates.add(path, { value, line: line.no, strength: STRENGTH.text, where: 'text', focus: m[0] });
        if (part === 'vehicles') continue;
        const plainTotal = part === null && !/公务|车|接待|出国|其中/.test(clause) && (/三公|经费/.test(clause) || saysThreePublic());
        if (part === 'total' || plainTotal) {
          if (kind === 'budget') add('threePublic.budget');
          else if (kind === 'actual') add('threePublic.actual');
        } else if (part && kind === 'actual') add(`threePublic.${part}`);
      }
    }
  }
}

export function extractThreePublic(ctx: ExtractContext): void {
  readTables(ctx);
  readProse(ctx);
}
