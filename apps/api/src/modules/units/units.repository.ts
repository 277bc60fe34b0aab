import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { UnitDto } from './dto/unit.dto.js';

export interface UnitFilter {
  /** Only units in these regions (a subtree), or all when undefined. */
  regionCodes?: string[];
  q?: string;
}

const SELECT_UNITS = `
  SELECT u.id, u.name, u.region_code AS "regionCode", r.name AS "regionName", r.level AS "regionLevel",
         COALESCE(array_agg(a.alias ORDER BY a.alias) FILTER (WHERE a.alias IS NOT NULL), '{}') AS aliases
    FROM unit u
    JOIN region r ON r.code = u.region_code
    LEFT JOIN unit_alias a ON a.unit_id = u.id`;

@Injectable()
export class UnitsRepository {
  constructor(private readonly db: DataSource) {}

  async list(filter: UnitFilter): Promise<UnitDto[]> {
    return this.db.query(
      `${SELECT_UNITS}
        WHERE ($1::varchar[] IS NULL OR u.region_code = ANY($1))
          AND ($2::text IS NULL OR u.name ILIKE '%' || $2 || '%'
               OR EXISTS (SELECT 1 FROM unit_alias x WHERE x.unit_id = u.id AND x.alias ILIKE '%' || $2 || '%'))
        GROUP BY u.id, r.code
        ORDER BY u.region_code, u.name`,
      [filter.regionCodes ?? null, filter.q ?? null],
    );
  }

  async findById(id: string, manager: EntityManager = this.db.manager): Promise<UnitDto | null> {
    const rows: UnitDto[] = await manager.query(`${SELECT_UNITS} WHERE u.id = $1 GROUP BY u.id, r.code`, [id]);
    return rows[0] ?? null;
  }

  /** Units in a region whose name or alias is exactly one of the given names. */
  async findByNames(regionCode: string, names: string[], manager: EntityManager = this.db.manager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT DISTINCT u.id FROM unit u LEFT JOIN unit_alias a ON a.unit_id = u.id
        WHERE u.region_code = $1 AND (u.name = ANY($2) OR a.alias = ANY($2))`,
      [regionCode, names],
    );
    return rows.map((r) => r.id);
  }

  async insert(name: string, regionCode: string, createdBy: string | null, manager: EntityManager): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO unit (name, region_code, created_by) VALUES ($1, $2, $3) RETURNING id`,
      [name, regionCode, createdBy],
    );
    return rows[0]!.id;
  }

  async addAliases(unitId: string, aliases: string[], createdBy: string | null, manager: EntityManager): Promise<void> {
    if (aliases.length === 0) return;
    await manager.query(
      `INSERT INTO unit_alias (unit_id, alias, created_by) SELECT $1, unnest($2::text[]), $3 ON CONFLICT DO NOTHING`,
      [unitId, aliases, createdBy],
    );
  }
}
