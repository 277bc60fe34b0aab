import { Injectable } from '@nestjs/common';
import { METRIC_DEFINITIONS_VERSION } from '@hunan-perf/metrics';
import type { Response } from 'express';
import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import type { DataSource } from 'typeorm';
import { InjectReadDatabase } from '../../database/read-database.js';
import type { Scope } from '../analytics/analytics-scope.js';
import { RAW, type RawTable } from './raw-tables.js';
import { sendTable } from './send-table.js';
import { shanghaiTime } from './shanghai-time.js';
import type { ExportFormat } from './table-writers.js';

/**
 * Raw tables streamed straight from a PostgreSQL cursor into the response: memory stays flat
 * however many rows there are, and there is no row cap.
 */
@Injectable()
export class ExportsService {
  constructor(@InjectReadDatabase() private readonly db: DataSource) {}

  async stream(table: RawTable, scope: Scope, years: number[] | null, format: ExportFormat, res: Response, filters: Record<string, string>): Promise<void> {
    const spec = RAW[table];
    const runner = this.db.createQueryRunner('slave');
    try {
      const client = (await runner.connect()) as PoolClient;
      const params = [scope.kind, scope.includeSynthetic, years, scope.regionCodes, scope.level, scope.unitIds];
      const [{ n }] = (await client.query(`SELECT count(*)::int AS n FROM (${spec.sql}) t`, params)).rows;
      // Asked before the cursor opens: a query queued behind the stream on this client would wait for ever.
      const dataAsOf = await this.dataAsOf(client);
      const rows = client.query(new QueryStream(spec.sql, params, { batchSize: 2_000 }));
      await sendTable(res, {
        fileName: spec.title,
        columns: spec.columns,
        rows: rows as AsyncIterable<Record<string, string | number | boolean | null>>,
        context: {
          title: `${spec.title}（当前确认版本）`, filters, generatedAt: shanghaiTime(new Date()), dataAsOf,
          metricDefinitionsVersion: METRIC_DEFINITIONS_VERSION, rows: n, confirmedRows: n,
        },
      }, format);
    } finally {
      await runner.release();
    }
  }

  private async dataAsOf(client: PoolClient): Promise<string | null> {
    const { rows } = await client.query(
      `SELECT to_char(max(confirmed_at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS at FROM report WHERE status = 'confirmed'`,
    );
    return (rows[0]?.at as string | null) ?? null;
  }
}
