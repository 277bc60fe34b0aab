import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PlausibilityBands } from '@hunan-perf/metrics';
import { type AuthUser, CurrentUser } from '../auth/auth-user.js';
import { AnyRole, Roles } from '../auth/roles.decorator.js';
import { PlausibilityBandsDto } from './dto/plausibility-bands.dto.js';
import { PlausibilityService } from './plausibility.service.js';

@ApiTags('settings')
@Controller('settings/plausibility')
export class PlausibilityController {
  constructor(private readonly plausibility: PlausibilityService) {}

  @AnyRole()
  @Get()
  @ApiOperation({ summary: '合理范围：超出范围的执行率、调整率、三公控制率、得分记为“异常”' })
  @ApiOkResponse({ type: PlausibilityBandsDto })
  bands(): Promise<PlausibilityBands> {
    return this.plausibility.bands();
  }

  @Roles('admin')
  @Put()
  @ApiBody({ type: PlausibilityBandsDto })
  @ApiOperation({ summary: '修改合理范围（管理员；逐项校验，记入审计日志）' })
  @ApiOkResponse({ type: PlausibilityBandsDto })
  update(@Body() body: unknown, @CurrentUser() user: AuthUser): Promise<PlausibilityBands> {
    return this.plausibility.update(body, user);
  }
}
