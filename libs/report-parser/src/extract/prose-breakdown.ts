import type { ReportDocument, ReportWarning } from '@hunan-perf/contracts';
import { compact } from '../segment/cells.js';
import type { SourceLine } from '../segment/lines.js';

/** "产出指标类得分为50分" → 产出指标, 50. Bounded: a label of at most 8 characters before 指标/执行率. */
const PROSE_SCORE = /([\u4e00-\u9fa5]{1,8}?(?:指标|执行率))类?得分(?:为|是|:|：)?(\d{1,3}(?:\.\d{1,2})?)分/g;

/**
 * 一级 scores written in the conclusion, held against the table's breakdown: a written score above
 * the table's weight, or different from the table's score, is said (益阳: 产出 50 and 效益 30 in the
 * text, 40 and 20 in its table). The table's figures stay.
 */
export function proseBreakdownWarnings(doc: ReportDocument, lines: SourceLine[]): ReportWarning[] {
  const warnings: ReportWarning[] = [];
  if (!doc.scoreBreakdown.length) return warnings;
  const seen = new Set<string>();
  for (const line of lines) {
    const t = compact(line.text);
    if (!t.includes('得分')) continue;
    PROSE_SCORE.lastIndex = 0;
    for (let m = PROSE_SCORE.exec(t); m; m = PROSE_SCORE.exec(t)) {
      const label = m[1]!.replace(/^(?:其中|、|，)+/, '');
      const score = Number(m[2]);
      const row = doc.scoreBreakdown.find((b) => b.level2 === null && b.level1 !== null && (b.level1 === label || label.endsWith(b.level1)));
      if (!row || seen.has(label)) continue;
      const aboveWeight = row.weight !== null && score > row.weight;
      const differs = row.score !== null && Math.abs(row.score - score) > 0.005;
      if (!aboveWeight && !differs) continue;
      seen.add(label);
      warnings.push({
        code: 'AMBIGUOUS_VALUE',
        path: 'scoreBreakdown',
        message: `${row.level1}：正文（第 ${line.no} 行）写得分 ${score} 分，表格中分值 ${row.weight ?? '未写'} 分、得分 ${row.score ?? '未写'} 分；采用表格中的数值`,
      });
    }
  }
  return warnings;
}
