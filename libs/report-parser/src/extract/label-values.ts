import { FIELD_LEXICON, NAME_STOP_WORDS, PUBLISHER_LABELS, type FieldEntry } from '../lexicon/fields.js';
import { compact, type StreamCell } from '../segment/cells.js';
import type { SourceLine } from '../segment/lines.js';
import { STRENGTH } from './candidates.js';
import type { ExtractContext } from './context.js';
import { looksLikeUnitName } from './region.js';
import { toWanYuan, unitOf } from '../numbers/parse-number.js';

/** Labels longest first, so "人员编制数" wins over "编制". */
const ENTRIES: readonly FieldEntry[] = FIELD_LEXICON;

const CONNECTOR = /^(?:[:：]|为|是|共有|共|有|达|计)?/;
const COUNT_AFTER = /^(\d{1,6})(?:人|个|名)?/;
const COUNT_CELL = /^(\d{1,6})(?:人|个|名)?$/;
const DATE_AFTER = /^((?:19|20)\d{2})[年.\-/](\d{1,2})[月.\-/](\d{1,2})日?/;
const AMOUNT_AFTER = /^(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)(万元|亿元|元|万)/;

/**
 * Every lexicon field read from labels, in any layout: the label's own cell ("人员编制：128",
 * "核定编制51人"), or the next non-empty cell ("人员编制" | "128", one cell per line or `|` cells).
 */
export function readLabelledFields(ctx: ExtractContext): void {
  const cells = ctx.cells;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    const text = compact(cell.text);
    // Most cells name no field: one pass over the whole cell decides before it is cut into clauses.
    if (LABELS.hitsIn(text).size) {
      readClauses(ctx, cells, i, text);
    }
    readPublisher(ctx, cell, text, cells[i + 1]);
  }
}

function readClauses(ctx: ExtractContext, cells: StreamCell[], i: number, text: string): void {
  {
    const done = new Set<FieldEntry>();
    for (const clause of text.split(CLAUSE_BREAK)) {
      const hits = LABELS.hitsIn(clause);
      if (!hits.size) continue;
      for (const [entry, hit] of hits) {
        if (!done.has(entry) && readEntry(ctx, entry, cells, i, clause, hit)) done.add(entry);
      }
    }
  }
}

const CLAUSE_BREAK = /[，。；;、]|,(?!\d{3})/;

interface Hit {
  /** The entry's longest label in the clause, and where it first stands. */
  label?: { word: string; at: number };
  /** The entry's first `after` word (in the lexicon's order) in the clause, and where it first stands. */
  after?: { word: string; at: number; rank: number };
}

/**
 * Every lexicon word (two characters or more) indexed by its first two characters: a clause is read once, left to right,
 * whatever the number of labels (linear in the clause, not labels × clause).
 */
class LabelIndex {
  private readonly byPrefix = new Map<string, { entry: FieldEntry; word: string; after: boolean; rank: number }[]>();

  constructor(entries: readonly FieldEntry[]) {
    for (const entry of entries) {
      const add = (word: string, after: boolean, rank: number): void => {
        const key = word.slice(0, 2);
        const list = this.byPrefix.get(key) ?? [];
        list.push({ entry, word, after, rank });
        this.byPrefix.set(key, list);
      };
      entry.labels.forEach((w) => add(w, false, 0));
      (entry.after ?? []).forEach((w, rank) => add(w, true, rank));
    }
  }

  hitsIn(clause: string): Map<FieldEntry, Hit> {
    let hits = NO_HITS;
    for (let i = 0; i + 1 < clause.length; i++) {
      const list = this.byPrefix.get(clause.slice(i, i + 2));
      if (!list) continue;
      for (const w of list) {
        if (!clause.startsWith(w.word, i)) continue;
        if (hits === NO_HITS) hits = new Map();
        const hit = hits.get(w.entry) ?? {};
        if (w.after) {
          if (!hit.after || w.rank < hit.after.rank) hit.after = { word: w.word, at: i, rank: w.rank };
        } else if (!hit.label || w.word.length > hit.label.word.length) hit.label = { word: w.word, at: i };
        hits.set(w.entry, hit);
      }
    }
    return hits;
  }
}

const NO_HITS: Map<FieldEntry, Hit> = new Map();
const LABELS = new LabelIndex(ENTRIES);

