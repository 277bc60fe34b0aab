import type { ExtractContext } from './context.js';
import { STRENGTH } from './candidates.js';
import { cellNumber } from '../numbers/parse-number.js';

const squash = (s: string): string => s.replace(/[\s\u3000]/g, '');
const QUOTA = /编制数|编制人数|人员编制|^编制$/;
const ACTUAL = /实有|在职人数|实际在职|在职人员/;

/** 编制数 and 实有人数, from the basic-data table (header over values), label/value pairs, or sentences. */
export function extractStaff(ctx: ExtractContext): void {
  for (const table of ctx.tables) {
    for (let r = 0; r < table.rows.length; r++) {
      const row = table.rows[r]!;
      const texts = row.cells.map((c) => squash(c.text));
      const q = texts.findIndex((t) => QUOTA.test(t));
      const a = texts.findIndex((t) => ACTUAL.test(t) && !QUOTA.test(t));
      if (q < 0 && a < 0) continue;
      const next = table.rows[r + 1];
      // Header with the values in the next row.
      if (q >= 0 && a >= 0 && next && cellNumber(next.cells[q]?.text ?? '') !== null) {
        const addFrom = (path: string, i: number): void => {
          const c = next.cells[i];
          if (c) ctx.candidates.add(path, { value: cellNumber(c.text), line: c.line, strength: STRENGTH.formalTable, where: 'basic-data table', focus: c.text });
        };
        addFrom('staff.quota', q);
        addFrom('staff.actual', a);
        continue;
      }
      // Label | value pairs in one row.
      const pair = (i: number, path: string): void => {
        const c = row.cells[i + 1];
        if (i >= 0 && c && cellNumber(c.text) !== null) ctx.candidates.add(path, { value: cellNumber(c.text), line: c.line, strength: STRENGTH.table, where: 'table', focus: c.text });
      };
      pair(q, 'staff.quota');
      pair(a, 'staff.actual');
    }
  }
}
