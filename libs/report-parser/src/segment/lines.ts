import { normalizeForMatching } from '../decode/normalize.js';

/** One line of the decoded text: its 1-based number, the original and the matching form. */
export interface SourceLine {
  no: number;
  raw: string;
  text: string;
}

export function splitLines(decoded: string): SourceLine[] {
  const parts = decoded.split(/\r\n|\n|\r/);
  return parts.map((raw, i) => ({ no: i + 1, raw, text: normalizeForMatching(raw) }));
}

/** Visible text of a line for provenance: tabs become " | ", runs of spaces shrink, cut around `focus`. */
export function excerptOf(line: SourceLine, focus?: string, max = 160): string {
  const flat = line.raw.replace(/\t+/g, ' | ').replace(/[ \u3000]{2,}/g, ' ').replace(/^[ |]+|[ |]+$/g, '').trim();
  if (flat.length <= max) return flat;
  const at = focus ? flat.indexOf(focus) : -1;
  const start = at < 0 ? 0 : Math.max(0, Math.min(at - Math.floor(max / 3), flat.length - max));
  return (start > 0 ? '…' : '') + flat.slice(start, start + max) + (start + max < flat.length ? '…' : '');
}
