import type { ColumnRole } from '../lexicon/indicator-headers.js';
import { NUMERIC_ROLES, TOTAL_ROW_WORDS } from '../lexicon/indicator-headers.js';
import { compact, lineAt, type StreamCell } from '../segment/cells.js';
import { headerRole, inlineHeader, isHeaderFragment } from './header-words.js';
import type { FoundIndicator, LevelGroup } from './indicators.js';

/**
 * The Hunan 部门整体支出 scoring sheet (and its kin in other provinces) read from the cell stream,
 * whatever the layout: one cell per line, `|` cells with rows split over lines and row-spanned
 * cells left out, or the whole table flattened into run-on text. The header gives the column
 * order; names carry their weights ("在职人员控制率(5分)"); the cells after a 三级 name fill that
 * row's columns in header order, numbers into numeric columns and text into text columns.
 */
export interface SheetResult {
  indicators: FoundIndicator[];
  groups: LevelGroup[];
  total: { weight: number | null; score: number | null; line: number } | null;
  headerLines: number[];
}

const NAME_ROLES: ReadonlySet<ColumnRole> = new Set(['level1', 'level2', 'name']);
const WEIGHTED = /[（(]\s*(\d{1,3}(?:\.\d+)?)\s*分\s*[)）]$/;
const WEIGHT_MARK = /[（(]\s*\d{1,3}(?:\.\d+)?\s*分\s*[)）]/g;
const NUMBER = /^(\d{1,3}(?:\.\d{1,2})?)(?:分)?$/;
const NAME_CHARS = /[\u4e00-\u9fa5“”"‘’]/;

interface Header {
  roles: ColumnRole[];
  /** Index in the stream of the first cell after the header. */
  next: number;
  lines: number[];
}

/** Finds scoring-sheet headers in the stream and reads the rows under each. */
export function readScoringSheets(stream: StreamCell[], skipLines: Set<number>): SheetResult {
  const result: SheetResult = { indicators: [], groups: [], total: null, headerLines: [] };
  const cells = tokenize(stream);
  for (let i = 0; i < cells.length; i++) {
    const header = headerAt(cells, i);
    if (!header || header.lines.some((l) => skipLines.has(l))) continue;
    result.headerLines.push(...header.lines);
    i = readRows(cells, header, result) - 1;
  }
  return result;
}

function headerAt(cells: StreamCell[], i: number): Header | null {
  const roles: ColumnRole[] = [];
  const lines: number[] = [];
  let j = i;
  for (; j < cells.length && j - i < 16; j++) {
    const c = compact(cells[j]!.text);
    const role = headerRole(c);
    if (role) {
      roles.push(role);
      lines.push(cells[j]!.line);
    } else if (!(roles.length && isHeaderFragment(c))) break;
  }
  if (!isSheetHeader(roles)) return null;
  return { roles, next: j, lines };
}

/** A scoring sheet: names in levels and a score column, but no 指标值/完成值 (those are 项目支出 tables). */
function isSheetHeader(roles: ColumnRole[]): boolean {
  const names = roles.filter((r) => NAME_ROLES.has(r)).length;
  return names >= 2 && roles.includes('score') && !roles.includes('target') && !roles.includes('actual');
}

interface OpenRow {
  found: FoundIndicator;
  pending: ColumnRole[];
}

function readRows(cells: StreamCell[], header: Header, result: SheetResult): number {
  const levels = header.roles.filter((r) => NAME_ROLES.has(r)).length;
  const lastName = header.roles.reduce((at, r, k) => (NAME_ROLES.has(r) ? k : at), -1);
  const post = header.roles.slice(lastName + 1).filter((r) => !NAME_ROLES.has(r));
  let level1: LevelGroup | null = null;
  let level2: LevelGroup | null = null;
  let names: StreamCell[] = [];
  const state: { open: OpenRow | null } = { open: null };
  let sinceName = 0;
  let i = header.next;
  const openRow = (): void => {
    const run = names;
    names = [];
    const leaf = run[run.length - 1]!;
    const ancestors = run.slice(0, -1).slice(-(levels - 1));
    // A level name repeated on every row (merged cells read back as copies) continues its group.
    const same = (cell: StreamCell, g: LevelGroup | null, key: 'level1' | 'level2'): boolean => g !== null && g[key] === splitWeight(cell.text).label;
    if (ancestors.length >= levels - 1 && levels >= 3) {
      if (!same(ancestors[0]!, level1, 'level1')) {
        level1 = group(ancestors[0]!, null, result);
        level2 = null;
      }
      if (ancestors[1] && !same(ancestors[1], level2, 'level2')) level2 = group(ancestors[1], level1, result);
    } else if (ancestors.length === 1 || (levels === 2 && ancestors.length >= 1)) {
      if (levels >= 3 && level1) {
        if (!same(ancestors[0]!, level2, 'level2')) level2 = group(ancestors[0]!, level1, result);
      } else if (!same(ancestors[0]!, level1, 'level1')) level1 = group(ancestors[0]!, null, result);
    }
    const { label, weight } = splitWeight(leaf.text);
    const found: FoundIndicator = {
      row: {
        level1: level1?.level1 ?? null,
        level2: levels >= 3 ? (level2?.level2 ?? null) : null,
        name: label,
        target: null,
        actual: null,
        weight,
        score: null,
        note: null,
      },
      line: leaf.line,
      cells: { name: { text: label, line: leaf.line } },
    };
    if (fits(found, level2 ?? level1)) {
      result.indicators.push(found);
      level1?.rows.push(found);
      if (levels >= 3) level2?.rows.push(found);
      addWeight(level1, weight);
      if (levels >= 3) addWeight(level2, weight);
      state.open = { found, pending: [...post] };
    } else state.open = null;
  };
  for (; i < cells.length; i++) {
    const cell = cells[i]!;
    const c = compact(cell.text);
    if (headerAt(cells, i) || /^[一二三四五六七八九十]+、/.test(c)) break;
    if (TOTAL_ROW_WORDS.includes(c)) {
      const score = cells.slice(i + 1, i + 4).map((x) => NUMBER.exec(compact(x.text))).filter(Boolean).pop();
      result.total = { weight: null, score: score ? Number(score[1]) : null, line: cell.line };
      i++;
      break;
    }
    if (++sinceName > 40) break;
    const number = NUMBER.exec(c);
    if (!number && isNameLike(c) && !expectsTextBeforeScore(state.open)) {
      const prev = names[names.length - 1];
      // A name wrapped over two cells: "目标" + "设定(5分)", "“三公经费”" + "变动率(5分)".
      if (prev && !WEIGHTED.test(prev.text) && WEIGHTED.test(c) && compact(prev.text).length <= 8) {
        names[names.length - 1] = { text: compact(prev.text) + c, line: prev.line };
      } else names.push({ text: c, line: cell.line });
      state.open = null;
      sinceName = 0;
      continue;
    }
    if (names.length) openRow();
    const row = state.open;
    if (!row) continue;
    const wantNumber = number !== null;
    const at = row.pending.findIndex((r) => NUMERIC_ROLES.has(r) === wantNumber);
    if (at < 0) continue;
    const role = row.pending[at]!;
    row.pending = row.pending.slice(at + 1);
    if (role === 'score' && number) {
      const score = Number(number[1]);
      if (row.found.row.weight === null || score <= row.found.row.weight) {
        row.found.row.score = score;
        row.found.cells.score = { text: number[1]!, line: cell.line };
      }
    } else if (role === 'weight' && number && row.found.row.weight === null) {
      row.found.row.weight = Number(number[1]);
      addWeight(level1, row.found.row.weight);
      if (levels >= 3) addWeight(level2, row.found.row.weight);
      row.found.cells.weight = { text: number[1]!, line: cell.line };
    }
  }
  if (names.length) openRow();
  return i;
}

/** The row still waits for a text column that comes before its score: a short cell there is that text. */
function expectsTextBeforeScore(row: OpenRow | null): boolean {
  if (!row) return false;
  const text = row.pending.findIndex((r) => !NUMERIC_ROLES.has(r));
  const score = row.pending.indexOf('score');
  return text >= 0 && score > text;
}

/** A leaf fits its group when the group's weight still has room for it (else it is text, not a row). */
function fits(found: FoundIndicator, parent: LevelGroup | null): boolean {
  if (!parent || parent.weight === null || found.row.weight === null) return true;
  // The rows' weights so far, kept per group as rows join (not re-added for every new row).
  return (used.get(parent) ?? 0) + found.row.weight <= parent.weight + 0.001;
}

/** Weights of the rows in each group so far; a weight read later from its column is added then. */
const used = new WeakMap<LevelGroup, number>();
function addWeight(group: LevelGroup | null, weight: number | null): void {
  if (group && weight !== null) used.set(group, (used.get(group) ?? 0) + weight);
}

function group(cell: StreamCell, parent: LevelGroup | null, result: SheetResult): LevelGroup {
  const { label, weight } = splitWeight(cell.text);
  const g: LevelGroup = parent
    ? { level1: parent.level1, level2: label, weight, line: cell.line, rows: [] }
    : { level1: label, level2: null, weight, line: cell.line, rows: [] };
  result.groups.push(g);
  return g;
}

export function splitWeight(text: string): { label: string; weight: number | null } {
  const c = compact(text);
  const m = WEIGHTED.exec(c);
  return m ? { label: c.slice(0, m.index), weight: Number(m[1]) } : { label: c, weight: null };
}

/** Short, no sentence punctuation, not a formula or list item: a name cell rather than explanation text. */
function isNameLike(c: string): boolean {
  const bare = c.replace(WEIGHTED, '');
  if (bare.length < 2 || bare.length > 24) return false;
  if (/[。；;，,：:！？=/]|^\d|^[①-⑩]|^[（(]\d/.test(bare)) return false;
  return NAME_CHARS.test(bare);
}

/**
 * Cells of a flattened sheet split back into cells: the header words, each weighted name, the text
 * between them, and a number glued to either end of that text (a score fused to the next row).
 */
function tokenize(stream: StreamCell[]): StreamCell[] {
  const out: StreamCell[] = [];
  for (const cell of stream) {
    const c = cell.text;
    const start = flattenedHeaderStart(c);
    if (start < 0 && !fusedScore(c)) {
      out.push(cell);
      continue;
    }
    let from = 0;
    if (start >= 0) {
      if (start > 0) out.push({ text: c.slice(0, start), line: cell.line });
      const { words, end } = inlineHeader(c, start);
      for (const w of words) out.push({ text: w, line: lineAt(cell, start) });
      from = end;
    }
    splitWeightedNames(cell, from, out);
  }
  return out;
}

function flattenedHeaderStart(text: string): number {
  if (text.length < 40) return -1;
  for (const word of ['一级指标', '一级']) {
    let at = text.indexOf(word);
    while (at >= 0) {
      const { roles } = inlineHeader(text, at);
      if (isSheetHeader(roles)) return at;
      at = text.indexOf(word, at + 1);
    }
  }
  return -1;
}

/** "5在职人员控制率(5分)": a number fused to the start of a weighted name. */
function fusedScore(text: string): boolean {
  return /^\d{1,3}(?:\.\d{1,2})?[\u4e00-\u9fa5“"]/.test(text) && WEIGHTED.test(text) && text.length <= 30;
}

function splitWeightedNames(cell: StreamCell, from: number, out: StreamCell[]): void {
  const text = cell.text;
  let prevEnd = from;
  WEIGHT_MARK.lastIndex = from;
  for (let m = WEIGHT_MARK.exec(text); m; m = WEIGHT_MARK.exec(text)) {
    let s = m.index;
    while (s > prevEnd && m.index - s < 24 && NAME_CHARS.test(text[s - 1]!)) s--;
    if (s === m.index || m.index - s >= 24) continue;
    pushGap(cell, text.slice(prevEnd, s), prevEnd, out);
    out.push({ text: text.slice(s, m.index + m[0].length), line: lineAt(cell, s) });
    prevEnd = m.index + m[0].length;
  }
  pushGap(cell, text.slice(prevEnd), prevEnd, out);
}

/** The text between two names: a leading or trailing number is a cell of its own (a score). */
function pushGap(cell: StreamCell, gap: string, offset: number, out: StreamCell[]): void {
  let body = gap.trim();
  if (!body) return;
  const lead = /^(\d{1,3}(?:\.\d{1,2})?)(?![\d.%分])/.exec(body);
  if (lead && (body.length === lead[0].length || /[\u4e00-\u9fa5]/.test(body[lead[0].length] ?? ''))) {
    out.push({ text: lead[1]!, line: lineAt(cell, offset) });
    body = body.slice(lead[0].length).trim();
  }
  const tail = /(?<![\d.])(\d{1,3}(?:\.\d{1,2})?)$/.exec(body);
  const head = tail ? body.slice(0, tail.index).trim() : body;
  if (head) out.push({ text: head, line: lineAt(cell, offset) });
  if (tail) out.push({ text: tail[1]!, line: lineAt(cell, offset + gap.length - 1) });
}
