import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RectificationItemDto, RectificationSummaryRowDto } from './dto/rectification.dto.js';
import { type RectificationStatus, TIME_ZONE } from './rectification-rules.js';

interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** Which items: the caller's region codes (null = all) and the query's filters. */
export interface ItemFilter {
  regionCodes: string[] | null;
  year: number | null;
  level: string | null;
  status?: RectificationStatus | null;
  recurring?: boolean | null;
  overdue?: boolean | null;
}

const TODAY = `(now() AT TIME ZONE '${TIME_ZONE}')::date`;
const AGE = `(${TODAY} - (i.created_at AT TIME ZONE '${TIME_ZONE}')::date)`;
const OVERDUE = `(i.status <> 'done' AND i.due_date < ${TODAY})`;

const ITEM_COLUMNS = `
  i.id, i.unit_id AS "unitId", u.name AS "unitName", i.region_code AS "regionCode", g.name AS "regionName", g.level,
  i.fiscal_year AS "fiscalYear", i.report_id AS "reportId", i.position, i.problem_text AS "problemText", i.source_line AS "sourceLine",
  i.measure_text AS "measureText", i.measure_source_line AS "measureSourceLine", to_char(i.due_date, 'YYYY-MM-DD') AS "dueDate",
  i.status, i.note, i.evidence_name AS "evidenceName", i.evidence_size AS "evidenceSize", i.evidence_type AS "evidenceType",
  i.evidence_uploaded_at AS "evidenceUploadedAt", ${AGE} AS "ageDays", ${OVERDUE} AS overdue,
  i.follow_up_report_id AS "followUpReportId", CASE WHEN i.follow_up_report_id IS NOT NULL THEN i.fiscal_year + 1 END AS "followUpYear",
  i.recurring, i.recurring_similarity::float8 AS "recurringSimilarity", i.recurring_text AS "recurringText",
  i.recurring_source_line AS "recurringSourceLine", i.updated_at AS "updatedAt"`;

const FROM = `FROM rectification_item i JOIN unit u ON u.id = i.unit_id JOIN region g ON g.code = i.region_code`;

/** $1… of the filter, in the order WHERE uses them. */
const WHERE = `
  WHERE ($1::text[] IS NULL OR i.region_code = ANY($1::text[])) AND ($2::int IS NULL OR i.fiscal_year = $2)
    AND ($3::text IS NULL OR g.level = $3) AND ($4::text IS NULL OR i.status = $4)
    AND ($5::boolean IS NULL OR i.recurring = $5) AND ($6::boolean IS NULL OR ${OVERDUE} = $6)`;

const params = (f: ItemFilter) => [f.regionCodes, f.year, f.level, f.status ?? null, f.recurring ?? null, f.overdue ?? null];

interface ItemRow extends Omit<RectificationItemDto, 'evidence' | 'updatedAt'> {
  evidenceName: string | null; evidenceSize: number | null; evidenceType: string | null; evidenceUploadedAt: Date | null; updatedAt: Date;
}

const toItem = ({ evidenceName, evidenceSize, evidenceType, evidenceUploadedAt, updatedAt, ...r }: ItemRow): RectificationItemDto => ({
  ...r,
  evidence: evidenceName === null ? null : { fileName: evidenceName, size: evidenceSize!, contentType: evidenceType!, uploadedAt: evidenceUploadedAt!.toISOString() },
  updatedAt: updatedAt.toISOString(),
});

/** What an update changes and the audit keeps. */
export interface ItemProgress {
  status: RectificationStatus;
  note: string | null;
  dueDate: string;
}

export interface StoredEvidence {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

/** Reading and writing rectification_item. */
@Injectable()
export class RectificationRepository {
  constructor(private readonly db: DataSource) {}

  /** A page of items (limit null: all), overdue first, then the oldest; with the count of every match. */
  async list(f: ItemFilter, limit: number | null, offset: number): Promise<{ total: number; items: RectificationItemDto[] }> {
    const rows = (await this.db.query(
      `SELECT ${ITEM_COLUMNS}, count(*) OVER ()::int AS "totalCount" ${FROM} ${WHERE}
        ORDER BY overdue DESC, i.created_at, i.fiscal_year, u.name, i.unit_id, i.position
        LIMIT $7 OFFSET $8`,
      [...params(f), limit, offset],
    )) as (ItemRow & { totalCount: number })[];
    const total = rows[0]?.totalCount ?? (offset > 0 ? await this.count(f) : 0);
    return { total, items: rows.map(({ totalCount: _, ...r }) => toItem(r)) };
  }

