import { once } from 'node:events';
import { Injectable } from '@nestjs/common';
import { METRIC_DEFINITIONS_VERSION } from '@hunan-perf/metrics';
import type { Response } from 'express';
import type { Pool, PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { PARALLEL_EXPORT } from '../../database/data-source-options.js';
import { InjectReadDatabase } from '../../database/read-database.js';
import type { Scope } from '../analytics/analytics-scope.js';
import { copyCsv } from './copy-csv.js';
import { RAW, type RawTable, rawTableSql } from './raw-tables.js';
import { startDownload } from './send-table.js';
import { cellFromText } from './sql-cells.js';
import { shanghaiTime } from './shanghai-time.js';
import type { Column, ExportContext } from './table.js';
import { ClientGone, type ExportFormat, writeXlsx, zipCsvWithManifest } from './table-writers.js';
import { bindLiterals, type SqlValue } from './sql-literal.js';

type TextRow = Record<string, string | null>;

/**
 * Raw tables streamed from PostgreSQL into the response, memory flat however many rows there are
 * and no row cap. CSV is made by the database itself (COPY of cells formatted in SQL, the same
 * bytes as the JS writer's); XLSX reads the same cells through a cursor, no faster than the
 * client takes the file, and closes the cursor when the client goes away.
 */
@Injectable()
export class ExportsService {
  constructor(@InjectReadDatabase() private readonly db: DataSource) {}

  async stream(table: RawTable, scope: Scope, years: number[] | null, format: ExportFormat, res: Response, filters: Record<string, string>): Promise<void> {
    const spec = RAW[table];
    const sql = rawTableSql(table);
    const params: SqlValue[] = [scope.kind, scope.includeSynthetic, years, scope.regionCodes, scope.level, scope.unitIds];
    // The read DataSource's own pool (the replica's when there is one), so a broken client can be dropped.
    const client = await ((this.db.driver as PostgresDriver).master as Pool).connect();
    let broken: Error | undefined;
    // One long statement: it may use parallel workers, which the dashboard's sessions do without.
    await client.query(`SET ${PARALLEL_EXPORT}`);
    try {
      startDownload(res, spec.title, format);
      if (format === 'csv') {
        await copyCsv(client, bindLiterals(sql, params), spec.columns.map((c) => c.header), res).catch((error: Error) => {
          broken = error;
          throw error;
        });
        res.end();
        return;
      }
      // The rows are counted as they are written: the 说明 sheet and the manifest come after them.
      const context: ExportContext = {
        title: `${spec.title}（当前确认版本）`, filters, generatedAt: shanghaiTime(new Date()), dataAsOf: await this.dataAsOf(client),
        metricDefinitionsVersion: METRIC_DEFINITIONS_VERSION,
      };
      if (format === 'csv+manifest') {
        await zipCsvWithManifest({ fileName: spec.title, columns: spec.columns, context }, res, (csv) =>
          copyCsv(client, bindLiterals(sql, params), spec.columns.map((c) => c.header), csv).catch((error: Error) => {
            broken = error;
            throw error;
          }),
        );
        return;
      }
      const columns: Column<TextRow>[] = spec.columns.map((c, i) => ({ header: c.header, type: c.type, value: (r) => cellFromText(c.type, r[`c${i}`] ?? null) }));
      const rows = client.query(new QueryStream(sql, params, { batchSize: 2_000 }));
      try {
        await writeXlsx({ fileName: spec.title, columns, rows: rows as AsyncIterable<TextRow>, context }, res);
      } catch (error) {
        // Stopping early destroys the stream, which closes the cursor: wait for that before the connection goes back.
        if (!rows.closed) await once(rows, 'close').catch(() => undefined);
        if (error instanceof ClientGone) return;
        throw error;
      }
      if (!res.writableEnded) res.end();
    } finally {
      // A COPY cut short leaves the connection mid-protocol: it is closed, not pooled. A pooled one
      // goes back with the session's own setting (no workers).
      if (!broken) await client.query('RESET max_parallel_workers_per_gather').catch((error: Error) => { broken = error; });
      client.release(broken);
    }
  }

  private async dataAsOf(client: PoolClient): Promise<string | null> {
    const { rows } = await client.query(
      `SELECT to_char(max(confirmed_at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS at FROM report WHERE status = 'confirmed'`,
    );
    return (rows[0]?.at as string | null) ?? null;
  }
}
