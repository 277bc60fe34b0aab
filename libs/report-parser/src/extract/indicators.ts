import type { IndicatorRow, ScoreBreakdownRow } from '@hunan-perf/contracts';
import type { ExtractContext } from './context.js';
import { cellNumber, isValueLike } from '../numbers/parse-number.js';
import type { Cell, Row } from '../segment/tables.js';
import { breakdownHeader, indicatorHeader, type ColumnMap, type Role } from './indicator-columns.js';
import { readScoringSheets } from './scoring-sheet.js';
import { headerRole } from './header-words.js';
import { compact } from '../segment/cells.js';

export interface FoundIndicator {
  row: IndicatorRow;
  line: number;
  cells: Partial<Record<keyof IndicatorRow, Cell>>;
}

export interface LevelGroup {
  level1: string;
  level2: string | null;
  weight: number | null;
  line: number;
  rows: FoundIndicator[];
}

export interface IndicatorResult {
  indicators: FoundIndicator[];
  groups: LevelGroup[];
  explicitBreakdown: { row: ScoreBreakdownRow; line: number }[];
  total: { weight: number | null; score: number | null; line: number } | null;
  lines: Set<number>;
}

const squash = (s: string): string => s.replace(/[\s\u3000]/g, '');
const LEVEL2_ONLY = /^(经济效益|社会效益|生态效益|可持续影响|服务对象满意度|社会公众满意度|数量|质量|时效)指标$/;

/** "产出指标 (50 分)" → { label: "产出指标", weight: 50 }. */
export function splitLabel(text: string): { label: string; weight: number | null } {
  const t = text.trim();
  const m = /^(.*?)\s*[（(]\s*(\d+(?:\.\d+)?)\s*分?\s*[)）]\s*$/.exec(t);
  if (m && m[1]) return { label: squash(m[1]), weight: Number(m[2]) };
  return { label: squash(t), weight: null };
}

const ROLES: Role[] = ['level1', 'level2', 'weight1', 'weight2', 'name', 'target', 'actual', 'weight', 'score', 'note', 'nature', 'unit'];

function fitScore(row: Row, map: ColumnMap, shift: number): number {
  let score = shift === 0 ? 0 : -1;
  const used = new Set<number>();
  for (const role of ROLES) {
    const col = map[role];
    if (col === undefined) continue;
    const idx = col - shift;
    used.add(idx);
    const text = row.cells[idx]?.text ?? '';
    if (!text) continue;
    if (role === 'weight' || role === 'score' || role === 'weight1' || role === 'weight2') score += cellNumber(text) !== null && !text.includes('%') ? 2 : -3;
    else if (role === 'name') score += isValueLike(text) ? -3 : /[（(]\s*\d+(?:\.\d+)?\s*分?\s*[)）]$/.test(text) ? -2 : 2;
    else if (role === 'level1' || role === 'level2') score += isValueLike(text) ? -3 : /指标/.test(text) ? 1 : 0;
    else score += 1;
  }
  row.cells.forEach((c, i) => {
    if (c.text && !used.has(i) && i > 0) score -= 4;
  });
  return score;
}

function lastFilled(row: Row): number {
  for (let i = row.cells.length - 1; i >= 0; i--) if (row.cells[i]!.text) return i;
  return -1;
}

function bestShift(row: Row, map: ColumnMap, header: Row): number {
  let best = 0;
  let bestScore = fitScore(row, map, 0);
  const rightAligned = lastFilled(header) - lastFilled(row);
  for (const s of [1, -1, 2, -2, rightAligned]) {
    const sc = fitScore(row, map, s);
    if (sc > bestScore) {
      best = s;
      bestScore = sc;
    }
  }
  return best;
}

