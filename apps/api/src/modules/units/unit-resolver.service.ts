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
  /** The registry's canonical name of the unit, when resolved. */
  unitName: string | null;
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

  /** Candidates are ranked only when asked for (the review page), not during bulk ingestion. */
  async resolve(
    unitName: string | null, regionName: string | null, manager: EntityManager = this.db.manager, withCandidates = true,
  ): Promise<UnitResolution> {
    const matcher = await this.regionMatcher();
    const region = matcher.match(regionName)?.region ?? matcher.match(unitName)?.region ?? null;
    const wanted = [unitName, regionName && unitName && !unitName.startsWith(regionName) ? `${regionName}${unitName}` : null]
      .filter((n): n is string => Boolean(n))
      .flatMap((n) => [n.trim(), normaliseUnitName(n)]);
    const exact = wanted.length ? await this.exactMatches([...new Set(wanted)], manager) : [];
    const inRegion = region ? exact.filter((u) => u.regionCode === region.code) : exact;
    const hit = inRegion.length === 1 ? inRegion[0] : !region && exact.length === 1 ? exact[0] : undefined;
    if (hit) return { unitId: hit.id, unitName: hit.name, regionCode: hit.regionCode, candidates: [] };
    const candidates = withCandidates ? rank(await this.unitNames(manager), unitName, region?.code ?? null) : [];
    return { unitId: null, unitName: null, regionCode: region?.code ?? null, candidates };
  }

  /** Units whose name or an alias is exactly one of the names. */
  private exactMatches(names: string[], manager: EntityManager): Promise<{ id: string; name: string; regionCode: string }[]> {
    return manager.query(
      `SELECT u.id, u.name, u.region_code AS "regionCode" FROM unit u WHERE u.name = ANY($1)
       UNION SELECT u.id, u.name, u.region_code FROM unit_alias a JOIN unit u ON u.id = a.unit_id WHERE a.alias = ANY($1)`,
      [names],
    );
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
