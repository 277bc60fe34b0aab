import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Copied text (issue 14 item 4): the paragraphs of 存在的问题 and 改进措施 of every current
 * confirmed report, each with its hashed character shingles, so PostgreSQL finds near-duplicates
 * of another unit's report or of the same unit's previous year.
 *
 * - `report_paragraph`: one row per statement of a current confirmed (non-synthetic) report — its
 *   section, place, text, source line, wording length and `shingles` (distinct hashes of every
 *   three-character window of its wording, ascending: libs/metrics text-shingles.ts). Written by
 *   the app in the confirmation's transaction; a superseded version's rows go in the same
 *   transaction. A GIN index answers "shares a shingle" (`&&`), the candidates of a comparison.
 *   Reports confirmed before this table get theirs from the start-up backfill after migrations
 *   (report-paragraphs.ts), as for quality flags: the shingling is TypeScript, and a data backfill
 *   is not part of a schema migration.
 * - `paragraph_shingling`: the version of the shingling the rows were made with; when it changes
 *   every row is made again at start-up.
 * - `shingle_similarity(a, b)`: Jaccard similarity of two shingle arrays in percent,
 *   |a ∩ b| ÷ |a ∪ b| × 100 rounded to two decimals; NULL when either is empty. The SQL mirror of
 *   jaccardPercent (a test holds the two equal).
 *
 * The contract has no 绩效目标 text field (only indicator targets), so there is no such section.
 */
export class TextReuse1764870000000 implements MigrationInterface {
  name = 'TextReuse1764870000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION shingle_similarity(a integer[], b integer[]) RETURNS numeric
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN cardinality(a) = 0 OR cardinality(b) = 0 THEN NULL
                    ELSE round(100.0 * s.shared / (cardinality(a) + cardinality(b) - s.shared), 2) END
          FROM (SELECT count(*)::int AS shared FROM unnest(a) x WHERE x = ANY (b)) s
      $$`);
    await q.query(`
      CREATE TABLE report_paragraph (
        id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        report_id      uuid NOT NULL REFERENCES report (id) ON DELETE CASCADE,
        unit_id        uuid NOT NULL REFERENCES unit (id),
        fiscal_year    integer NOT NULL,
        kind           text NOT NULL,
        section        text NOT NULL CHECK (section IN ('problem', 'measure')),
        position       integer NOT NULL CHECK (position >= 0),
        text           text NOT NULL,
        source_line    integer,
        wording_length integer NOT NULL CHECK (wording_length >= 0),
        shingles       integer[] NOT NULL,
        shingle_count  integer GENERATED ALWAYS AS (cardinality(shingles)) STORED,
        UNIQUE (report_id, section, position)
      )`);
    await q.query(`CREATE INDEX report_paragraph_shingles_idx ON report_paragraph USING gin (shingles)`);
    await q.query(`CREATE INDEX report_paragraph_unit_idx ON report_paragraph (unit_id, fiscal_year)`);
    await q.query(`
      CREATE TABLE paragraph_shingling (
        id      boolean PRIMARY KEY DEFAULT true CHECK (id),
        version text NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE paragraph_shingling`);
    await q.query(`DROP TABLE report_paragraph`);
    await q.query(`DROP FUNCTION shingle_similarity(integer[], integer[])`);
  }
}
