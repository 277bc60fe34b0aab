import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '../auth/auth-user.js';
import { AnyRole, Roles } from '../auth/roles.decorator.js';
import { QualitySettingsDto, QualityThresholdsDto, ReportQualityDto } from './dto/quality.dto.js';
import { QualityService } from './quality.service.js';

@ApiTags('quality')
@Controller()
export class QualityController {
  constructor(private readonly quality: QualityService) {}

  @AnyRole()
  @Get('reports/:id/quality-flags')
  @ApiOperation({ summary: '报告的自评质量提示：每项提示的标题、说明与所涉的行' })
  @ApiOkResponse({ type: ReportQualityDto })
  reportFlags(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<ReportQualityDto> {
    return this.quality.reportFlags(id, user);
  }

  @AnyRole()
  @Get('settings/quality-flags')
  @ApiOperation({ summary: '自评质量提示的阈值与各项提示的说明' })
  @ApiOkResponse({ type: QualitySettingsDto })
  settings(): Promise<QualitySettingsDto> {
    return this.quality.settingsNow();
  }

  @Roles('admin')
  @Put('settings/quality-flags')
  @ApiBody({ type: QualityThresholdsDto })
  @ApiOperation({ summary: '修改自评质量提示阈值（管理员；逐项校验，记入审计日志，全部报告的提示按新阈值重新计算）' })
  @ApiOkResponse({ type: QualitySettingsDto })
  update(@Body() body: unknown, @CurrentUser() user: AuthUser): Promise<QualitySettingsDto> {
    return this.quality.update(body, user);
  }
}
