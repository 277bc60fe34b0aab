import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A counter that moves whenever what the dashboards show can change: a report becomes or stops
 * being confirmed, a unit or a setting changes. The analytics cache keys its answers on it, so a
 * request costs one indexed read instead of scanning the confirmed reports.
 */
export class DataVersion1764200000000 implements MigrationInterface {
  name = 'DataVersion1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE data_version (id boolean PRIMARY KEY DEFAULT true CHECK (id), version bigint NOT NULL)`);
    await q.query(`INSERT INTO data_version (version) VALUES (0)`);
    await q.query(`
      CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE data_version SET version = version + 1;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER report_confirmed_change AFTER UPDATE OF status ON report FOR EACH ROW
        WHEN (OLD.status IS DISTINCT FROM NEW.status AND 'confirmed' IN (OLD.status, NEW.status))
        EXECUTE FUNCTION bump_data_version()`);
    // Drafts do not show on dashboards: an upload does not move the version (nor lock its row).
    await q.query(`
      CREATE FUNCTION bump_data_version_if_confirmed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM changed WHERE status = 'confirmed') THEN
          UPDATE data_version SET version = version + 1;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER report_inserted AFTER INSERT ON report REFERENCING NEW TABLE AS changed
                     FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version_if_confirmed()`);
    await q.query(`CREATE TRIGGER report_deleted AFTER DELETE ON report REFERENCING OLD TABLE AS changed
                     FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version_if_confirmed()`);
    await q.query(`CREATE TRIGGER unit_changed AFTER INSERT OR UPDATE OR DELETE ON unit FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()`);
    await q.query(`CREATE TRIGGER setting_changed AFTER INSERT OR UPDATE OR DELETE ON setting FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [trigger, table] of [['setting_changed', 'setting'], ['unit_changed', 'unit'], ['report_deleted', 'report'], ['report_inserted', 'report'], ['report_confirmed_change', 'report']]) {
      await q.query(`DROP TRIGGER ${trigger} ON ${table}`);
    }
    await q.query(`DROP FUNCTION bump_data_version_if_confirmed()`);
    await q.query(`DROP FUNCTION bump_data_version()`);
    await q.query(`DROP TABLE data_version`);
  }
}
