import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { badRequest } from '../../common/app-error.js';
import { AnalyticsScopeService } from '../analytics/analytics-scope.js';
import { AnalyticsQueryDto } from '../analytics/dto/analytics-query.dto.js';
import { type AuthUser, CurrentUser } from '../auth/auth-user.js';
import { AnyRole } from '../auth/roles.decorator.js';
import { ExportsService } from './exports.service.js';
import { RAW_TABLES, type RawTable } from './raw-tables.js';

@ApiTags('exports')
@Controller('exports')
export class ExportsController {
  constructor(
    private readonly exports: ExportsService,
    private readonly scopes: AnalyticsScopeService,
  ) {}

  @AnyRole()
  @Get(':file')
  @ApiParam({ name: 'file', enum: RAW_TABLES.flatMap((t) => [`${t}.csv`, `${t}.xlsx`]) })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/zip')
  @ApiOperation({ summary: '原始数据导出（当前确认版本，流式输出不限行数）：reports / budget / indicators / warnings 的 .csv 或 .xlsx；筛选同分析接口' })
  async download(@Param('file') file: string, @Query() q: AnalyticsQueryDto, @CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    const match = /^(reports|budget|indicators|warnings)\.(csv|xlsx)$/.exec(file);
    if (!match) throw badRequest('UNKNOWN_EXPORT', `没有名为 ${file.slice(0, 60)} 的导出；可选 ${RAW_TABLES.map((t) => `${t}.csv/.xlsx`).join('、')}`);
    const scope = await this.scopes.resolve(q, user);
    const years = q.years?.length ? q.years : q.year ? [q.year] : null;
    const format = match[2] === 'csv' ? (q.manifest ? 'csv+manifest' : 'csv') : 'xlsx';
    const filters: Record<string, string> = { 年度: years?.join('、') ?? '全部', 报告类型: q.kind === 'project' ? '项目支出' : '部门整体支出' };
    if (q.regionCode) filters['地区代码'] = q.regionCode;
    await this.exports.stream(match[1] as RawTable, scope, years, format, res, filters);
  }
}
