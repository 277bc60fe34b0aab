import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RecheckRuleSet } from '@hunan-perf/metrics';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { type AuthUser, CurrentUser } from '../auth/auth-user.js';
import { AnyRole, Roles } from '../auth/roles.decorator.js';
import { SettingsRepository } from '../settings/settings.repository.js';
import { validateRuleSet } from './recheck-rules.js';
import { RECHECK_RULES_KEY, RecheckService } from './recheck.service.js';

@ApiTags('analytics')
@Controller('settings/recheck-rules')
export class RecheckRulesController {
  constructor(
    private readonly db: DataSource,
    private readonly recheck: RecheckService,
    private readonly settings: SettingsRepository,
    private readonly audit: AuditService,
  ) {}

  @AnyRole()
  @Get()
  @ApiOperation({ summary: '自评复核规则集（JSON）' })
  rules(): Promise<RecheckRuleSet> {
    return this.recheck.rules();
  }

  @Roles('admin')
  @Put()
  @ApiBody({ schema: { type: 'object', additionalProperties: true } })
  @ApiOperation({ summary: '修改自评复核规则集（管理员；逐项校验，记入审计日志）' })
  async update(@Body() body: unknown, @CurrentUser() user: AuthUser): Promise<RecheckRuleSet> {
    const rules = validateRuleSet(body);
    const before = await this.recheck.rules();
    await this.db.transaction(async (m) => {
      await this.settings.set(m, RECHECK_RULES_KEY, rules, user.id);
      await this.audit.record({ actorId: user.id, action: 'setting.update', entityType: 'setting', entityId: RECHECK_RULES_KEY, oldValue: before, newValue: rules }, m);
    });
    return rules;
  }
}
