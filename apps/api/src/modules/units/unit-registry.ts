import { readFile } from 'node:fs/promises';
import type { DataSource } from 'typeorm';

interface RegistryFile {
  units: { name: string; regionCode: string; aliases?: string[] }[];
}

/** Upserts the canonical unit registry (data/units.json) in one transaction; returns the unit count. */
export async function loadUnitRegistry(db: DataSource, file: string): Promise<number> {
  const registry = JSON.parse(await readFile(file, 'utf8')) as RegistryFile;
  await db.transaction(async (m) => {
    for (const unit of registry.units) {
      const [{ id }] = await m.query(
        `INSERT INTO unit (name, region_code) VALUES ($1, $2)
         ON CONFLICT (region_code, name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
        [unit.name, unit.regionCode],
      );
      await m.query(
        `INSERT INTO unit_alias (unit_id, alias) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
        [id, unit.aliases ?? []],
      );
    }
  });
  return registry.units.length;
}
