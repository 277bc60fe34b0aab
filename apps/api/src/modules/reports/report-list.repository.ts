import { Injectable } from '@nestjs/common';
import { OPEN_STATUSES, statusesWaitingFor, waitingForOf } from '@hunan-perf/contracts';
import { DataSource } from 'typeorm';
import { backfillCoverage } from './coverage-backfill.js';
import type { ListReportsQueryDto, ReportListDto, ReportListItemDto, ReportSort } from './dto/report.dto.js';

interface Row extends Omit<ReportListItemDto, 'scoreTotal' | 'coveragePercent' | 'createdAt' | 'updatedAt' | 'waitingFor'> {
  scoreTotal: string | null;
  coveragePercent: string | null;
  createdAt: Date;
  updatedAt: Date;
  total: number;
}

/** Reports someone still has to act on (fixed words of the workflow, not user input). */
const NEEDS_HUMAN = `r.status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/** ORDER BY of each sort (fixed SQL, chosen by the validated enum; see REPORT_SORTS). */
const ORDER_BY: Record<ReportSort, string> = {
  needs_human: `${NEEDS_HUMAN} DESC, CASE WHEN ${NEEDS_HUMAN} THEN r.coverage_percent END ASC NULLS FIRST,
                CASE WHEN ${NEEDS_HUMAN} THEN wc.n END DESC, r.updated_at DESC, r.id`,
  updated: `r.updated_at DESC, r.id`,
  coverage_asc: `r.coverage_percent ASC NULLS FIRST, r.updated_at DESC, r.id`,
  coverage_desc: `r.coverage_percent DESC NULLS LAST, r.updated_at DESC, r.id`,
};

/** The review queue: every version with its warning count and coverage, needing a human first by default. */
@Injectable()
export class ReportListRepository {
  /** This process's one backfill pass (later writes store coverage themselves); reset when it fails. */
  private backfill: Promise<number> | null = null;

  constructor(private readonly db: DataSource) {}

  async list(q: ListReportsQueryDto, regionCodes: string[] | null): Promise<ReportListDto> {
    await this.coverageBackfilled();
    const order = ORDER_BY[q.sort ?? 'needs_human'];
    // The page is chosen from the report rows alone (the filters' joins only when a filter asks
    // for them: a NULL parameter folds its condition away), then only its rows are joined to
    // their unit, region, file, warnings and flags. Warnings are counted for the sort only where
    // the sort reads them (reports someone still has to act on).
    const rows: Row[] = await this.db.query(
      `WITH page AS (
         SELECT r.id, count(*) OVER ()::int AS total
           FROM report r
           LEFT JOIN unit u ON u.id = r.unit_id
           LEFT JOIN report_quality rq ON rq.report_id = r.id
          CROSS JOIN LATERAL (SELECT CASE WHEN ${NEEDS_HUMAN} THEN (SELECT count(*)::int FROM report_warning w WHERE w.report_id = r.id) END AS n) wc
          WHERE ($1::int IS NULL OR r.fiscal_year = $1)
            AND ($2::varchar[] IS NULL OR r.region_code = ANY($2))
            AND ($3::uuid IS NULL OR r.unit_id = $3)
            AND ($4::text IS NULL OR r.status = $4)
            AND ($5::text IS NULL OR r.kind = $5)
            AND ($6::boolean IS NULL OR EXISTS (SELECT 1 FROM report_warning w WHERE w.report_id = r.id) = $6)
            AND ($7::boolean OR NOT r.is_synthetic)
            AND ($8::text IS NULL OR COALESCE(u.name, r.document #>> '{unit,name}') ILIKE '%' || $8 || '%')
            AND ($11::text IS NULL OR rq.flag_codes @> ARRAY[$11::text])
            AND ($12::text[] IS NULL OR r.status = ANY($12))
          ORDER BY ${order}
          LIMIT $9 OFFSET $10)
       SELECT r.id, r.unit_id AS "unitId", COALESCE(u.name, r.document #>> '{unit,name}') AS "unitName",
              r.region_code AS "regionCode", g.name AS "regionName", r.fiscal_year AS "fiscalYear", r.kind, r.version,
              r.status, r.score_total AS "scoreTotal", r.grade, r.is_synthetic AS "isSynthetic", d.file_name AS "fileName",
              wc.n AS "warningCount", r.coverage_percent AS "coveragePercent",
              COALESCE(cardinality(rq.flag_codes), 0) AS "qualityFlagCount", COALESCE(rq.flag_codes, '{}') AS "qualityFlags",
              r.created_at AS "createdAt", r.updated_at AS "updatedAt", page.total
         FROM page
         JOIN report r ON r.id = page.id
         LEFT JOIN unit u ON u.id = r.unit_id
         LEFT JOIN region g ON g.code = r.region_code
         LEFT JOIN source_document d ON d.id = r.source_document_id
         CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM report_warning w WHERE w.report_id = r.id) wc
         LEFT JOIN report_quality rq ON rq.report_id = r.id
        ORDER BY ${order}`,
      [
        q.year ?? null, regionCodes, q.unitId ?? null, q.status ?? null, q.kind ?? null, q.hasWarnings ?? null,
        q.includeSynthetic ?? false, q.q ?? null, q.limit, q.offset, q.qualityFlag ?? null,
        q.waitingFor ? statusesWaitingFor(q.waitingFor) : null,
      ],
    );
    return {
      total: rows[0]?.total ?? 0,
      items: rows.map(({ total: _total, ...r }) => ({
        ...r,
        waitingFor: waitingForOf(r.status),
        scoreTotal: r.scoreTotal === null ? null : Number(r.scoreTotal),
        coveragePercent: r.coveragePercent === null ? null : Number(r.coveragePercent),
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
      })),
    };
  }

  /**
   * Versions stored before coverage existed get it before the first list is answered (once per
   * process: the queue's order depends on it); a failed pass is retried by the next request.
   */
  private coverageBackfilled(): Promise<number> {
    this.backfill ??= backfillCoverage(this.db).catch((error: unknown) => {
      this.backfill = null;
      throw error;
    });
    return this.backfill;
  }
}
