import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 整改 tracking (issue 14 item 5): every 存在的问题 of a current confirmed 部门整体 report is a
 * rectification item of its unit and year — the problem with its source line, the 改进措施
 * promised for it, a due date, and the progress the unit reports (待整改 / 整改中 / 已整改, a
 * note, one evidence file kept here as bytes with its name, type, size and sha256).
 *
 * - Keyed by (unit_id, fiscal_year, position): a corrected, re-confirmed report updates the
 *   unit-year's items in place (report_id moves to the new version), so progress survives.
 * - `follow_up_report_id`: the same unit's confirmed report of fiscal_year + 1; `recurring` when
 *   one of its 存在的问题 is at least as similar (shingle_similarity) as the admin's text-reuse
 *   threshold, with that statement's similarity, text and source line.
 * - Written by the app in the confirmation's transaction (apps/api rectification-items.ts);
 *   reports confirmed before this table get theirs from the start-up backfill.
 * New tables get the app role's grants through the schema's default privileges (database/roles.ts).
 */
export class Rectification1764940000000 implements MigrationInterface {
  name = 'Rectification1764940000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rectification_item (
        id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id               uuid NOT NULL REFERENCES unit (id),
        report_id             uuid NOT NULL REFERENCES report (id) ON DELETE CASCADE,
        region_code           varchar(6) NOT NULL REFERENCES region (code),
        fiscal_year           integer NOT NULL,
        position              integer NOT NULL CHECK (position >= 0),
        problem_text          text NOT NULL,
        source_line           integer,
        measure_text          text,
        measure_source_line   integer,
        due_date              date NOT NULL,
        status                text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'in_progress', 'done')),
        note                  text CHECK (note IS NULL OR length(note) <= 2000),
        evidence_bytes        bytea,
        evidence_name         text,
        evidence_type         text,
        evidence_sha256       char(64) CHECK (evidence_sha256 ~ '^[0-9a-f]{64}$'),
        evidence_size         integer CHECK (evidence_size > 0),
        evidence_uploaded_at  timestamptz,
        follow_up_report_id   uuid REFERENCES report (id) ON DELETE SET NULL,
        recurring             boolean NOT NULL DEFAULT false,
        recurring_similarity  numeric(5,2) CHECK (recurring_similarity BETWEEN 0 AND 100),
        recurring_text        text,
        recurring_source_line integer,
        created_at            timestamptz NOT NULL DEFAULT now(),
        updated_at            timestamptz NOT NULL DEFAULT now(),
        UNIQUE (unit_id, fiscal_year, position),
        CHECK (num_nonnulls(evidence_bytes, evidence_name, evidence_type, evidence_sha256, evidence_size, evidence_uploaded_at) IN (0, 6)),
        CHECK (evidence_bytes IS NULL OR octet_length(evidence_bytes) = evidence_size),
        CHECK (recurring = (recurring_similarity IS NOT NULL)),
        CHECK (recurring = (recurring_text IS NOT NULL)),
        CHECK (NOT recurring OR follow_up_report_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX rectification_item_region_idx ON rectification_item (region_code, fiscal_year)`);
    await q.query(`CREATE INDEX rectification_item_year_status_idx ON rectification_item (fiscal_year, status)`);
    await q.query(`CREATE INDEX rectification_item_open_idx ON rectification_item (due_date, created_at) WHERE status <> 'done'`);
    await q.query(`CREATE INDEX rectification_item_report_idx ON rectification_item (report_id)`);
    await q.query(`CREATE INDEX rectification_item_follow_up_idx ON rectification_item (follow_up_report_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rectification_item`);
  }
}