/** Indicator rows (one per 三级指标, or per 二级 row without 三级), their level groups and the total row. */
export function extractIndicators(ctx: ExtractContext): IndicatorResult {
  const result: IndicatorResult = { indicators: [], groups: [], explicitBreakdown: [], total: null, lines: new Set() };
  let level1: LevelGroup | null = null;
  let level2: LevelGroup | null = null;
  for (const table of ctx.tables) {
    let map: ColumnMap | null = null;
    let headerRow: Row | null = null;
    let afterHeader = false;
    let breakdown: ReturnType<typeof breakdownHeader> = null;
    for (const row of table.rows) {
      const header = isScoringSheetHeader(row) ? null : indicatorHeader(row);
      if (header) {
        map = header;
        headerRow = row;
        afterHeader = true;
        breakdown = null;
        result.lines.add(row.line);
        continue;
      }
      // A header wrapped over two rows: "一级 | 二级 | 分" then "指标 | 指标 | 值".
      const wasAfterHeader = afterHeader;
      afterHeader = false;
      if (wasAfterHeader && row.cells.filter((c) => /^(指标|值|分|得分|分值|名称)$/.test(squash(c.text))).length >= 2) continue;
      const bh = breakdownHeader(row);
      if (bh) {
        breakdown = bh;
        map = null;
        continue;
      }
      const first = squash(row.cells.find((c) => c.text)?.text ?? '');
      if (breakdown) {
        const label = splitLabel(row.cells[breakdown.label]?.text ?? '').label;
        if (!label || /^(合计|总计|总分)$/.test(label)) {
          breakdown = null;
          continue;
        }
        result.explicitBreakdown.push({
          row: { level1: label, level2: null, weight: cellNumber(row.cells[breakdown.weight]?.text ?? ''), score: cellNumber(row.cells[breakdown.score]?.text ?? '') },
          line: row.line,
        });
        continue;
      }
      if (!map) continue;
      if (/^(总分|合计|总计)$/.test(first)) {
        const nums = row.cells.map((c) => c.text).filter((t) => !/%/.test(t) && cellNumber(t) !== null).map((t) => cellNumber(t) as number);
        result.total = { weight: nums.length >= 2 ? (nums[nums.length - 2] ?? null) : null, score: nums[nums.length - 1] ?? null, line: row.line };
        result.lines.add(row.line);
        map = null;
        continue;
      }
      const shift = bestShift(row, map, headerRow ?? row);
      const cellOf = (role: Role): Cell | undefined => {
        const col = map?.[role];
        if (col === undefined) return undefined;
        const cell = row.cells[col - shift];
        return cell && cell.text ? cell : undefined;
      };
      let l1 = cellOf('level1');
      let l2 = cellOf('level2');
      if (l1 && LEVEL2_ONLY.test(splitLabel(l1.text).label) && !l2) {
        l2 = l1;
        l1 = undefined;
      }
      // A label repeated on every row (merged cells read back as copies) continues its group.
      if (l1 && level1 && splitLabel(l1.text).label === level1.level1) l1 = undefined;
      if (l2 && level2 && !l1 && splitLabel(l2.text).label === level2.level2) l2 = undefined;
      if (l1) {
        const { label, weight } = splitLabel(l1.text);
        const w1 = cellOf('weight1');
        level1 = { level1: label, level2: null, weight: weight ?? (w1 ? cellNumber(w1.text) : null), line: l1.line, rows: [] };
        result.groups.push(level1);
        level2 = null;
      }
      let newLevel2 = false;
      if (l2) {
        const { label, weight } = splitLabel(l2.text);
        const w2 = cellOf('weight2');
        level2 = { level1: level1?.level1 ?? '', level2: label, weight: weight ?? (w2 ? cellNumber(w2.text) : null), line: l2.line, rows: [] };
        result.groups.push(level2);
        newLevel2 = true;
      }
      let name = cellOf('name');
      const target = cellOf('target');
      let actual = cellOf('actual');
      // OCR often moves a short indicator name into the next column; a descriptive "actual" with no name is the name.
      if (!name && actual && !target && !isValueLike(actual.text) && actual.text.length <= 30 && !/[。，,;；=]/.test(actual.text)) {
        name = actual;
        actual = undefined;
      }
      const weight = cellOf('weight');
      const score = cellOf('score');
      const note = cellOf('note');
      if (!name && !target && !actual && !weight && !score) continue;
      const found: FoundIndicator = {
        row: {
          level1: level1?.level1 ?? null,
          level2: level2?.level2 ?? null,
          name: name ? rawText(ctx, name) : newLevel2 && level2 ? level2.level2 : null,
          target: withUnit(cellOf('nature')?.text ?? '', target ? rawText(ctx, target) : null, cellOf('unit')?.text ?? ''),
          actual: withUnit('', actual ? rawText(ctx, actual) : null, cellOf('unit')?.text ?? ''),
          weight: weight ? cellNumber(weight.text) : null,
          score: score ? cellNumber(score.text) : null,
          note: note ? rawText(ctx, note) : null,
        },
        line: row.line,
        cells: { name: name ?? (newLevel2 ? l2 : undefined), target, actual, weight, score, note },
      };
      result.indicators.push(found);
      result.lines.add(row.line);
      level1?.rows.push(found);
      level2?.rows.push(found);
    }
  }
  const sheets = readScoringSheets(ctx.cells, result.lines);
  result.indicators.push(...sheets.indicators);
  result.groups.push(...sheets.groups);
  result.total ??= sheets.total;
  for (const line of sheets.headerLines) result.lines.add(line);
  for (const f of sheets.indicators) result.lines.add(f.line);
  // A 二级 weight with a single row is that row's weight.
  for (const g of result.groups) {
    if (g.level2 !== null && g.weight !== null && g.rows.length === 1 && g.rows[0]!.row.weight === null) {
      g.rows[0]!.row.weight = g.weight;
      g.rows[0]!.cells.weight = undefined;
    }
  }
  return result;
}

/** A target written over three cells: 指标性质 "≥", 指标值 "100", 度量单位 "%" → "≥100%" (a bare number takes the unit). */
function withUnit(nature: string, value: string | null, unit: string): string | null {
  if (value === null) return null;
  const bare = /^-?\d+(?:\.\d+)?$/.test(value.trim());
  const comparator = /^(?:[≥≤<>=]|>=|<=|大于|小于|不低于|不高于|不超过|以上|以下)$/.test(nature.trim()) ? nature.trim() : '';
  return `${bare ? comparator : ''}${value}${bare && unit && unit.length <= 6 && !/^[—\-/]+$/.test(unit) ? unit.trim() : ''}`;
}

/** A scoring-sheet header (levels and 自评分, no 指标值/完成值): read from the cell stream instead. */
function isScoringSheetHeader(row: Row): boolean {
  const roles = row.cells.map((c) => headerRole(compact(c.text)));
  return roles.includes('score') && !roles.includes('target') && !roles.includes('actual') && roles.filter((r) => r === 'level1' || r === 'level2' || r === 'name').length >= 2;
}

/** Targets and actuals are kept as written: the original characters of the cell, trimmed. */
function rawText(ctx: ExtractContext, cell: Cell): string {
  const line = ctx.lineByNo.get(cell.line);
  if (!line) return cell.text;
  // The matching form maps one character to one, so the cell's text can be found in the original by position.
  const at = line.text.indexOf(cell.text.split(' ')[0] ?? cell.text);
  if (at >= 0 && !cell.text.includes(' ') && line.text.slice(at, at + cell.text.length) === cell.text) {
    return line.raw.slice(at, at + cell.text.length).trim();
  }
  return cell.text;
}
