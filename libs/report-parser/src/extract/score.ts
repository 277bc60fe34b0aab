import type { ExtractContext } from './context.js';
import { STRENGTH } from './candidates.js';
import { cellNumber, cellPercent } from '../numbers/parse-number.js';
import { GRADE_LABELS, GRADE_WORDS, SCORE_LABELS } from '../lexicon/fields.js';
import { compact } from '../segment/cells.js';

const squash = (s: string): string => s.replace(/[\s\u3000]/g, '');

/** Total scores: the 总分/合计 row of a scored table, and sentences such as "综合评分为 96 分". */
export function extractScore(ctx: ExtractContext, indicatorTableLines: Set<number>): void {
  for (const table of ctx.tables) {
    let scored = false;
    for (const row of table.rows) {
      const texts = row.cells.map((c) => squash(c.text));
      if (texts.some((t) => /得分/.test(t))) scored = true;
      const label = texts.find((t) => t.length > 0);
      if (!scored || !label || !/^(总分|合计|总计|综合得分)$/.test(label)) continue;
      const numbers = row.cells.filter((c) => /\d/.test(c.text) && !/%/.test(c.text) && cellNumber(c.text) !== null);
      const last = numbers[numbers.length - 1];
      if (!last) continue;
      const formal = indicatorTableLines.has(row.line);
      ctx.candidates.add('score.total', { value: cellNumber(last.text), line: last.line, strength: formal ? STRENGTH.formalTable : STRENGTH.table, where: formal ? 'self-evaluation table' : 'score table', focus: last.text });
      void cellPercent;
    }
  }
  for (const line of ctx.lines) readScoreSentences(ctx, line.no, compact(line.text));
}

/** Every score or grade label holds one of these characters: lines without them are passed by. */
const SCORE_HINT = /[分评等级次为]/;
const SCORE_WORDS = [...SCORE_LABELS].sort((a, b) => b.length - a.length);
const GRADE_KEYS = [...GRADE_LABELS].sort((a, b) => b.length - a.length);
const GRADES = [...GRADE_WORDS].sort((a, b) => b.length - a.length);
const SCORE_AFTER = /^(?:为|是|[:：]|达到|达)?(\d{1,3}(?:\.\d{1,2})?)(?!\d|\.\d|%)/;

/** "自评总分97.6", "评价得分83.33分,评价等级“良”", "整体绩效自评为优秀": lexicon labels in a sentence. */
function readScoreSentences(ctx: ExtractContext, lineNo: number, t: string): void {
  if (!SCORE_HINT.test(t)) return;
  for (const label of SCORE_WORDS) {
    for (let at = t.indexOf(label); at >= 0; at = t.indexOf(label, at + 1)) {
      const m = SCORE_AFTER.exec(t.slice(at + label.length, at + label.length + 12));
      if (!m || Number(m[1]) > 100 || /其中/.test(t.slice(Math.max(0, at - 4), at))) continue;
      ctx.candidates.add('score.total', { value: Number(m[1]), line: lineNo, strength: STRENGTH.text, where: 'text', focus: m[1] });
      return readGrade(ctx, lineNo, t);
    }
  }
  if (/^评分[:：]?\d/.test(t)) {
    const m = /^评分[:：]?(\d{1,3}(?:\.\d{1,2})?)/.exec(t);
    if (m && Number(m[1]) <= 100) ctx.candidates.add('score.total', { value: Number(m[1]), line: lineNo, strength: STRENGTH.text, where: 'text', focus: m[1] });
  }
  readGrade(ctx, lineNo, t);
}

function readGrade(ctx: ExtractContext, lineNo: number, t: string): void {
  if (/备注|分为优|分以下|分及以上|分以上/.test(t)) return;
  for (const label of GRADE_KEYS) {
    for (let at = t.indexOf(label); at >= 0; at = t.indexOf(label, at + 1)) {
      const after = t.slice(at + label.length, at + label.length + 8).replace(/^(?:为|是|[:：])?[“"「『]?/, '');
      const word = GRADES.find((g) => after.startsWith(g));
      if (!word || (word.length === 1 && /^[优良中差][、,，及和]/.test(after))) continue;
      ctx.candidates.add('score.gradeText', { value: word, line: lineNo, strength: STRENGTH.text, where: 'text', focus: word });
      return;
    }
  }
  const quoted = /为[“"「『](优秀|优|良好|良|中等|中|较差|差)[”"」』]等[级次]/.exec(t);
  if (quoted?.[1]) ctx.candidates.add('score.gradeText', { value: quoted[1], line: lineNo, strength: STRENGTH.text, where: 'text', focus: quoted[1] });
}
