import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Store things once: the machine-read document is NULL while it equals the document (it is
 * copied there before the first correction), new documents keep no decoded text when it equals
 * their bytes read as UTF-8 (existing rows are left as they are), and report_unit_idx duplicates
 * report_version_key.
 */
export class StoreOnce1764300000000 implements MigrationInterface {
  name = 'StoreOnce1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE report ALTER COLUMN extracted_document DROP NOT NULL`);
    await q.query(`UPDATE report SET extracted_document = NULL WHERE extracted_document = document`);
    await q.query(`DROP INDEX report_unit_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX report_unit_idx ON report (unit_id, fiscal_year, kind)`);
    await q.query(`UPDATE source_document SET text = convert_from(content, 'UTF8') WHERE text IS NULL`);
    await q.query(`UPDATE report SET extracted_document = document WHERE extracted_document IS NULL`);
    await q.query(`ALTER TABLE report ALTER COLUMN extracted_document SET NOT NULL`);
  }
}
