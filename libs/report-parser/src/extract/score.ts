import type { ExtractContext } from './context.js';
import { STRENGTH } from './candidates.js';
import { cellNumber, cellPercent } from '../numbers/parse-number.js';

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
  for (const line of ctx.lines) {
    const t = line.text.replace(/\s+/g, '');
    const m = /(综合得分|综合评分|自评得分|自评总分|评价得分|绩效得分|总得分|最终得分|整体得分|部门得分|^评分)(?:为|是|[:：])?(\d{1,3}(?:\.\d+)?)分?/.exec(t);
    if (m && Number(m[2]) <= 100 && !/其中.*$/.test(t.slice(0, m.index))) {
      ctx.candidates.add('score.total', { value: Number(m[2]), line: line.no, strength: STRENGTH.text, where: 'text', focus: m[2] });
    }
    if (/备注|分为优|分以下/.test(t)) continue;
    const g =
      /(?:评价等次|评价等级|等次|等级|评级|评价结果等次|评价结果|自评结果|评定为)(?:为|是|[:：])?[“"「『]?(优秀|优|良好|良|中等|中|合格|较差|差|不合格)[”"」』]?/.exec(t) ??
      /为[“"「『](优秀|优|良好|良|中等|中|较差|差)[”"」』]等[级次]/.exec(t);
    if (g && g[1]) ctx.candidates.add('score.gradeText', { value: g[1], line: line.no, strength: STRENGTH.text, where: 'text', focus: g[1] });
  }
}
