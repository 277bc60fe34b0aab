import type { ExtractContext } from './context.js';
import { sentencesOf } from './context.js';
import { STRENGTH } from './candidates.js';
import { cellAmount, cellNumber, cellPercent, findAmount, PROSE_MONEY_UNIT, toWanYuan, unitOf, type AmountUnit } from '../numbers/parse-number.js';
import { tableUnit } from './table-unit.js';
import type { Row, Table } from '../segment/tables.js';
import { headingOf } from '../segment/sections.js';

export interface BudgetScoreRow {
  weight: number | null;
  score: number | null;
  line: number;
}

const squash = (s: string): string => s.replace(/[\s\u3000]/g, '');

interface BudgetColumns {
  initial: number;
  adjusted: number;
  actual: number;
  rate: number;
  weight: number;
  score: number;
}

function budgetHeader(row: Row): BudgetColumns | null {
  if (!row.cells.some((c) => /预算|批复/.test(c.text)) || !row.cells.some((c) => /执行|决算|实际|支出数/.test(c.text))) return null;
  const texts = row.cells.map((c) => squash(c.text).replace(/[（(](万元|元|亿元)[)）]/g, ''));
  if (texts.some((t) => /^(19|20)\d{2}年/.test(t))) return null;
  const find = (re: RegExp, not?: RegExp): number => texts.findIndex((t) => re.test(t) && !(not && not.test(t)));
  const actual = find(/执行数|决算数|实际支出|实际数|支出数|实际执行/, /预算/);
  let initial = find(/年初/);
  if (initial < 0) initial = find(/^(预算数|批复数|预算批复数|批复预算数?|预算)$/);
  let adjusted = find(/调整后|调整预算|全年预算/, /年初/);
  if (actual < 0 || (initial < 0 && adjusted < 0)) return null;
  if (!texts.some((t) => /执行|决算|实际/.test(t))) return null;
  // A single "全年预算数" column is the budget the year started with (the contract's reading).
  if (initial < 0) [initial, adjusted] = [adjusted, -1];
  return { initial, adjusted, actual, rate: find(/执行率/), weight: find(/分值|权重/), score: find(/得分/) };
}

function subjectOfLabel(label: string): 'total' | 'totalWeak' | 'basic' | 'project' | null {
  if (/其中[:：].*[:：]/.test(label)) return null;
  if (/年度资金总额|资金总额|合计|总计|总额|部门整体支出/.test(label)) return 'total';
  if (/基本支出/.test(label)) return 'basic';
  if (/项目支出/.test(label)) return 'project';
  if (/财政拨款/.test(label)) return 'totalWeak';
  return null;
}

function readBudgetTable(ctx: ExtractContext, table: Table, onScore: (row: BudgetScoreRow) => void): void {
  let cols: BudgetColumns | null = null;
  let unit: AmountUnit = '万元';
  const hasTotalRow = table.rows.some((r) => r.cells.some((c) => /总额|合计|总计|部门整体支出/.test(c.text)));
  for (const row of table.rows) {
    const header = budgetHeader(row);
    if (header) {
      cols = header;
      unit = tableUnit(table, row, ctx.lineByNo);
      continue;
    }
    if (!cols) continue;
    const label = squash(row.cells.filter((c) => c.text && cellAmount(c.text) === null && cellPercent(c.text) === null).map((c) => c.text).join(''));
    if (/年度总体目标|绩效指标|一级指标|预期目标/.test(label)) {
      cols = null;
      continue;
    }
    let subject = subjectOfLabel(label);
    if (!subject) continue;
    // "财政拨款" stands for the total when the table has no 合计/总额 row of its own.
    if (subject === 'totalWeak' && !hasTotalRow) subject = 'total';
    const at = (i: number): string => (i >= 0 ? (row.cells[i]?.text ?? '') : '');
    const base = subject === 'totalWeak' ? 'budget.total' : `budget.${subject}`;
    const strength = subject === 'totalWeak' ? STRENGTH.table : STRENGTH.formalTable;
    const put = (field: string, text: string, value: number | null): void => {
      const cell = row.cells.find((c) => c.text === text);
      ctx.candidates.add(`${base}.${field}`, { value, line: cell?.line ?? row.line, strength, where: 'table', focus: text });
    };
    put('initial', at(cols.initial), cellAmount(at(cols.initial), unit));
    if (cols.adjusted >= 0) put('adjusted', at(cols.adjusted), cellAmount(at(cols.adjusted), unit));
    put('actual', at(cols.actual), cellAmount(at(cols.actual), unit));
    if (base === 'budget.total' && cols.rate >= 0) put('executionRateStated', at(cols.rate), cellPercent(at(cols.rate)));
    if (subject === 'total' && (cols.weight >= 0 || cols.score >= 0)) {
      onScore({ weight: cellNumber(at(cols.weight)), score: cellNumber(at(cols.score)), line: row.line });
    }
  }
}

