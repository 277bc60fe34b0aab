import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import type { IngestSettingsDto } from './dto/ingest-settings.dto.js';
import { SettingsRepository } from './settings.repository.js';

const INGEST_KEY = 'ingest';
const INGEST_DEFAULTS: IngestSettingsDto = { autoConfirm: false };

@Injectable()
export class SettingsService {
  constructor(
    private readonly db: DataSource,
    private readonly settings: SettingsRepository,
    private readonly audit: AuditService,
  ) {}

  async ingest(): Promise<IngestSettingsDto> {
    return { ...INGEST_DEFAULTS, ...(await this.settings.get<Partial<IngestSettingsDto>>(INGEST_KEY)) };
  }

  async updateIngest(value: IngestSettingsDto, actor: AuthUser): Promise<IngestSettingsDto> {
    const before = await this.ingest();
    await this.db.transaction(async (m) => {
      await this.settings.set(m, INGEST_KEY, value, actor.id);
      await this.audit.record({ actorId: actor.id, action: 'setting.update', entityType: 'setting', entityId: INGEST_KEY, oldValue: before, newValue: value }, m);
    });
    return this.ingest();
  }
}
