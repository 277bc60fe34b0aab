import type { DataSource } from 'typeorm';
import { openTestDataSource } from './support/test-database.js';

describe('schema rules enforced by PostgreSQL itself', () => {
  let ds: DataSource;
  let close: () => Promise<void>;
  let unitId: string;

  const insertReport = (status: string, version: number, year = 2021) =>
    ds.query(
      `INSERT INTO report (unit_id, fiscal_year, kind, version, status, document, extracted_document)
       VALUES ($1, $2, 'department_overall', $3, $4, '{}', '{}') RETURNING id`,
      [unitId, year, version, status],
    );

  beforeAll(async () => {
    ({ dataSource: ds, close } = await openTestDataSource({ as: 'owner' }));
    [{ id: unitId }] = await ds.query(`INSERT INTO unit (name, region_code) VALUES ('浏阳市工业和信息化局', '430181') RETURNING id`);
  });
  afterAll(() => close());

  it('refuses a second current confirmed version of the same (unit, year, kind)', async () => {
    await insertReport('confirmed', 1);
    await expect(insertReport('confirmed', 2)).rejects.toThrow(/report_one_current_confirmed/);
    await insertReport('draft', 2);
    await insertReport('confirmed', 1, 2022);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM report WHERE status = 'confirmed'`);
    expect(n).toBe(2);
  });

  it('allows the swap when the old version is superseded in the same transaction', async () => {
    await ds.transaction(async (m) => {
      await m.query(`UPDATE report SET status = 'superseded' WHERE unit_id = $1 AND fiscal_year = 2021 AND status = 'confirmed'`, [unitId]);
      await m.query(`UPDATE report SET status = 'confirmed' WHERE unit_id = $1 AND fiscal_year = 2021 AND version = 2`, [unitId]);
    });
    const rows: { version: number; status: string }[] = await ds.query(
      `SELECT version, status FROM report WHERE fiscal_year = 2021 ORDER BY version`,
    );
    expect(rows).toEqual([{ version: 1, status: 'superseded' }, { version: 2, status: 'confirmed' }]);
  });

  it('keeps audit_event append-only', async () => {
    await ds.query(`INSERT INTO audit_event (action, entity_type) VALUES ('test.append', 'test')`);
    await expect(ds.query(`UPDATE audit_event SET action = 'tampered'`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'test.append'`);
    expect(n).toBe(1);
  });

  it('rejects a submitter without a region and an unknown role', async () => {
    await expect(
      ds.query(`INSERT INTO app_user (username, password_hash, role) VALUES ('s', 'x', 'submitter')`),
    ).rejects.toThrow(/check constraint/);
    await expect(
      ds.query(`INSERT INTO app_user (username, password_hash, role) VALUES ('g', 'x', 'guest')`),
    ).rejects.toThrow(/check constraint/);
  });
});

describe('data_version moves only when dashboards can change', () => {
  let ds: DataSource;
  let close: () => Promise<void>;
  const version = async () => Number((await ds.query(`SELECT version FROM data_version`))[0].version);

  beforeAll(async () => {
    ({ dataSource: ds, close } = await openTestDataSource({ as: 'owner' }));
  });
  afterAll(() => close());

  it('a draft does not move it; confirming, superseding, a unit and a setting do', async () => {
    const [{ id: unitId }] = await ds.query(`INSERT INTO unit (name, region_code) VALUES ('望城区商务局', '430112') RETURNING id`);
    const start = await version();
    const [{ id }] = await ds.query(
      `INSERT INTO report (unit_id, fiscal_year, kind, version, status, document, extracted_document)
       VALUES ($1, 2022, 'department_overall', 1, 'draft', '{}', '{}') RETURNING id`, [unitId],
    );
    await ds.query(`UPDATE report SET updated_at = now() WHERE id = $1`, [id]);
    expect(await version()).toBe(start);
    await ds.query(`UPDATE report SET status = 'confirmed' WHERE id = $1`, [id]);
    expect(await version()).toBe(start + 1);
    await ds.query(`UPDATE report SET status = 'superseded' WHERE id = $1`, [id]);
    expect(await version()).toBe(start + 2);
    await ds.query(`INSERT INTO unit (name, region_code) VALUES ('望城区财政局', '430112')`);
    await ds.query(`INSERT INTO setting (key, value) VALUES ('x', '1')`);
    expect(await version()).toBe(start + 4);
  });
});