/** An amount in prose: "1,802.42万元", "0.5亿元", "331.37万" (a bare 万 not followed by another unit: 万人, 万亩 …). */
const PROSE_UNIT = PROSE_MONEY_UNIT;
/** findAmount is the linear form of the amount regex (a long digit run without a unit is not re-read). */
const AMOUNT = {
  test: (t: string): boolean => findAmount(t, { negative: true, unit: PROSE_UNIT }) !== null,
  exec: (t: string): RegExpExecArray | null => findAmount(t, { negative: true, unit: PROSE_UNIT }),
};

/** A clause cut after each amount, so each amount keeps the words right before it: "预算总金额803.74万元" | "其中:基本支出757.49万元". */
function amountClauses(clause: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let m = findAmount(clause, { negative: true, unit: PROSE_UNIT }); m; m = findAmount(clause, { negative: true, unit: PROSE_UNIT, from })) {
    out.push(clause.slice(from, m.index + m[0].length));
    from = m.index + m[0].length;
  }
  const rest = clause.slice(from);
  if (rest.trim() || !out.length) out.push(rest);
  return out;
}
const SKIP_CLAUSE = /三公|公务|接待|出国|公用经费|政府采购|资产|折旧|追加|追减|减少|增加|下降|增长|降幅|同比|较上年|比上年|结转|结余|补助资金|人员经费|工资|商品和服务|对个人/;

type Subject = 'total' | 'basic' | 'project';
type Kind = 'initial' | 'adjusted' | 'actual';

function subjectOf(clause: string): Subject | null {
  // "其他类项目支出", "专项项目支出": a qualified sub-item, not the line itself.
  if (/(?<![类型项费])基本支出/.test(clause)) return 'basic';
  if (/(?<![类型项费])(项目支出|项目资金|专项资金)/.test(clause)) return 'project';
  if (/基本支出|项目支出|项目资金|专项资金/.test(clause)) return null;
  if (/(部门|单位|本局|我局|我单位|全局|整体|总额|合计|总计|预算(财政)?拨款收入|预算收入|我校|本校|我院|本院|我办|本办|我委|本委)/.test(clause) && !/该项目|总金额|预算金额/.test(clause)) return 'total';
  return null;
}

function kindOf(clause: string): { kind: Kind; strong: boolean } | null {
  if (/调整后|调整预算数|全年预算数/.test(clause)) return { kind: 'adjusted', strong: true };
  if (/实际支出|实际执行|全年执行|已执行|执行金额|决算|执行数|实际使用|预算支出|整体支出|支出合计|支出总计|共支出|支出共计|安排支出|使用/.test(clause)) return { kind: 'actual', strong: true };
  if (/年初|预算数|预算为|预算安排|批复|支出预算|预算\s*\d|预算拨款收入|预算收入/.test(clause)) return { kind: 'initial', strong: true };
  if (/^(?:\d{1,2}[、.])?(?:总|全年)?支出[:：为]/.test(clause)) return { kind: 'actual', strong: true };
  if (/支出[:：为]?\s*[\d]/.test(clause)) return { kind: 'actual', strong: false };
  return null;
}

