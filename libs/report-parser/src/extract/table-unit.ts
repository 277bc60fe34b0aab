import type { AmountUnit } from '../numbers/parse-number.js';
import type { SourceLine } from '../segment/lines.js';
import type { Row, Table } from '../segment/tables.js';

const UNIT = /(?:单位[:：]\s*|[（(]\s*)(万元|亿元|元)/;

/** The money unit a table states ("单位：元" above it, "（万元）" in its header); 万元 when silent. */
export function tableUnit(table: Table, header: Row | null, lineByNo: Map<number, SourceLine>): AmountUnit {
  const fromHeader = header?.cells.map((c) => UNIT.exec(c.text)?.[1]).find(Boolean);
  if (fromHeader) return fromHeader as AmountUnit;
  for (let n = table.start - 1; n >= table.start - 3; n--) {
    const m = UNIT.exec(lineByNo.get(n)?.text ?? '');
    if (m && /单位/.test(lineByNo.get(n)?.text ?? '')) return m[1] as AmountUnit;
  }
  return '万元';
}
