/** Mammoth's HTML is simple and well formed: paragraphs, headings, lists and tables. */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

const textOf = (html: string): string =>
  decodeEntities(html.replace(/<br\s*\/?>/gi, ' ').replace(/<\/p>\s*<p[^>]*>/gi, ' ').replace(/<[^>]+>/g, ''))
    .replace(/[\t\r\n]+/g, ' ')
    .trim();

/** A table row becomes one line; the line always has an interior tab so it reads as a table row. */
export function rowLine(cells: string[]): string {
  const line = cells.join('\t');
  return filledBeforeTab(line.replace(/^\t+/, '')) || /^\t+\S[^\t]*\t/.test(line) ? line : `${line}\t`;
}

/**
 * /\S[^\t]*\t/.test(text): a cell other than the last holds something. The regex scans to the next
 * tab from every character of a tab-less stretch (quadratic in a long cell).
 */
function filledBeforeTab(text: string): boolean {
  const cells = text.split('\t');
  cells.pop();
  return cells.some((c) => /\S/.test(c));
}

/** Word allows 63 columns; a larger span in the markup is a broken or hostile file, not a layout. */
const MAX_COLSPAN = 1000;

function tableLines(tableHtml: string): string[] {
  const lines: string[] = [];
  // Row spans still open, per column, oldest first (a spent one leaves its queue at once: a scan of
  // every span the table ever had, per cell, is quadratic in the rows).
  const pending = new Map<number, { rows: number }[]>();
  for (const tr of tableHtml.match(/<tr[\s\S]*?<\/tr>/gi) ?? []) {
    const cells: string[] = [];
    let col = 0;
    const place = (): void => {
      for (;;) {
        const queue = pending.get(col);
        const span = queue?.[0];
        if (!queue || !span) return;
        if (--span.rows === 0) queue.shift();
        cells.push('');
        col++;
      }
    };
    for (const td of tr.match(/<t[dh][^>]*>[\s\S]*?<\/t[dh]>/gi) ?? []) {
      place();
      const open = /^<t[dh]([^>]*)>/i.exec(td)?.[1] ?? '';
      const colspan = Math.min(MAX_COLSPAN, Number(/colspan="(\d+)"/.exec(open)?.[1] ?? 1));
      const rowspan = Number(/rowspan="(\d+)"/.exec(open)?.[1] ?? 1);
      cells.push(textOf(td.replace(/^<t[dh][^>]*>|<\/t[dh]>$/gi, '')));
      if (rowspan > 1) pending.set(col, [...(pending.get(col) ?? []), { rows: rowspan - 1 }]);
      col++;
      for (let k = 1; k < colspan; k++) {
        cells.push('');
        col++;
      }
    }
    place();
    lines.push(rowLine(cells));
  }
  return lines;
}

export function htmlToLines(html: string): string[] {
  const lines: string[] = [];
  const parts = html.split(/(<table[\s\S]*?<\/table>)/i);
  for (const part of parts) {
    if (/^<table/i.test(part)) {
      lines.push('', ...tableLines(part), '');
      continue;
    }
    for (const block of part.match(/<(p|h[1-6]|li)[^>]*>[\s\S]*?<\/\1>/gi) ?? []) {
      const text = textOf(block);
      if (text) lines.push(text);
    }
  }
  return lines;
}
