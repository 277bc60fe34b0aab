import { Injectable } from '@nestjs/common';
import type { Coverage, ReportDocument, ReportKind } from '@hunan-perf/contracts';
import { coverageOf } from '@hunan-perf/report-parser';
import { DataSource, type EntityManager } from 'typeorm';
import type { ReportStatus } from './report-status.js';

export interface NewReportVersion {
  sourceDocumentId: string | null;
  position: number;
  unitId: string | null;
  regionCode: string | null;
  fiscalYear: number | null;
  kind: ReportKind;
  status: ReportStatus;
  document: ReportDocument;
  extractedDocument: ReportDocument;
  isSynthetic: boolean;
  createdBy: string | null;
  revisedFrom?: string | null;
}

export interface ReportRecord {
  id: string;
  sourceDocumentId: string | null;
  position: number;
  unitId: string | null;
  unitName: string | null;
  regionCode: string | null;
  regionName: string | null;
  fiscalYear: number | null;
  kind: ReportKind;
  version: number;
  status: ReportStatus;
  document: ReportDocument;
  extractedDocument: ReportDocument;
  /** NULL for a version stored before coverage existed and not backfilled yet (coverage-backfill.ts). */
  coverage: Coverage | null;
  isSynthetic: boolean;
  revisedFrom: string | null;
  createdAt: Date;
  createdBy: string | null;
  confirmedAt: Date | null;
  confirmedBy: string | null;
  updatedAt: Date;
}

const SELECT_REPORT = `
  SELECT r.id, r.source_document_id AS "sourceDocumentId", r.position, r.unit_id AS "unitId", u.name AS "unitName",
         r.region_code AS "regionCode", g.name AS "regionName", r.fiscal_year AS "fiscalYear", r.kind, r.version,
         r.status, r.document, COALESCE(r.extracted_document, r.document) AS "extractedDocument", r.coverage, r.is_synthetic AS "isSynthetic",
         r.revised_from AS "revisedFrom", r.created_at AS "createdAt", r.created_by AS "createdBy",
         r.confirmed_at AS "confirmedAt", r.confirmed_by AS "confirmedBy", r.updated_at AS "updatedAt"
    FROM report r
    LEFT JOIN unit u ON u.id = r.unit_id
    LEFT JOIN region g ON g.code = r.region_code`;

/** The advisory lock key of a report series (unit, year, kind): see lockSeries. */
export function seriesLockKey(unitId: string, fiscalYear: number | null, kind: string): string {
  return `report:${unitId}:${fiscalYear ?? '-'}:${kind}`;
}

/**
 * A FROM item that takes the series lock of each key of the text[] parameter, in array order, and
 * yields one row (n: how many), to take the locks in the same statement as another write.
 */
export const lockAll = (keys: string) =>
  `(SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0))) AS n FROM unnest(${keys}::text[]) AS k) AS series_locks`;

@Injectable()
export class ReportsRepository {
  constructor(private readonly db: DataSource) {}

