import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req, Res, StreamableFile, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { RequestWithId } from '../../common/request-id.js';
import { type AuthUser, CurrentUser } from '../auth/auth-user.js';
import { AnyRole, Roles } from '../auth/roles.decorator.js';
import type { RequestWithUploads } from '../documents/disk-upload.interceptor.js';
import {
  RectificationExportQueryDto, RectificationFiltersDto, RectificationItemDto, RectificationListDto, RectificationListQueryDto, RectificationSummaryDto,
  UpdateRectificationDto,
} from './dto/rectification.dto.js';
import { EvidenceUploadInterceptor } from './evidence-upload.interceptor.js';
import { RectificationService } from './rectification.service.js';

@ApiTags('rectification')
@Controller('rectification')
export class RectificationController {
  constructor(private readonly rectification: RectificationService) {}

  @AnyRole()
  @Get()
  @ApiOperation({ summary: '整改事项：已确认报告“存在的问题”逐条形成的整改事项，含承诺的改进措施、整改期限、状态、证明材料、次年报告中是否重复出现；逾期的在前，再按确认时间从早到晚分页；填报人只看到本地区单位的' })
  @ApiOkResponse({ type: RectificationListDto })
  list(@Query() q: RectificationListQueryDto, @CurrentUser() user: AuthUser): Promise<RectificationListDto> {
    return this.rectification.list(q, user);
  }

  @AnyRole()
  @Get('summary')
  @ApiOperation({ summary: '整改事项按地区汇总：各状态条数、未完成、逾期、重复出现，以及未完成事项按已过天数（0–90、91–180、181–365、365 天以上）的分布' })
  @ApiOkResponse({ type: RectificationSummaryDto })
  summary(@Query() q: RectificationFiltersDto, @CurrentUser() user: AuthUser): Promise<RectificationSummaryDto> {
    return this.rectification.summary(q, user);
  }

  @AnyRole()
  @Get('export')
  @ApiOperation({ summary: '下载整改事项（不分页，筛选条件同列表）：CSV 为 UTF-8 带 BOM，XLSX 附中文“说明”页' })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: '文件' })
  async export(@Query() q: RectificationExportQueryDto, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.rectification.export(q, user, res);
  }

  @Roles('admin', 'analyst', 'submitter')
  @Patch(':id')
  @ApiOperation({ summary: '更新整改进展：状态（待整改/整改中/已整改）、整改说明、整改期限；填报人只能更新本地区单位的事项；记入审计日志' })
  @ApiOkResponse({ type: RectificationItemDto })
  update(@Param('id') id: string, @Body() body: UpdateRectificationDto, @CurrentUser() user: AuthUser, @Req() req: RequestWithId): Promise<RectificationItemDto> {
    return this.rectification.update(id, body, user, req.requestId);
  }

  @Roles('admin', 'analyst', 'submitter')
  @Post(':id/evidence')
  @HttpCode(200)
  @UseInterceptors(EvidenceUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: '上传整改证明材料（字段名 file，一个文件，20 MB 以内，不能为空；替换原有的），原字节保存在数据库中，记入审计日志' })
  @ApiOkResponse({ type: RectificationItemDto })
  evidence(@Param('id') id: string, @CurrentUser() user: AuthUser, @Req() req: RequestWithId & RequestWithUploads): Promise<RectificationItemDto> {
    return this.rectification.attachEvidence(id, req.uploads ?? [], user, req.requestId);
  }

  @AnyRole()
  @Get(':id/evidence')
  @ApiOperation({ summary: '下载整改证明材料（按原字节、原文件名）' })
  @ApiOkResponse({ description: '文件' })
  async download(@Param('id') id: string, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const file = await this.rectification.evidence(id, user);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(file.bytes);
  }
}
