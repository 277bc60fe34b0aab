import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Unit resolution looks a report's unit name up across all regions. */
export class UnitNameIndex1764000000000 implements MigrationInterface {
  name = 'UnitNameIndex1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX unit_name_idx ON unit (name)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX unit_name_idx`);
  }
}
