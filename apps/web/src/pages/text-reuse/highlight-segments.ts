/** Cuts a paragraph into plain and shared pieces from the API's shared ranges (start inclusive, end exclusive). */
export interface TextSegment { text: string; shared: boolean }
export interface TextRange { start: number; end: number }

export function highlightSegments(text: string, ranges: readonly TextRange[]): TextSegment[] {
  const sorted = ranges
    .map((r) => ({ start: Math.max(0, Math.min(r.start, text.length)), end: Math.max(0, Math.min(r.end, text.length)) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const out: TextSegment[] = [];
  const push = (s: string, shared: boolean) => {
    if (!s) return;
    const last = out[out.length - 1];
    if (last && last.shared === shared) last.text += s;
    else out.push({ text: s, shared });
  };
  let at = 0;
  for (const r of sorted) {
    if (r.end <= at) continue;
    push(text.slice(at, Math.max(at, r.start)), false);
    push(text.slice(Math.max(at, r.start), r.end), true);
    at = r.end;
  }
  push(text.slice(at), false);
  return out;
}

/** 85.5 → "85.50%"; null never shown as 0. */
export const similarityPercent = (v: number | null | undefined): string => (v == null ? '—' : `${v.toFixed(2)}%`);
