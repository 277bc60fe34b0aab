import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { badRequest, conflict } from '../../common/app-error.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import { RegionsService } from '../regions/regions.service.js';
import type { CreateUnitDto, ListUnitsQueryDto, UnitDto } from './dto/unit.dto.js';
import { UnitsRepository } from './units.repository.js';

@Injectable()
export class UnitsService {
  constructor(
    private readonly db: DataSource,
    private readonly units: UnitsRepository,
    private readonly regions: RegionsRepository,
    private readonly regionScope: RegionsService,
    private readonly audit: AuditService,
  ) {}

  /** Lists units; a submitter is confined to its own region subtree whatever it asks for. */
  async list(query: ListUnitsQueryDto, user: AuthUser): Promise<UnitDto[]> {
    const regionCodes = await this.regionScope.scopeFor(user, query.regionCode, '单位');
    return this.units.list({ regionCodes: regionCodes ?? undefined, q: query.q });
  }

  /** Creates a unit with its aliases; refuses a second copy of a unit already known by that name or alias. */
  async create(input: CreateUnitDto, actor: AuthUser): Promise<UnitDto> {
    return this.db.transaction((m) => this.createWithin(m, input, actor));
  }

  /** The same inside the caller's transaction. */
  async createWithin(m: EntityManager, input: CreateUnitDto, actor: AuthUser | null): Promise<UnitDto> {
    if (!(await this.regions.exists(input.regionCode))) {
      throw badRequest('REGION_NOT_FOUND', `地区代码 ${input.regionCode} 不存在`, [{ field: 'regionCode', message: '不存在' }]);
    }
    const name = input.name.trim();
    const aliases = [...new Set((input.aliases ?? []).map((a) => a.trim()).filter((a) => a && a !== name))];
    const clash = await this.units.findByNames(input.regionCode, [name, ...aliases], m);
    if (clash.length > 0) throw conflict('UNIT_EXISTS', `该地区已有名为“${name}”（或同名别名）的单位`);
    const id = await this.units.insert(name, input.regionCode, actor?.id ?? null, m);
    await this.units.addAliases(id, aliases, actor?.id ?? null, m);
    await this.audit.record(
      { actorId: actor?.id ?? null, action: 'unit.create', entityType: 'unit', entityId: id, newValue: { name, regionCode: input.regionCode, aliases } },
      m,
    );
    return (await this.units.findById(id, m))!;
  }
}
