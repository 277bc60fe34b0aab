import { Injectable } from '@nestjs/common';
import { METRIC_DEFINITIONS_VERSION } from '@hunan-perf/metrics';
import type { Response } from 'express';
import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { DataSource } from 'typeorm';
import type { Scope } from '../analytics/analytics-scope.js';
import { RAW, type RawTable } from './raw-tables.js';
import { sendTable } from './send-table.js';
import type { ExportFormat } from './table-writers.js';

/**
 * Raw tables streamed straight from a PostgreSQL cursor into the response: memory stays flat
 * however many rows there are, and there is no row cap.
 */
@Injectable()
export class ExportsService {
  constructor(private readonly db: DataSource) {}

  async stream(table: RawTable, scope: Scope, years: number[] | null, format: ExportFormat, res: Response, filters: Record<string, string>): Promise<void> {
    const spec = RAW[table];
    const runner = this.db.createQueryRunner('slave');
    try {
      const client = (await runner.connect()) as PoolClient;
      const params = [scope.kind, scope.includeSynthetic, years, scope.regionCodes, scope.level, scope.unitIds];
      const [{ n }] = (await client.query(`SELECT count(*)::int AS n FROM (${spec.sql}) t`, params)).rows;
      const rows = client.query(new QueryStream(spec.sql, params, { batchSize: 2_000 }));
      await sendTable(res, {
        fileName: spec.title,
        columns: spec.columns,
        rows: rows as AsyncIterable<Record<string, string | number | boolean | null>>,
        context: {
          title: `${spec.title}（当前确认版本）`, filters, dataAsOf: new Date().toISOString(),
          metricDefinitionsVersion: METRIC_DEFINITIONS_VERSION, rows: n, confirmedRows: n,
        },
      }, format);
    } finally {
      await runner.release();
    }
  }
}