/** Amounts written in sentences: "年初基本支出预算848.55万元", "项目支出实际支出889.65万元". */
function readBudgetProse(ctx: ExtractContext): void {
  let sectionSubject: Subject | null = null;
  // Under a department-level heading about the budget ("二、预算执行情况"), a sentence that names no
  // subject ("年初预算数为…，全年执行数为…") is about the department as a whole (weakly: tables win).
  let departmentBudgetSection = false;
  for (const line of ctx.lines) {
    const heading = headingOf(line);
    if (heading && heading.title.length < 40) {
      const s = /基本支出/.test(heading.title) ? 'basic' : /项目支出/.test(heading.title) ? 'project' : null;
      if (s || heading.level <= 2) sectionSubject = s;
      if (heading.level <= 2) departmentBudgetSection = !s && /预算|支出|资金|收支/.test(heading.title) && !/项目/.test(heading.title);
      if (!AMOUNT.test(line.text)) continue;
    }
    if (!AMOUNT.test(line.text)) continue;
    for (const sentence of sentencesOf(compactProse(line.text)).map((clauses) => clauses.flatMap(amountClauses))) {
      let subject: Subject | null = null;
      let kind: Kind | null = null;
      let first = true;
      // "部门预算总金额803.74万元，其中：基本支出757.49万元": a budget of unnamed kind, and its parts with it.
      let headUnspecified = false;
      for (const clause of sentence) {
        const m = AMOUNT.exec(clause);
        const own = subjectOf(clause);
        const ownKind = kindOf(clause);
        if (!m || !m[1]) {
          // A clause without an amount ("是指单位为…") sets nothing.
          continue;
        }
        if (first && !ownKind && /预算|总金额|资金总额/.test(clause)) headUnspecified = true;
        if (headUnspecified && !ownKind?.strong) {
          first = false;
          continue;
        }
        if (/其中/.test(clause)) subject = own;
        else if (own) subject = own;
        if (ownKind && (ownKind.strong || !kind)) kind = ownKind.kind;
        const years = [...clause.matchAll(/((?:19|20)\d{2})\s*年/g)].map((y) => Number(y[1]));
        const otherYear = ctx.fiscalYear !== null && years.some((y) => y !== ctx.fiscalYear);
        const isIncome = /收入/.test(clause) && !/预算(财政)?拨款收入|预算收入/.test(clause);
        if (SKIP_CLAUSE.test(clause) || otherYear || isIncome) {
          first = false;
          continue;
        }
        let subj = subject;
        let strength: number = own ? STRENGTH.text : STRENGTH.weak;
        if (!subj && first && sectionSubject && ownKind?.strong) {
          subj = sectionSubject;
          strength = STRENGTH.text;
        } else if (!subj && first && departmentBudgetSection && ownKind?.strong && !/项目|该/.test(clause)) {
          subject = subj = 'total';
          strength = STRENGTH.weak;
        }
        first = false;
        if (!subj || !kind) continue;
        if (!ownKind && !/其中/.test(clause)) strength = STRENGTH.weak;
        if (/预算(财政)?拨款收入|预算收入/.test(clause)) strength = STRENGTH.weak;
        const value = toWanYuan(Number(m[1].replace(/,/g, '')), unitOf(m[2]));
        ctx.candidates.add(`budget.${subj}.${kind}`, { value, line: line.no, strength, where: 'text', focus: m[0] });
      }
    }
    const rate = /(预算执行率|预算完成率|执行率)(?:为|达|是|达到)?\s*(\d+(?:\.\d+)?)\s*%/.exec(line.text);
    if (rate && !/控制率|采购/.test(line.text.slice(Math.max(0, rate.index - 6), rate.index + 4)) && /整体|全年|部门|预算完成率/.test(line.text)) {
      // A rate stated beside the department's own totals is a statement, not an aside: a table that
      // says otherwise is reported (湘西: 93.56 % in the text, 93.55 % in its table).
      const stated = /整体|部门/.test(line.text) && AMOUNT.test(line.text);
      ctx.candidates.add('budget.total.executionRateStated', { value: Number(rate[2]), line: line.no, strength: stated ? STRENGTH.text : STRENGTH.weak, where: 'text', focus: rate[0] });
    }
  }
}

/** PDF text puts spaces inside words and numbers ("803.74 万元", "2022 年"): gone for prose reading. */
function compactProse(text: string): string {
  return text.replace(/(?<=[\u4e00-\u9fa5])[ \u3000]+(?=[\u4e00-\u9fa5\d])|(?<=[\d%])[ \u3000]+(?=[\u4e00-\u9fa5])/g, '');
}

/**
 * The 收支 tables of the basic-data section ("部门（单位）年度支出和结余情况": 机构名称 | 支出合计 | …):
 * their 汇总/合计 row states the year's spending once more. Read as a plain table value, so that a
 * figure differing from the self-evaluation table's is reported (湘西: 6568.82 here, 6568.25 there).
 */
function readSpendingTable(ctx: ExtractContext, table: Table): void {
  for (let r = 0; r < table.rows.length; r++) {
    const k = table.rows[r]!.cells.findIndex((c) => /^(支出合计|支出总计|本年支出合计)$/.test(squash(c.text)));
    if (k < 0) continue;
    const unit = tableUnit(table, table.rows[r]!, ctx.lineByNo);
    for (const row of table.rows.slice(r + 1, r + 6)) {
      if (!/汇总|合计|总计/.test(squash(row.cells[0]?.text ?? ''))) continue;
      const cell = row.cells[k];
      const value = cell ? cellAmount(cell.text, unit) : null;
      if (cell && value !== null) ctx.candidates.add('budget.total.actual', { value, line: cell.line, strength: STRENGTH.table, where: 'table', focus: cell.text });
      return;
    }
  }
}

export function extractBudget(ctx: ExtractContext): BudgetScoreRow | null {
  let scoreRow: BudgetScoreRow | null = null;
  for (const table of ctx.tables) readBudgetTable(ctx, table, (row) => (scoreRow ??= row));
  for (const table of ctx.tables) readSpendingTable(ctx, table);
  readBudgetProse(ctx);
  return scoreRow;
}
