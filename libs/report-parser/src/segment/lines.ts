import { normalizeForMatching } from '../decode/normalize.js';

/** One line of the decoded text: its 1-based number, the original and the matching form. */
export interface SourceLine {
  no: number;
  raw: string;
  text: string;
  /** What readers work out from the line once and share (set on first use; a plain field is cheaper than a WeakMap). */
  memo?: LineMemo;
}

export interface LineMemo {
  heading?: unknown;
  excerptFlat?: string;
  noSpace?: { flat: string; positions: number[] };
}

export function splitLines(decoded: string): SourceLine[] {
  const parts = decoded.split(/\r\n|\n|\r/);
  return parts.map((raw, i) => ({ no: i + 1, raw, text: normalizeForMatching(raw) }));
}

/** Lines this long keep their flattened form, so each excerpt of them costs a search, not a rewrite. */
const LONG_LINE = 10_000;
const flatOfLong = new WeakMap<SourceLine, { flat: string; at: Map<string, number> }>();

/** Visible text of a line for provenance: tabs become " | ", runs of spaces shrink, cut around `focus`. */
export function excerptOf(line: SourceLine, focus?: string, max = 160): string {
  let flat: string;
  let at = -1;
  if (line.raw.length < LONG_LINE) {
    const memo = (line.memo ??= {});
    flat = memo.excerptFlat ??= flatten(line.raw);
    if (flat.length <= max) return flat;
    if (focus) at = flat.indexOf(focus);
  } else {
    let cached = flatOfLong.get(line);
    if (!cached) flatOfLong.set(line, (cached = { flat: flatten(line.raw), at: new Map() }));
    flat = cached.flat;
    if (flat.length <= max) return flat;
    if (focus) {
      const known = cached.at.get(focus);
      at = known ?? flat.indexOf(focus);
      if (known === undefined) cached.at.set(focus, at);
    }
  }
  const start = at < 0 ? 0 : Math.max(0, Math.min(at - Math.floor(max / 3), flat.length - max));
  return (start > 0 ? '…' : '') + flat.slice(start, start + max) + (start + max < flat.length ? '…' : '');
}

const isEdge = (c: number): boolean => c === 0x20 || c === 0x7c; // ' ' or '|'

function flatten(raw: string): string {
  const flat = raw.replace(/\t+/g, ' | ').replace(/[ \u3000]{2,}/g, ' ');
  // What .replace(/^[ |]+|[ |]+$/g, '') removes; the regex retries `[ |]+$` from every character of
  // an inner run of spaces and bars (quadratic in the run).
  let from = 0;
  let to = flat.length;
  while (from < to && isEdge(flat.charCodeAt(from))) from++;
  while (to > from && isEdge(flat.charCodeAt(to - 1))) to--;
  return flat.slice(from, to).trim();
}

/**
 * /first.*then/.test(text) in linear time: `then` somewhere after `first`, with no line terminator
 * between them (`.` stops at U+2028/U+2029). The regex scans to the end of the text from every
 * `first` that `then` does not follow: quadratic in their number.
 */
export function inOrder(text: string, first: string, then: string): boolean {
  for (const piece of TERMINATORS.test(text) ? text.split(TERMINATORS) : [text]) {
    const at = piece.indexOf(first);
    if (at >= 0 && piece.indexOf(then, at + first.length) >= 0) return true;
  }
  return false;
}
const TERMINATORS = /[\n\r\u2028\u2029]/;
