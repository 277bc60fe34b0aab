import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user.js';
import { RegionsService } from '../regions/regions.service.js';
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
  constructor(private readonly regions: RegionsService) {}

  /** A submitter is confined to its own region subtree whatever it asks for. */
  async resolve(query: AnalyticsQueryDto, user: AuthUser): Promise<Scope> {
    return {
      regionCodes: await this.regions.scopeFor(user, query.regionCode, '数据'),
      level: query.level ?? null,
      unitIds: query.unitIds?.length ? query.unitIds : null,
      kind: query.kind,
      includeSynthetic: query.includeSynthetic,
    };
  }
}
