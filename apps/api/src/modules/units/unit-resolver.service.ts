import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { RegionMatcher } from '../regions/region-matcher.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import { nameSimilarity, normaliseUnitName } from './unit-matching.js';

export interface UnitCandidate {
  unitId: string;
  name: string;
  regionCode: string;
  regionName: string;
  sameRegion: boolean;
  /** 0–1 name similarity against the unit's name or its closest alias. */
  similarity: number;
}

export interface UnitResolution {
  unitId: string | null;
  /** The region the report belongs to: the unit's, or the one its names point to. */
  regionCode: string | null;
  candidates: UnitCandidate[];
}

interface UnitNames {
  id: string;
  name: string;
  regionCode: string;
  regionName: string;
  names: string[];
}

/**
 * Report → registry unit: an exact name or alias match resolves; anything else is left
 * unresolved with ranked candidates (same region first, then name similarity).
 */
@Injectable()
export class UnitResolverService {
  private matcher: Promise<RegionMatcher> | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly regions: RegionsRepository,
  ) {}

  async resolve(unitName: string | null, regionName: string | null, manager: EntityManager = this.db.manager): Promise<UnitResolution> {
    const matcher = await this.regionMatcher();
    const region = matcher.match(regionName)?.region ?? matcher.match(unitName)?.region ?? null;
    const units = await this.unitNames(manager);
    const wanted = [unitName, regionName && unitName && !unitName.startsWith(regionName) ? `${regionName}${unitName}` : null]
      .filter((n): n is string => Boolean(n))
      .map(normaliseUnitName);
    const exact = units.filter((u) => u.names.some((n) => wanted.includes(n)));
    const inRegion = region ? exact.filter((u) => u.regionCode === region.code) : exact;
    if (inRegion.length === 1) return { unitId: inRegion[0]!.id, regionCode: inRegion[0]!.regionCode, candidates: [] };
    if (!region && exact.length === 1) return { unitId: exact[0]!.id, regionCode: exact[0]!.regionCode, candidates: [] };
    return { unitId: null, regionCode: region?.code ?? null, candidates: rank(units, unitName, region?.code ?? null) };
  }

  /** Region codes change only with a new release of the division data: load them once. */
  private regionMatcher(): Promise<RegionMatcher> {
    this.matcher ??= this.regions.all().then((rows) => new RegionMatcher(rows));
    return this.matcher;
  }

  private async unitNames(manager: EntityManager): Promise<UnitNames[]> {
    const rows: { id: string; name: string; regionCode: string; regionName: string; aliases: string[] }[] = await manager.query(
      `SELECT u.id, u.name, u.region_code AS "regionCode", r.name AS "regionName",
              COALESCE(array_agg(a.alias) FILTER (WHERE a.alias IS NOT NULL), '{}') AS aliases
         FROM unit u JOIN region r ON r.code = u.region_code LEFT JOIN unit_alias a ON a.unit_id = u.id
        GROUP BY u.id, r.name`,
    );
    return rows.map((r) => ({ ...r, names: [r.name, ...r.aliases].map(normaliseUnitName) }));
  }
}

function rank(units: UnitNames[], unitName: string | null, regionCode: string | null): UnitCandidate[] {
  if (!unitName) return [];
  return units
    .map((u) => ({
      unitId: u.id,
      name: u.name,
      regionCode: u.regionCode,
      regionName: u.regionName,
      sameRegion: u.regionCode === regionCode,
      similarity: Math.round(Math.max(...u.names.map((n) => nameSimilarity(n, unitName))) * 1000) / 1000,
    }))
    .filter((c) => c.sameRegion || c.similarity >= 0.3)
    .sort((a, b) => Number(b.sameRegion) - Number(a.sameRegion) || b.similarity - a.similarity || a.name.localeCompare(b.name))
    .slice(0, 5);
}
