import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { rolesFor } from '@hunan-perf/contracts';
import type { RequestWithId } from '../../common/request-id.js';
import { type AuthUser, CurrentUser } from '../auth/auth-user.js';
import { AnyRole, Roles } from '../auth/roles.decorator.js';
import { ReportDetailDto, ReportVersionDto } from './dto/report-detail.dto.js';
import { ReturnReportDto, SubmitReportDto, WithdrawReportDto } from './dto/report-transition.dto.js';
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
  @ApiOperation({ summary: '报告列表（审核队列）：按年度、地区子树、单位、状态、待谁处理、是否有警告筛选' })
  @ApiOkResponse({ type: ReportListDto })
  list(@Query() query: ListReportsQueryDto, @CurrentUser() user: AuthUser): Promise<ReportListDto> {
    return this.reports.search(query, user);
  }

  @AnyRole()
  @Get(':id')
  @ApiOperation({ summary: '报告详情：ReportDocument、警告、状态与版本、待谁处理、审核记录、更正台账、带行号的原文' })
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
  @ApiOperation({ summary: '更正字段（须填原因，逐项记入审计日志）；已确认版本的更正生成新的草稿版本；提交单位只能更正本地区的草稿和已退回的报告' })
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

  @Roles(...rolesFor('submit'))
  @Post(':id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: '提交审核（草稿）或修改后重新提交（已退回）：交由审核人员处理' })
  @ApiOkResponse({ type: ReportDetailDto })
  submit(@Param('id') id: string, @Body() body: SubmitReportDto, @CurrentUser() user: AuthUser, @Req() req: RequestWithId): Promise<ReportDetailDto> {
    return this.review.submit(id, body, user, req.requestId);
  }

  @Roles(...rolesFor('return'))
  @Post(':id/return')
  @HttpCode(200)
  @ApiOperation({ summary: '退回修改（须填意见）：待审核的报告交回提交单位修改后重新提交' })
  @ApiOkResponse({ type: ReportDetailDto })
  return(@Param('id') id: string, @Body() body: ReturnReportDto, @CurrentUser() user: AuthUser, @Req() req: RequestWithId): Promise<ReportDetailDto> {
    return this.review.return(id, body, user, req.requestId);
  }

  @Roles(...rolesFor('withdraw'))
  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: '撤回尚未确认的报告（如传错了文件，可填原因）：保留原文件与记录，不再参与审核和统计' })
  @ApiOkResponse({ type: ReportDetailDto })
  withdraw(@Param('id') id: string, @Body() body: WithdrawReportDto, @CurrentUser() user: AuthUser, @Req() req: RequestWithId): Promise<ReportDetailDto> {
    return this.review.withdraw(id, body, user, req.requestId);
  }

  @Roles(...rolesFor('confirm'))
  @Post(':id/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: '确认草稿或待审核的报告：成为该单位该年度的当前版本，原确认版本在同一事务中被替代；重复确认无副作用；已退回的须先重新提交' })
  @ApiOkResponse({ type: ReportDetailDto })
  confirm(@Param('id') id: string, @CurrentUser() user: AuthUser, @Req() req: RequestWithId): Promise<ReportDetailDto> {
    return this.review.confirm(id, user, req.requestId);
  }

  @Roles(...rolesFor('resolve_unit'))
  @Post(':id/resolve-unit')
  @HttpCode(200)
  @ApiOperation({ summary: '为未识别单位的报告指定已有单位或新建单位，可把报告中的名称存为别名' })
  @ApiOkResponse({ type: ReportDetailDto })
  resolveUnit(@Param('id') id: string, @Body() body: ResolveUnitDto, @CurrentUser() user: AuthUser, @Req() req: RequestWithId): Promise<ReportDetailDto> {
    return this.review.resolveUnit(id, body, user, req.requestId);
  }
}