  /** Serialises version numbering and confirmation for one (unit, year, kind) until the transaction ends. */
  async lockSeries(m: EntityManager, unitId: string, fiscalYear: number | null, kind: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [seriesLockKey(unitId, fiscalYear, kind)]);
  }

  /** lockSeries for several series (seriesLockKey) in one round trip, in the given order. */
  async lockSeriesAll(m: EntityManager, keys: string[]): Promise<void> {
    if (keys.length) await m.query(`SELECT n FROM ${lockAll('$1')}`, [keys]);
  }

  async nextVersion(m: EntityManager, unitId: string, fiscalYear: number | null, kind: string): Promise<number> {
    const [{ v }] = await m.query(
      `SELECT COALESCE(max(version), 0) + 1 AS v FROM report
        WHERE unit_id = $1 AND fiscal_year IS NOT DISTINCT FROM $2 AND kind = $3`,
      [unitId, fiscalYear, kind],
    );
    return Number(v);
  }

  /**
   * Inserts a report version, numbered after the highest of its series (under the series lock,
   * so concurrent uploads never share a number); the caller writes its rows (and the coverage
   * columns, ReportRowsRepository.replace) next. The stored document carries its coverage recounted.
   */
  async insert(m: EntityManager, r: NewReportVersion): Promise<{ id: string; version: number }> {
    if (r.unitId) await this.lockSeries(m, r.unitId, r.fiscalYear, r.kind);
    const [row] = await m.query(
      `INSERT INTO report (source_document_id, position, unit_id, region_code, fiscal_year, kind, version, status,
                           document, extracted_document, is_synthetic, created_by, revised_from)
       SELECT $1, $2, $3, $4, $5, $6,
              CASE WHEN $3::uuid IS NULL THEN 1 ELSE COALESCE(max(version), 0) + 1 END,
              $7, $8::jsonb, $9::jsonb, $10, $11, $12
         FROM report WHERE $3::uuid IS NOT NULL AND unit_id = $3 AND fiscal_year IS NOT DISTINCT FROM $5 AND kind = $6
       RETURNING id, version`,
      [
        r.sourceDocumentId, r.position, r.unitId, r.regionCode, r.fiscalYear, r.kind, r.status,
        JSON.stringify({ ...r.document, coverage: coverageOf(r.document) }),
        // NULL: the machine-read document is the document itself (kept apart from the first correction on).
        r.extractedDocument === r.document ? null : JSON.stringify(r.extractedDocument),
        r.isSynthetic, r.createdBy, r.revisedFrom ?? null,
      ],
    );
    return { id: row.id, version: row.version };
  }

  async find(id: string, m: EntityManager = this.db.manager, forUpdate = false): Promise<ReportRecord | null> {
    const rows: ReportRecord[] = await m.query(`${SELECT_REPORT} WHERE r.id = $1${forUpdate ? ' FOR UPDATE OF r' : ''}`, [id]);
    return rows[0] ?? null;
  }

  async bySourceDocument(sourceDocumentId: string, m: EntityManager = this.db.manager): Promise<ReportRecord[]> {
    return m.query(`${SELECT_REPORT} WHERE r.source_document_id = $1 ORDER BY r.position`, [sourceDocumentId]);
  }

  /** Every version of the report's series (same unit, year, kind), newest first. */
  async versions(report: ReportRecord): Promise<ReportRecord[]> {
    if (!report.unitId) return [report];
    return this.db.query(
      `${SELECT_REPORT} WHERE r.unit_id = $1 AND r.fiscal_year IS NOT DISTINCT FROM $2 AND r.kind = $3 ORDER BY r.version DESC`,
      [report.unitId, report.fiscalYear, report.kind],
    );
  }

  async setStatus(m: EntityManager, id: string, status: ReportStatus, actorId: string | null): Promise<void> {
    await m.query(
      `UPDATE report SET status = $2, updated_at = now(),
              confirmed_at = CASE WHEN $2 = 'confirmed' THEN now() ELSE confirmed_at END,
              confirmed_by = CASE WHEN $2 = 'confirmed' THEN $3::uuid ELSE confirmed_by END
        WHERE id = $1`,
      [id, status, actorId],
    );
  }

  /** Marks the current confirmed version of the series superseded; returns its id, if any. */
  async supersedeCurrent(m: EntityManager, report: ReportRecord): Promise<string | null> {
    // Wrapped in a SELECT: TypeORM answers a bare UPDATE … RETURNING with [rows, count], not the rows.
    const rows: { id: string }[] = await m.query(
      `WITH s AS (
         UPDATE report SET status = 'superseded', updated_at = now()
          WHERE unit_id = $1 AND fiscal_year = $2 AND kind = $3 AND status = 'confirmed' AND id <> $4
          RETURNING id)
       SELECT id FROM s`,
      [report.unitId, report.fiscalYear, report.kind, report.id],
    );
    return rows[0]?.id ?? null;
  }

  /** Moves a version into another (year, kind) series under the given version number. */
  async moveToSeries(m: EntityManager, id: string, fiscalYear: number | null, kind: string, version: number): Promise<void> {
    await m.query(`UPDATE report SET fiscal_year = $2, kind = $3, version = $4, updated_at = now() WHERE id = $1`, [id, fiscalYear, kind, version]);
  }

  async assignUnit(m: EntityManager, id: string, unitId: string, regionCode: string, version: number): Promise<void> {
    await m.query(
      `UPDATE report SET unit_id = $2, region_code = $3, version = $4, status = 'draft', updated_at = now() WHERE id = $1`,
      [id, unitId, regionCode, version],
    );
  }

  async count(): Promise<number> {
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM report`);
    return n;
  }
}
