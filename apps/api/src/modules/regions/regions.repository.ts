import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export type RegionLevel = 'province' | 'city' | 'county';

export interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

const SUBTREE = `
  WITH RECURSIVE subtree AS (
    SELECT code FROM region WHERE code = $1
    UNION ALL
    SELECT r.code FROM region r JOIN subtree s ON r.parent_code = s.code
  )`;

@Injectable()
export class RegionsRepository {
  constructor(private readonly db: DataSource) {}

  async all(): Promise<RegionRow[]> {
    return this.db.query(
      `SELECT code, name, level, parent_code AS "parentCode" FROM region ORDER BY code`,
    );
  }

  async exists(code: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM region WHERE code = $1`, [code]);
    return rows.length > 0;
  }

  async find(code: string): Promise<RegionRow | null> {
    const rows: RegionRow[] = await this.db.query(
      `SELECT code, name, level, parent_code AS "parentCode" FROM region WHERE code = $1`, [code],
    );
    return rows[0] ?? null;
  }

  /** The region and everything below it. */
  async subtreeCodes(code: string): Promise<string[]> {
    const rows: { code: string }[] = await this.db.query(`${SUBTREE} SELECT code FROM subtree`, [code]);
    return rows.map((r) => r.code);
  }

  async isWithin(code: string, ancestor: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`${SUBTREE} SELECT 1 FROM subtree WHERE code = $2`, [ancestor, code]);
    return rows.length > 0;
  }
}
