import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ListReportsQueryDto, ReportListDto, ReportListItemDto } from './dto/report.dto.js';

interface Row extends Omit<ReportListItemDto, 'scoreTotal' | 'createdAt' | 'updatedAt'> {
  scoreTotal: string | null;
  createdAt: Date;
  updatedAt: Date;
  total: number;
}

/** The review queue: every version, newest first, with its warning count. */
@Injectable()
export class ReportListRepository {
  constructor(private readonly db: DataSource) {}

  async list(q: ListReportsQueryDto, regionCodes: string[] | null): Promise<ReportListDto> {
    const rows: Row[] = await this.db.query(
      `SELECT r.id, r.unit_id AS "unitId", COALESCE(u.name, r.document #>> '{unit,name}') AS "unitName",
              r.region_code AS "regionCode", g.name AS "regionName", r.fiscal_year AS "fiscalYear", r.kind, r.version,
              r.status, r.score_total AS "scoreTotal", r.grade, r.is_synthetic AS "isSynthetic", d.file_name AS "fileName",
              (SELECT count(*)::int FROM report_warning w WHERE w.report_id = r.id) AS "warningCount",
              r.created_at AS "createdAt", r.updated_at AS "updatedAt", count(*) OVER ()::int AS total
         FROM report r
         LEFT JOIN unit u ON u.id = r.unit_id
         LEFT JOIN region g ON g.code = r.region_code
         LEFT JOIN source_document d ON d.id = r.source_document_id
        WHERE ($1::int IS NULL OR r.fiscal_year = $1)
          AND ($2::varchar[] IS NULL OR r.region_code = ANY($2))
          AND ($3::uuid IS NULL OR r.unit_id = $3)
          AND ($4::text IS NULL OR r.status = $4)
          AND ($5::text IS NULL OR r.kind = $5)
          AND ($6::boolean IS NULL OR EXISTS (SELECT 1 FROM report_warning w WHERE w.report_id = r.id) = $6)
          AND ($7::boolean OR NOT r.is_synthetic)
          AND ($8::text IS NULL OR COALESCE(u.name, r.document #>> '{unit,name}') ILIKE '%' || $8 || '%')
        ORDER BY r.updated_at DESC, r.id
        LIMIT $9 OFFSET $10`,
      [
        q.year ?? null, regionCodes, q.unitId ?? null, q.status ?? null, q.kind ?? null, q.hasWarnings ?? null,
        q.includeSynthetic ?? false, q.q ?? null, q.limit, q.offset,
      ],
    );
    return {
      total: rows[0]?.total ?? 0,
      items: rows.map(({ total: _total, ...r }) => ({
        ...r,
        scoreTotal: r.scoreTotal === null ? null : Number(r.scoreTotal),
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
      })),
    };
  }
}
