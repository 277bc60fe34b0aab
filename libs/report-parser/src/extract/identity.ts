import type { ExtractContext } from './context.js';
import { STRENGTH } from './candidates.js';
import { looksLikeUnitName } from './region.js';
import { chineseNumber } from '../numbers/parse-number.js';
import { stripMarkers } from '../segment/sections.js';
import { titleUnitName } from './title.js';
import { TITLE_ENDINGS } from '../lexicon/fields.js';
import { compact } from '../segment/cells.js';
import { asWritten } from './label-values.js';

const UNIT_LABEL = /^(填报单位|单位名称|部门\s*[（(]?单位[)）]?\s*名称|预算部门[、,，]?\s*单位名称|[^\s]{0,4}预算部门名\s*称|实施单位|部门名称|单位)[:：]?\s*(.*)$/;

/** Unit name, fiscal year and report date. */
export function extractIdentity(ctx: ExtractContext, kind: 'department_overall' | 'project'): void {
  const { candidates } = ctx;
  // Labels in tables: "填报单位：…", "部门（单位）名称 | … | 浏阳市工业和信息化局".
  for (const table of ctx.tables) {
    for (const row of table.rows) {
      const cells = row.cells.filter((c) => c.text);
      for (let i = 0; i < cells.length; i++) {
        if (cells[i]!.text.length > 60 || !/单位|部门/.test(cells[i]!.text)) continue;
        const m = UNIT_LABEL.exec((cells[i]!.text).replace(/\s/g, ''));
        if (!m) continue;
        if (kind === 'department_overall' && /实施单位/.test(m[1] ?? '')) continue;
        const inline = (m[2] ?? '').trim();
        const value = inline || cells[i + 1]?.text.replace(/\s/g, '') || '';
        if (looksLikeUnitName(value)) candidates.add('unit.name', { value, line: cells[i]!.line, strength: STRENGTH.table, where: 'table', focus: value });
      }
    }
  }
  // Title lines: "2021年度长沙市望城区工业和信息化局 整体支出…报告", a title that starts a run-on line,
  // or the unit alone on the line above the title.
  const titleLines = ctx.lines.filter((l) => {
    // Every title ending ends in 报告 or 表: other lines are passed by before the endings are tried.
    const head = l.text.slice(0, 200);
    if (!head.includes('报') && !head.includes('表')) return false;
    const flat = compact(head);
    return TITLE_ENDINGS.some((e) => flat.includes(e)) && !/通知/.test(l.text.slice(0, 80));
  });
  for (const line of titleLines.slice(0, 4)) {
    const name = titleUnitName(stripMarkers(line.text).replace(/^#+\s*/, ''));
    if (name) candidates.add('unit.name', { value: asWritten(line, name), line: line.no, strength: STRENGTH.text, where: 'title', focus: name });
    if (line.text.trim().length > 80) continue;
    const idx = ctx.lines.indexOf(line);
    for (let k = idx - 1; k >= Math.max(0, idx - 3); k--) {
      const prev = stripMarkers(ctx.lines[k]!.text).replace(/\s+/g, '');
      if (!prev) continue;
      const p = prev.replace(/^(?:19|20)\d{2}年度?/, '');
      if (looksLikeUnitName(p)) candidates.add('unit.name', { value: p, line: ctx.lines[k]!.no, strength: STRENGTH.text, where: 'title', focus: p });
      break;
    }
  }
  // Signature: a line holding only the unit's name, followed by a date.
  for (let i = 0; i < ctx.lines.length - 1; i++) {
    const t = ctx.lines[i]!.text.trim();
    if (t.length > 40 || t.length < 4 || !looksLikeUnitName(t)) continue;
    const next = ctx.lines.slice(i + 1, i + 3).map((l) => l.text.trim()).find(Boolean) ?? '';
    if (/^[\d〇零一二三四五六七八九O0]{4}\s*年/.test(next)) candidates.add('unit.name', { value: t, line: ctx.lines[i]!.no, strength: STRENGTH.text, where: 'signature', focus: t });
  }

  // Fiscal year: the year in the title lines (most frequent), else the year most written as "NNNN年".
  const years = new Map<number, { count: number; line: number }>();
  const note = (year: number, line: number, weight: number): void => {
    const e = years.get(year) ?? { count: 0, line };
    e.count += weight;
    years.set(year, e);
  };
  for (const line of titleLines.filter((l) => l.text.trim().length <= 80)) {
    const m = /((?:19|20)\d{2})\s*年/.exec(line.text);
    if (m) note(Number(m[1]), line.no, 10);
  }
  if (!years.size) {
    for (const line of ctx.lines.slice(0, 400)) for (const m of line.text.matchAll(/((?:19|20)\d{2})\s*年/g)) note(Number(m[1]), line.no, 1);
  }
  const yearBest = [...years.entries()].sort((a, b) => b[1].count - a[1].count || a[1].line - b[1].line)[0];
  if (yearBest) {
    candidates.add('fiscalYear', { value: yearBest[0], line: yearBest[1].line, strength: STRENGTH.text, where: 'title', focus: String(yearBest[0]) });
    ctx.fiscalYear = yearBest[0];
  }

  // Report date: a date alone on its line (under the signature), or "填报日期：…".
  for (const line of ctx.lines) {
    if (!line.text.includes('日')) continue;
    const t = compact(line.text);
    const alone = /^([〇零一二三四五六七八九O0-9]{4})年([一二三四五六七八九十\d]{1,3})月([一二三四五六七八九十\d]{1,3})日$/.exec(t);
    const filled = /填报日期[:：]((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日/.exec(t);
    const m = alone ?? filled;
    if (!m) continue;
    const y = chineseNumber((m[1] ?? '').replace(/[O]/g, '0'));
    const mo = chineseNumber(m[2] ?? '');
    const d = chineseNumber(m[3] ?? '');
    if (!y || !mo || !d || mo > 12 || d > 31) continue;
    if (ctx.fiscalYear && (y < ctx.fiscalYear || y > ctx.fiscalYear + 2)) continue;
    const iso = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    candidates.add('reportDate', { value: iso, line: line.no, strength: alone ? STRENGTH.text : STRENGTH.weak, where: alone ? 'signature' : 'table' });
  }
}
