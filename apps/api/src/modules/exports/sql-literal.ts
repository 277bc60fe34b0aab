import pg from 'pg';

export type SqlValue = string | number | boolean | null | readonly (string | number)[];

/** A value written into SQL text (COPY takes no bind parameters): strings escaped by node-postgres. */
export function sqlLiteral(value: SqlValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`not an integer for SQL: ${value}`);
    return String(value);
  }
  if (typeof value === 'string') return pg.escapeLiteral(value);
  return `ARRAY[${value.map((v) => sqlLiteral(v)).join(', ')}]`;
}

/** The SQL with each $n replaced by the literal of params[n − 1]; every $n must carry a cast. */
export function bindLiterals(sql: string, params: readonly SqlValue[]): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => {
    const index = Number(n) - 1;
    if (index < 0 || index >= params.length) throw new RangeError(`no parameter $${n}`);
    return sqlLiteral(params[index]!);
  });
}