  private async count(f: ItemFilter): Promise<number> {
    const [{ n }] = (await this.db.query(`SELECT count(*)::int AS n ${FROM} ${WHERE}`, params(f))) as { n: number }[];
    return n;
  }

  /** Counts by the items' region: statuses, overdue, recurring and the age buckets of open items. */
  async summary(f: ItemFilter): Promise<RectificationSummaryRowDto[]> {
    const open = `i.status <> 'done'`;
    return (await this.db.query(
      `SELECT i.region_code AS "regionCode", g.name AS "regionName", count(*)::int AS total,
              count(*) FILTER (WHERE i.status = 'pending')::int AS pending, count(*) FILTER (WHERE i.status = 'in_progress')::int AS "inProgress",
              count(*) FILTER (WHERE i.status = 'done')::int AS done, count(*) FILTER (WHERE ${open})::int AS open,
              count(*) FILTER (WHERE ${OVERDUE})::int AS overdue, count(*) FILTER (WHERE i.recurring)::int AS recurring,
              count(*) FILTER (WHERE ${open} AND ${AGE} <= 90)::int AS "age0to90",
              count(*) FILTER (WHERE ${open} AND ${AGE} BETWEEN 91 AND 180)::int AS "age91to180",
              count(*) FILTER (WHERE ${open} AND ${AGE} BETWEEN 181 AND 365)::int AS "age181to365",
              count(*) FILTER (WHERE ${open} AND ${AGE} > 365)::int AS "ageOver365"
         ${FROM} ${WHERE}
        GROUP BY i.region_code, g.name ORDER BY i.region_code`,
      params(f),
    )) as RectificationSummaryRowDto[];
  }

  async find(id: string, m: Queryable = this.db): Promise<RectificationItemDto | null> {
    const rows = (await m.query(`SELECT ${ITEM_COLUMNS} ${FROM} WHERE i.id = $1`, [id])) as ItemRow[];
    return rows[0] ? toItem(rows[0]) : null;
  }

  /** The item's region and progress, its row locked for the caller's transaction. */
  async lock(m: Queryable, id: string): Promise<(ItemProgress & { regionCode: string; evidence: Omit<StoredEvidence, 'bytes'> & { sha256: string; size: number } | null }) | null> {
    const rows = (await m.query(
      `SELECT region_code AS "regionCode", status, note, to_char(due_date, 'YYYY-MM-DD') AS "dueDate",
              evidence_name AS "fileName", evidence_type AS "contentType", evidence_sha256 AS sha256, evidence_size AS size
         FROM rectification_item WHERE id = $1 FOR UPDATE`,
      [id],
    )) as (ItemProgress & { regionCode: string; fileName: string | null; contentType: string; sha256: string; size: number })[];
    const r = rows[0];
    if (!r) return null;
    return {
      regionCode: r.regionCode, status: r.status, note: r.note, dueDate: r.dueDate,
      evidence: r.fileName === null ? null : { fileName: r.fileName, contentType: r.contentType, sha256: r.sha256, size: r.size },
    };
  }

  async setProgress(m: Queryable, id: string, p: ItemProgress): Promise<void> {
    await m.query(`UPDATE rectification_item SET status = $2, note = $3, due_date = $4::date, updated_at = now() WHERE id = $1`, [id, p.status, p.note, p.dueDate]);
  }

  async setEvidence(m: Queryable, id: string, e: StoredEvidence & { sha256: string }): Promise<void> {
    await m.query(
      `UPDATE rectification_item SET evidence_bytes = $2, evidence_name = $3, evidence_type = $4, evidence_sha256 = $5, evidence_size = $6,
              evidence_uploaded_at = now(), updated_at = now() WHERE id = $1`,
      [id, e.bytes, e.fileName, e.contentType, e.sha256, e.bytes.length],
    );
  }

  /** The evidence file with the item's region (to check who may read it); null when the item does not exist. */
  async evidence(id: string): Promise<{ regionCode: string; file: StoredEvidence | null } | null> {
    const rows = (await this.db.query(
      `SELECT region_code AS "regionCode", evidence_name AS "fileName", evidence_type AS "contentType", evidence_bytes AS bytes FROM rectification_item WHERE id = $1`,
      [id],
    )) as { regionCode: string; fileName: string | null; contentType: string; bytes: Buffer }[];
    const r = rows[0];
    if (!r) return null;
    return { regionCode: r.regionCode, file: r.fileName === null ? null : { fileName: r.fileName, contentType: r.contentType, bytes: r.bytes } };
  }
}
