/** A table for export: Chinese headers (amounts say 万元, rates say %), typed columns. */
export type ColumnType = 'text' | 'amount' | 'rate' | 'score' | 'int' | 'bool';

export interface Column<Row> {
  header: string;
  type: ColumnType;
  value: (row: Row) => string | number | boolean | null | undefined;
  /** XLSX column width in characters where the content cannot be measured first (streamed rows). */
  width?: number;
}

export interface ExportContext {
  /** What the table is: 总览 / 单位对比 … */
  title: string;
  /** Filters as a reader would state them. */
  filters: Record<string, string>;
  /** When the file was made, 北京时间 `YYYY-MM-DD HH:mm`. */
  generatedAt: string;
  /** When the newest data in it was confirmed, 北京时间, or null when none is. */
  dataAsOf: string | null;
  /** What the metrics in the table mean: [name, definition]. */
  definitions?: [string, string][];
  metricDefinitionsVersion: string;
  rulesVersion?: string;
  /** Counted by the writer as it writes (a streamed table's count is known only at its end). */
  rows?: number;
  /** How many rows come from confirmed reports; absent: all of them. */
  confirmedRows?: number;
}

export interface ExportTable<Row> {
  fileName: string;
  columns: Column<Row>[];
  rows: Iterable<Row> | AsyncIterable<Row>;
  context: ExportContext;
}
