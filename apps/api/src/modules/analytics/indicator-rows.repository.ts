import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { InjectReadDatabase } from '../../database/read-database.js';
import type { Scope } from './analytics-scope.js';
import { CURRENT_METRIC_ROWS_UNRANKED, metricRowParams } from './metric-rows.repository.js';
import { limitOffset, type Page } from './page.js';

export interface StoredIndicatorRow {
  reportId: string; unitId: string; unitName: string;
  level1: string | null; level2: string | null; name: string | null; target: string | null; actual: string | null;
  weight: number | null; score: number | null;
  comparator: 'atLeast' | 'atMost' | 'equal' | null;
  /** The assessment stored when the rows were written (libs/metrics assessIndicator). */
  quantitative: boolean | null;
  status: 'met' | 'unmet' | 'qualitative' | 'unknown' | null;
}

export interface ReportInScope { reportId: string; unitId: string; unitName: string }

/** The current reports of one year in scope, a page of units at a time, and the indicator rows they hold. */
@Injectable()
export class IndicatorRowsRepository {
  constructor(@InjectReadDatabase() private readonly db: DataSource) {}

  /**
   * The reports of one page of units by name ($7 from $8; every one for an export), with how many
   * there are in scope (`total`; null past the last page, where no row is left to carry it).
   */
  async reports(scope: Scope, year: number, page: Page | null): Promise<{ reports: ReportInScope[]; total: number | null }> {
    const rows: (ReportInScope & { total: number })[] = await this.db.query(
      `WITH rows AS (${CURRENT_METRIC_ROWS_UNRANKED})
       SELECT "reportId", "unitId", "unitName", count(*) OVER ()::int AS total FROM rows ORDER BY "unitName", "reportId" LIMIT $7 OFFSET $8`,
      [...metricRowParams(scope, [year]), ...limitOffset(page)],
    );
    return { reports: rows.map(({ total: _total, ...r }) => r), total: rows[0]?.total ?? null };
  }

  /** Every indicator row of these reports with its stored assessment, by unit name, report, position. */
  rows(reportIds: string[]): Promise<StoredIndicatorRow[]> {
    return this.db.query(
      `SELECT k.report_id AS "reportId", k.unit_id AS "unitId", k.unit_name AS "unitName", i.level1, i.level2, i.name, i.target, i.actual,
              i.weight::float8 AS weight, i.score::float8 AS score, i.comparator, i.quantitative, i.status
         FROM report_rollup k JOIN report_indicator i ON i.report_id = k.report_id
        WHERE k.report_id = ANY($1::uuid[])
        ORDER BY k.unit_name, k.report_id, i.position`,
      [reportIds],
    );
  }
}
