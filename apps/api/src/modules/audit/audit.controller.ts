import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth/roles.decorator.js';
import { AuditTrailService } from './audit-trail.service.js';
import { AuditActionDto, AuditExportQueryDto, AuditPageDto, AuditQueryDto } from './dto/audit.dto.js';

@ApiTags('audit')
@Controller('audit-events')
@Roles('admin')
export class AuditController {
  constructor(private readonly trail: AuditTrailService) {}

  @Get()
  @ApiOperation({ summary: '审计日志（管理员）：按时间范围（北京时间）、操作人、操作、对象筛选，分页，最新在前' })
  @ApiOkResponse({ type: AuditPageDto })
  list(@Query() q: AuditQueryDto): Promise<AuditPageDto> {
    return this.trail.page(q);
  }

  @Get('actions')
  @ApiOperation({ summary: '审计日志中出现过的操作及其中文名（管理员）' })
  @ApiOkResponse({ type: [AuditActionDto] })
  actions(): Promise<AuditActionDto[]> {
    return this.trail.actions();
  }

  @Get('export')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: '导出审计日志（管理员）：format=csv 或 xlsx，筛选同列表，不限行数' })
  export(@Query() q: AuditExportQueryDto, @Res() res: Response): Promise<void> {
    return this.trail.export(q, res);
  }
}
