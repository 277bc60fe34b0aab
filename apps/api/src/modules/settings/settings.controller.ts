import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '../auth/auth-user.js';
import { Roles } from '../auth/roles.decorator.js';
import { IngestSettingsDto } from './dto/ingest-settings.dto.js';
import { SettingsService } from './settings.service.js';

@ApiTags('settings')
@Controller('settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Roles('admin', 'analyst')
  @Get('ingest')
  @ApiOperation({ summary: '导入设置' })
  @ApiOkResponse({ type: IngestSettingsDto })
  ingest(): Promise<IngestSettingsDto> {
    return this.settings.ingest();
  }

  @Roles('admin')
  @Put('ingest')
  @ApiOperation({ summary: '修改导入设置（管理员）' })
  @ApiOkResponse({ type: IngestSettingsDto })
  update(@Body() body: IngestSettingsDto, @CurrentUser() user: AuthUser): Promise<IngestSettingsDto> {
    return this.settings.updateIngest(body, user);
  }
}