/** One entry in one clause: true when the clause settled it (a value read, or its label seen and not excluded). */
function readEntry(ctx: ExtractContext, entry: FieldEntry, cells: StreamCell[], i: number, clause: string, hit: Hit): boolean {
  const cell = cells[i]!;
  if (hit.after) {
    const { at } = hit.after;
    const valueBefore = /(\d{1,6})$/.exec(clause.slice(0, at));
    if (valueBefore && !entry.exclude?.some((w) => clause.slice(Math.max(0, at - 6), at).includes(w))) {
      ctx.candidates.add(entry.path, { value: Number(valueBefore[1]), line: cell.line, strength: STRENGTH.weak, where: 'text', focus: valueBefore[1] });
      return true;
    }
  }
  if (!hit.label) return false;
  const { word: label, at } = hit.label;
  const before = clause.slice(0, at);
  const rest = clause.slice(at + label.length).replace(CONNECTOR, '');
  if (entry.exclude?.some((w) => clause.slice(0, at + label.length + 2).includes(w))) return false;
  const whole = !before.replace(/^[•·\-*]+/, '') && !rest;
  if (whole) {
    const next = cells[i + 1];
    if (next) addValue(ctx, entry, compact(next.text), next, true, STRENGTH.table);
  } else if (rest) {
    addValue(ctx, entry, rest, cell, false, before ? STRENGTH.weak : STRENGTH.table);
  }
  return true;
}

function addValue(ctx: ExtractContext, entry: FieldEntry, text: string, cell: StreamCell, wholeCell: boolean, strength: number): void {
  const { candidates } = ctx;
  if (entry.kind === 'count') {
    const m = (wholeCell ? COUNT_CELL : COUNT_AFTER).exec(text);
    if (m) candidates.add(entry.path, { value: Number(m[1]), line: cell.line, strength, where: strength === STRENGTH.weak ? 'text' : 'table', focus: m[1] });
  } else if (entry.kind === 'amount') {
    const m = AMOUNT_AFTER.exec(text);
    if (m) candidates.add(entry.path, { value: toWanYuan(Number(m[1]!.replace(/,/g, '')), unitOf(m[2])), line: cell.line, strength: STRENGTH.text, where: 'text', focus: m[1] });
  } else if (entry.kind === 'date') {
    const m = DATE_AFTER.exec(text);
    const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
    const fy = ctx.fiscalYear;
    if (m && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && (fy === null || (y >= fy && y <= fy + 2))) {
      const iso = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      candidates.add(entry.path, { value: iso, line: cell.line, strength: STRENGTH.text, where: 'table', focus: m[0] });
    }
  } else if (entry.kind === 'unitName') {
    const name = unitNameAt(text);
    if (name) candidates.add(entry.path, { value: asWritten(ctx.lineByNo.get(cell.line), name), line: cell.line, strength: STRENGTH.table, where: 'table', focus: name });
  }
}

/** "市商务局" after 发布机构: the page's publisher, a unit name of last resort. */
function readPublisher(ctx: ExtractContext, cell: StreamCell, text: string, next: StreamCell | undefined): void {
  for (const label of PUBLISHER_LABELS) {
    if (!text.includes(label)) continue;
    const at = cell.text.indexOf(label);
    const own = at >= 0 ? (cell.text.slice(at + label.length).replace(/^\s*[:：]\s*/, '').split(/\s+/)[0] ?? '') : '';
    const source = own ? cell : next;
    const value = compact(own || next?.text || '');
    const name = unitNameAt(value);
    if (name && source && name === value) ctx.candidates.add('unit.name', { value: name, line: source.line, strength: STRENGTH.weak, where: 'publisher', focus: name });
    return;
  }
}

/** The unit name at the start of a value, cut before run-on text ("新邵县图书馆一级指标…"). */
export function unitNameAt(text: string): string | null {
  let t = text.replace(/^[:：]/, '');
  for (const stop of NAME_STOP_WORDS) {
    const at = t.indexOf(stop);
    if (at > 0) t = t.slice(0, at);
  }
  t = t.replace(/[^\u4e00-\u9fa5（）()].*$/, '');
  // The whole value must be a name: "浏阳市工信局机关" is not shortened to a name it does not write.
  return looksLikeUnitName(t) ? t : null;
}

/** The name as written in the original line (traditional characters and all), found by its compact form. */
/** The line without whitespace, and where each of its characters stands in the line (once per line). */
function flatOf(line: SourceLine): { flat: string; positions: number[] } {
  const memo = (line.memo ??= {});
  let f = memo.noSpace;
  if (!f) {
    const src = line.text;
    const positions: number[] = [];
    const chars: string[] = [];
    for (let i = 0; i < src.length; i++) {
      const c = src.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x3000 || c === 0x0a || c === 0x0d || c === 0xa0) continue;
      positions.push(i);
      chars.push(src[i]!);
    }
    f = memo.noSpace = { flat: chars.join(''), positions };
  }
  return f;
}

export function asWritten(line: SourceLine | undefined, compactName: string): string {
  if (!line) return compactName;
  const { flat, positions } = flatOf(line);
  const at = flat.indexOf(compactName);
  if (at < 0) return compactName;
  const from = positions[at]!;
  const to = positions[at + compactName.length - 1]! + 1;
  return line.raw.slice(from, to).replace(/[\s\u3000]+/g, '');
}
