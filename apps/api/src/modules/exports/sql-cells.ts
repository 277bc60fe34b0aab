import type { ColumnType } from './table.js';

/**
 * A cell as the CSV writer prints it (table-writers.ts), computed by PostgreSQL so that
 * `COPY … TO STDOUT (FORMAT csv)` writes the same bytes: amounts, rates and scores with two
 * decimals rounded half away from zero (numeric round, the metrics' rule), 是/否, and text that
 * starts like a formula (= + - @ tab CR) given a leading apostrophe. An empty text becomes NULL,
 * which COPY writes as an empty field, as the JS writer does for both ('' would be quoted).
 * COPY then quotes exactly what csvLine quotes: a field holding , " CR or LF, quotes doubled.
 */
export function sqlCell(type: ColumnType, expr: string): string {
  switch (type) {
    case 'amount':
    case 'rate':
    case 'score':
      return `NULLIF(round((${expr})::numeric, 2)::text, 'NaN')`;
    case 'int':
      return `(${expr})::text`;
    case 'bool':
      return `CASE WHEN ${expr} THEN '是' WHEN NOT ${expr} THEN '否' END`;
    case 'text':
      return `NULLIF(CASE WHEN left(${expr}, 1) IN ('=', '+', '-', '@', E'\\t', E'\\r') THEN '''' || ${expr} ELSE ${expr} END, '')`;
  }
}

/** A cell of sqlCell's text as the XLSX gets it: numbers as numbers, the rest as the text it is. */
export function cellFromText(type: ColumnType, text: string | null): string | number | null {
  if (text === null) return null;
  return type === 'amount' || type === 'rate' || type === 'score' || type === 'int' ? Number(text) : text;
}
