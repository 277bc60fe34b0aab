import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Review workflow: the decoded source text kept beside the bytes (the reviewer reads each value
 * next to its line), the region a report belongs to even before its unit is resolved (for
 * region-scoped access), and the version a corrected draft was revised from.
 */
export class ReviewWorkflow1763900000000 implements MigrationInterface {
  name = 'ReviewWorkflow1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE source_document ADD COLUMN format text NOT NULL DEFAULT 'txt'
                     CHECK (format IN ('txt', 'docx', 'pdf', 'xlsx', 'json', 'csv'))`);
    await q.query(`ALTER TABLE source_document ADD COLUMN text text`);
    await q.query(`ALTER TABLE report ADD COLUMN region_code varchar(6) REFERENCES region (code)`);
    await q.query(`ALTER TABLE report ADD COLUMN revised_from uuid REFERENCES report (id)`);
    await q.query(`UPDATE report r SET region_code = u.region_code FROM unit u WHERE u.id = r.unit_id`);
    await q.query(`CREATE INDEX report_region_idx ON report (region_code)`);
    await q.query(`CREATE INDEX report_unit_idx ON report (unit_id, fiscal_year, kind)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX report_unit_idx`);
    await q.query(`DROP INDEX report_region_idx`);
    await q.query(`ALTER TABLE report DROP COLUMN revised_from`);
    await q.query(`ALTER TABLE report DROP COLUMN region_code`);
    await q.query(`ALTER TABLE source_document DROP COLUMN text`);
    await q.query(`ALTER TABLE source_document DROP COLUMN format`);
  }
}
