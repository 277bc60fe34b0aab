import { Injectable } from '@nestjs/common';
import { DEFAULT_PLAUSIBILITY_BANDS, type PlausibilityBands } from '@hunan-perf/metrics';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { validatePlausibilityBands } from './plausibility-bands.js';
import { SettingsRepository } from './settings.repository.js';

export const PLAUSIBILITY_KEY = 'plausibility.bands';

/** The admin-editable bands outside which a value counts as 异常 (defaults until an admin saves some). */
@Injectable()
export class PlausibilityService {
  constructor(
    private readonly db: DataSource,
    private readonly settings: SettingsRepository,
    private readonly audit: AuditService,
  ) {}

  async bands(): Promise<PlausibilityBands> {
    return (await this.settings.get<PlausibilityBands>(PLAUSIBILITY_KEY)) ?? DEFAULT_PLAUSIBILITY_BANDS;
  }

  async update(input: unknown, actor: AuthUser): Promise<PlausibilityBands> {
    const bands = validatePlausibilityBands(input);
    const before = await this.bands();
    await this.db.transaction(async (m) => {
      await this.settings.set(m, PLAUSIBILITY_KEY, bands, actor.id);
      await this.audit.record({ actorId: actor.id, action: 'setting.update', entityType: 'setting', entityId: PLAUSIBILITY_KEY, oldValue: before, newValue: bands }, m);
    });
    return bands;
  }
}
