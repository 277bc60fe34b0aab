import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { InjectReadDatabase } from '../../database/read-database.js';
import type { Scope } from '../analytics/analytics-scope.js';
import { metricRowParams, ROLLUP_ROWS_IN_SCOPE } from '../analytics/metric-rows.repository.js';
import type { ParagraphSection, ReuseRelation } from './text-reuse-rules.js';

/** A paragraph as stored, with its report's unit, region and year. */
export interface StoredParagraph {
  paragraphId: string;
  reportId: string;
  unitId: string;
  unitName: string;
  regionCode: string;
  regionName: string;
  fiscalYear: number;
  kind: string;
  section: ParagraphSection;
  position: number;
  text: string;
  sourceLine: number | null;
}

export interface StoredPair {
  similarity: number;
  relation: ReuseRelation;
  paragraph: StoredParagraph;
  other: StoredParagraph;
}

export interface PairFilters {
  thresholdPercent: number;
  minWordingLength: number;
  section: ParagraphSection | null;
  relation: ReuseRelation | null;
  limit: number | null;
  offset: number;
}

const paragraphJson = (p: string, k: string) => `json_build_object(
  'paragraphId', ${p}.id::text, 'reportId', ${p}.report_id, 'unitId', ${p}.unit_id, 'unitName', ${k}.unit_name, 'regionCode', ${k}.region_code,
  'regionName', ${k}.region_name, 'fiscalYear', ${p}.fiscal_year, 'kind', ${p}.kind, 'section', ${p}.section, 'position', ${p}.position,
  'text', ${p}.text, 'sourceLine', ${p}.source_line)`;

/**
 * Near-duplicate pairs: each paragraph `a` of a report in scope ($1–$6, as every analytics
 * answer) against the paragraphs `b` of the same section of other current confirmed reports of
 * the same kind — another unit's (any year) or the same unit's previous year — that share a
 * shingle (GIN on report_paragraph.shingles), whose shingle counts allow the threshold (Jaccard ≤
 * smaller ÷ larger) and whose similarity reaches it ($7 %). Statements shorter than $8 characters
 * of wording are left out. A pair with both sides in scope is listed once: the newer year (or,
 * within a year, the lower paragraph id) is `a`. $9 section, $10 relation; $11 rows from $12.
 */
const PAIRS = `
  WITH scope AS (SELECT k.report_id FROM (${ROLLUP_ROWS_IN_SCOPE}) k),
  mine AS (
    SELECT p.id, p.report_id, p.unit_id, p.fiscal_year, p.kind, p.section, p.shingles, p.shingle_count
      FROM report_paragraph p JOIN scope s ON s.report_id = p.report_id
     WHERE p.wording_length >= $8 AND p.shingle_count > 0 AND ($9::text IS NULL OR p.section = $9)),
  pairs AS (
    SELECT a.id AS a_id, b.id AS b_id, sim.value AS similarity,
           CASE WHEN b.unit_id = a.unit_id THEN 'previous_year' ELSE 'other_unit' END AS relation
      FROM mine a
      JOIN report_paragraph b
        ON b.shingles && a.shingles AND b.section = a.section AND b.kind = a.kind AND b.report_id <> a.report_id
       AND b.wording_length >= $8
       AND (b.unit_id <> a.unit_id OR b.fiscal_year = a.fiscal_year - 1)
       AND b.shingle_count >= floor(a.shingle_count * ($7 - 0.01) / 100.0)
       AND b.shingle_count <= ceil(a.shingle_count * 100.0 / ($7 - 0.01))
      CROSS JOIN LATERAL (SELECT shingle_similarity(a.shingles, b.shingles) AS value) sim
     WHERE sim.value >= $7
       AND ($10::text IS NULL OR ($10 = 'previous_year') = (b.unit_id = a.unit_id))
       AND NOT ((b.fiscal_year > a.fiscal_year OR (b.fiscal_year = a.fiscal_year AND b.id < a.id))
                AND EXISTS (SELECT 1 FROM mine x WHERE x.id = b.id))),
  page AS (
    SELECT row_number() OVER (ORDER BY pr.similarity DESC, pa.fiscal_year DESC, ka.unit_name, pa.section, pa.position, kb.unit_name, pb.id) AS ord,
           pr.similarity::float8 AS similarity, pr.relation, ${paragraphJson('pa', 'ka')} AS paragraph, ${paragraphJson('pb', 'kb')} AS other
      FROM pairs pr
      JOIN report_paragraph pa ON pa.id = pr.a_id JOIN report_rollup ka ON ka.report_id = pa.report_id
      JOIN report_paragraph pb ON pb.id = pr.b_id JOIN report_rollup kb ON kb.report_id = pb.report_id
     ORDER BY ord LIMIT $11 OFFSET $12)
  SELECT (SELECT count(*)::int FROM pairs) AS total,
         COALESCE((SELECT json_agg(json_build_object('similarity', similarity, 'relation', relation, 'paragraph', paragraph, 'other', other) ORDER BY ord) FROM page), '[]') AS rows`;

const PARAGRAPH = `
  SELECT p.id::text AS "paragraphId", p.report_id AS "reportId", p.unit_id AS "unitId", k.unit_name AS "unitName", k.region_code AS "regionCode",
         k.region_name AS "regionName", p.fiscal_year AS "fiscalYear", p.kind, p.section, p.position, p.text, p.source_line AS "sourceLine"
    FROM report_paragraph p JOIN report_rollup k ON k.report_id = p.report_id`;

@Injectable()
export class TextReuseRepository {
  constructor(@InjectReadDatabase() private readonly db: DataSource) {}

  async pairs(scope: Scope, year: number | null, f: PairFilters): Promise<{ total: number; rows: StoredPair[] }> {
    const [row]: { total: number; rows: StoredPair[] }[] = await this.db.query(PAIRS, [
      ...metricRowParams(scope, year === null ? null : [year]), f.thresholdPercent, f.minWordingLength, f.section, f.relation, f.limit, f.offset,
    ]);
    return row!;
  }

  /** Two paragraphs with the similarity of their shingles (shingle_similarity), or null when either is gone. */
  async pair(a: string, b: string): Promise<{ paragraph: StoredParagraph; other: StoredParagraph; similarity: number | null } | null> {
    const rows: StoredParagraph[] = await this.db.query(`${PARAGRAPH} WHERE p.id = ANY($1::bigint[])`, [[a, b]]);
    const paragraph = rows.find((r) => r.paragraphId === a);
    const other = rows.find((r) => r.paragraphId === b);
    if (!paragraph || !other) return null;
    const [{ similarity }]: { similarity: number | null }[] = await this.db.query(
      `SELECT shingle_similarity(a.shingles, b.shingles)::float8 AS similarity FROM report_paragraph a, report_paragraph b WHERE a.id = $1 AND b.id = $2`,
      [a, b],
    );
    return { paragraph, other, similarity };
  }
}
