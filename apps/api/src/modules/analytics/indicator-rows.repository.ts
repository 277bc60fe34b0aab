import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { InjectReadDatabase } from '../../database/read-database.js';
import type { Scope } from './analytics-scope.js';
import { CURRENT_METRIC_ROWS_UNRANKED, metricRowParams } from './metric-rows.repository.js';

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

/** The current reports of one year in scope, and every indicator row they hold with its stored assessment. */
@Injectable()
export class IndicatorRowsRepository {
  constructor(@InjectReadDatabase() private readonly db: DataSource) {}

  reports(scope: Scope, year: number): Promise<ReportInScope[]> {
    return this.db.query(
      `WITH rows AS (${CURRENT_METRIC_ROWS_UNRANKED})
       SELECT "reportId", "unitId", "unitName" FROM rows ORDER BY "unitName", "reportId"`,
      metricRowParams(scope, [year]),
    );
  }

  rows(scope: Scope, year: number): Promise<StoredIndicatorRow[]> {
    return this.db.query(
      `WITH rows AS (${CURRENT_METRIC_ROWS_UNRANKED})
       SELECT rows."reportId", rows."unitId", rows."unitName", i.level1, i.level2, i.name, i.target, i.actual,
              i.weight::float8 AS weight, i.score::float8 AS score, i.comparator, i.quantitative, i.status
         FROM rows JOIN report_indicator i ON i.report_id = rows."reportId"
        ORDER BY rows."unitName", rows."reportId", i.position`,
      metricRowParams(scope, [year]),
    );
  }
}
