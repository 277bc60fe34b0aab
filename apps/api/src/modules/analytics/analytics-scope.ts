import { Injectable } from '@nestjs/common';
import { forbidden } from '../../common/app-error.js';
import type { AuthUser } from '../auth/auth-user.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import type { AnalyticsQueryDto } from './dto/analytics-query.dto.js';

/** What a query may see: the regions (a subtree, or all), level, units, kind and synthetic flag. */
export interface Scope {
  regionCodes: string[] | null;
  level: string | null;
  unitIds: string[] | null;
  kind: string;
  includeSynthetic: boolean;
}

@Injectable()
export class AnalyticsScopeService {
  constructor(private readonly regions: RegionsRepository) {}

  /** A submitter is confined to its own region subtree whatever it asks for. */
  async resolve(query: AnalyticsQueryDto, user: AuthUser): Promise<Scope> {
    const own = user.role === 'submitter' ? user.regionCode : null;
    if (own && query.regionCode && !(await this.regions.isWithin(query.regionCode, own))) {
      throw forbidden('提交人只能查看本地区的数据');
    }
    const root = query.regionCode ?? own;
    return {
      regionCodes: root ? await this.regions.subtreeCodes(root) : null,
      level: query.level ?? null,
      unitIds: query.unitIds?.length ? query.unitIds : null,
      kind: query.kind,
      includeSynthetic: query.includeSynthetic,
    };
  }
}
