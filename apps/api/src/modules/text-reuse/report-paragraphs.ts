import { SHINGLING_VERSION, textShingles, wordingLength } from '@hunan-perf/metrics';
import type { DataSource } from 'typeorm';
import { PARAGRAPH_SECTIONS, type ParagraphSection } from './text-reuse-rules.js';

interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

const BATCH = 500;

/** What a report's paragraphs are made from: its document's statements and their source lines. */
interface Source {
  reportId: string;
  unitId: string;
  fiscalYear: number;
  kind: string;
  findings: Record<'problems' | 'measures', string[]> | null;
  provenance: Record<string, { line?: number } | undefined> | null;
}

const FIELDS: Record<ParagraphSection, 'problems' | 'measures'> = { problem: 'problems', measure: 'measures' };

/** The rows of report_paragraph for these reports, each column an array for unnest. */
export function paragraphRows(sources: Source[]) {
  const rows = { report: [] as string[], unit: [] as string[], year: [] as number[], kind: [] as string[], section: [] as string[],
    position: [] as number[], text: [] as string[], line: [] as (number | null)[], length: [] as number[], shingles: [] as string[] };
  for (const s of sources) {
    for (const section of PARAGRAPH_SECTIONS) {
      const field = FIELDS[section];
      (s.findings?.[field] ?? []).forEach((text, position) => {
        const line = s.provenance?.[`findings.${field}.${position}`]?.line;
        rows.report.push(s.reportId);
        rows.unit.push(s.unitId);
        rows.year.push(s.fiscalYear);
        rows.kind.push(s.kind);
        rows.section.push(section);
        rows.position.push(position);
        rows.text.push(text);
        rows.line.push(Number.isInteger(line) ? line! : null);
        rows.length.push(wordingLength(text));
        rows.shingles.push(`{${textShingles(text).join(',')}}`);
      });
    }
  }
  return rows;
}

const SOURCES = `
  SELECT r.id AS "reportId", r.unit_id AS "unitId", r.fiscal_year AS "fiscalYear", r.kind,
         r.document->'findings' AS findings, r.document->'provenance' AS provenance
    FROM report r`;

/** Inserts the paragraphs of these reports (current confirmed, not synthetic), in the caller's transaction. */
async function insertParagraphs(m: Queryable, reportIds: string[]): Promise<void> {
  const sources = (await m.query(
    `${SOURCES} WHERE r.id = ANY($1::uuid[]) AND r.status = 'confirmed' AND NOT r.is_synthetic`, [reportIds],
  )) as Source[];
  const p = paragraphRows(sources);
  if (!p.report.length) return;
  await m.query(
    `INSERT INTO report_paragraph (report_id, unit_id, fiscal_year, kind, section, position, text, source_line, wording_length, shingles)
     SELECT r, u, y, k, s, pos, t, l, len, sh::int[]
       FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::int[], $7::text[], $8::int[], $9::int[], $10::text[])
         AS x(r, u, y, k, s, pos, t, l, len, sh)`,
    [p.report, p.unit, p.year, p.kind, p.section, p.position, p.text, p.line, p.length, p.shingles],
  );
}

/**
 * In the confirmation's transaction: the confirmed report's paragraphs replace those of the
 * version it superseded (report_paragraph holds current confirmed reports only).
 */
export async function writeConfirmedParagraphs(m: Queryable, reportId: string, supersededId: string | null): Promise<void> {
  await m.query(`DELETE FROM report_paragraph WHERE report_id = ANY($1::uuid[])`, [[reportId, ...(supersededId ? [supersededId] : [])]]);
  await insertParagraphs(m, [reportId]);
}

/**
 * Start-up backfill, after migrations: current confirmed reports with statements but no
 * paragraphs get theirs; when the shingling changed since the rows were made, every row is made
 * again (in one transaction with the clearing). The first run records the version. Idempotent; returns the reports written.
 */
export async function backfillParagraphs(db: DataSource): Promise<number> {
  let total = 0;
  const step = async (m: Queryable): Promise<number> => {
    const ids = ((await m.query(
      `SELECT r.id FROM report r
        WHERE r.status = 'confirmed' AND NOT r.is_synthetic
          AND (jsonb_array_length(COALESCE(r.document->'findings'->'problems', '[]')) > 0
               OR jsonb_array_length(COALESCE(r.document->'findings'->'measures', '[]')) > 0)
          AND NOT EXISTS (SELECT 1 FROM report_paragraph p WHERE p.report_id = r.id)
        LIMIT $1`,
      [BATCH],
    )) as { id: string }[]).map((r) => r.id);
    if (ids.length) await insertParagraphs(m, ids);
    return ids.length;
  };
  await db.transaction(async (m) => {
    const [state] = (await m.query(`SELECT version FROM paragraph_shingling FOR UPDATE`)) as { version: string }[];
    if (state?.version === SHINGLING_VERSION) return;
    await m.query(`INSERT INTO paragraph_shingling (version) VALUES ($1) ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version`, [SHINGLING_VERSION]);
    // No version yet: the rows there were written by confirmations with this very shingling.
    if (!state) return;
    await m.query(`DELETE FROM report_paragraph`);
    for (let n = await step(m); n > 0; n = await step(m)) total += n;
  });
  for (let n = await db.transaction(step); n > 0; n = await db.transaction(step)) total += n;
  return total;
}
