import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RequestWithId } from '../../common/request-id.js';
import { type AuthUser, CurrentUser } from '../auth/auth-user.js';
import { AnyRole, Roles } from '../auth/roles.decorator.js';
import { ReportDetailDto, ReportVersionDto } from './dto/report-detail.dto.js';
import { RowEditDto } from './dto/row-edit.dto.js';
import { EditReportDto, ListReportsQueryDto, ReportListDto, ResolveUnitDto } from './dto/report.dto.js';
import { ReportReviewService } from './report-review.service.js';
import { ReportsService } from './reports.service.js';

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly review: ReportReviewService,
  ) {}

  @AnyRole()
  @Get()
  @ApiOperation({ summary: '报告列表（审核队列）：按年度、地区子树、单位、状态、是否有警告筛选' })
  @ApiOkResponse({ type: ReportListDto })
  list(@Query() query: ListReportsQueryDto, @CurrentUser() user: AuthUser): Promise<ReportListDto> {
    return this.reports.search(query, user);
  }

  @AnyRole()
  @Get(':id')
  @ApiOperation({ summary: '报告详情：ReportDocument、警告、状态与版本、更正台账、带行号的原文' })
  @ApiOkResponse({ type: ReportDetailDto })
  detail(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<ReportDetailDto> {
    return this.reports.detail(id, user);
  }

  @AnyRole()
  @Get(':id/versions')
  @ApiOperation({ summary: '同一单位、年度、类型的全部版本（新→旧）' })
  @ApiOkResponse({ type: [ReportVersionDto] })
  versions(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<ReportVersionDto[]> {
    return this.reports.versions(id, user);
  }

  @Roles('submitter', 'analyst', 'admin')
  @Patch(':id')
  @ApiOperation({ summary: '更正字段（须填原因，逐项记入审计日志）；已确认版本的更正生成新的草稿版本' })
  @ApiOkResponse({ type: ReportDetailDto })
  edit(@Param('id') id: string, @Body() body: EditReportDto, @CurrentUser() user: AuthUser, @Req() req: RequestWithId): Promise<ReportDetailDto> {
    return this.review.edit(id, body, user, req.requestId);
  }

  @Roles('submitter', 'analyst', 'admin')
  @Patch(':id/rows')
  @ApiOperation({ summary: '新增、更正或删除一行绩效指标或评分明细（须填原因，记入更正台账）；警告重新检查；已确认版本的更正生成新的草稿版本' })
  @ApiOkResponse({ type: ReportDetailDto })
  editRow(@Param('id') id: string, @Body() body: RowEditDto, @CurrentUser() user: AuthUser, @Req() req: RequestWithId): Promise<ReportDetailDto> {
    return this.review.editRow(id, body, user, req.requestId);
  }

  @Roles('analyst', 'admin')
  @Post(':id/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: '确认：成为该单位该年度的当前版本，原确认版本在同一事务中被替代；重复确认无副作用' })
  @ApiOkResponse({ type: ReportDetailDto })
  confirm(@Param('id') id: string, @CurrentUser() user: AuthUser, @Req() req: RequestWithId): Promise<ReportDetailDto> {
    return this.review.confirm(id, user, req.requestId);
  }

  @Roles('analyst', 'admin')
  @Post(':id/resolve-unit')
  @HttpCode(200)
  @ApiOperation({ summary: '为未识别单位的报告指定已有单位或新建单位，可把报告中的名称存为别名' })
  @ApiOkResponse({ type: ReportDetailDto })
  resolveUnit(@Param('id') id: string, @Body() body: ResolveUnitDto, @CurrentUser() user: AuthUser, @Req() req: RequestWithId): Promise<ReportDetailDto> {
    return this.review.resolveUnit(id, body, user, req.requestId);
  }
}
