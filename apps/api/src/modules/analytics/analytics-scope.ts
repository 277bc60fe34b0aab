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

  /**
   * An account limited to a region (every submitter) is confined to its subtree whatever it asks
   * for. Region series (trends' regionCodes) follow the same rule: a region outside the subtree —
   * its parent 湖南省 included — is refused (403), not answered with a series named after the wide
   * region but holding only the account's own data.
   */
  async resolve(query: AnalyticsQueryDto, user: AuthUser): Promise<Scope> {
    for (const code of query.regionCodes ?? []) await this.regions.scopeFor(user, code, '数据');
    return {
      regionCodes: await this.regions.scopeFor(user, query.regionCode, '数据'),
      level: query.level ?? null,
      unitIds: query.unitIds?.length ? query.unitIds : null,
      kind: query.kind,
      includeSynthetic: query.includeSynthetic,
    };
  }
}
