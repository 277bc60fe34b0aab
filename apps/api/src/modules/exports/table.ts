/** A table for export: Chinese headers (amounts say 万元, rates say %), typed columns. */
export type ColumnType = 'text' | 'amount' | 'rate' | 'score' | 'int' | 'bool';

export interface Column<Row> {
  header: string;
  type: ColumnType;
  value: (row: Row) => string | number | boolean | null | undefined;
}

export interface ExportContext {
  /** What the table is: 总览 / 单位对比 … */
  title: string;
  /** Filters as a reader would state them. */
  filters: Record<string, string>;
  dataAsOf: string;
  metricDefinitionsVersion: string;
  rulesVersion?: string;
  rows: number;
  confirmedRows: number;
}

export interface ExportTable<Row> {
  fileName: string;
  columns: Column<Row>[];
  rows: Iterable<Row> | AsyncIterable<Row>;
  context: ExportContext;
}
