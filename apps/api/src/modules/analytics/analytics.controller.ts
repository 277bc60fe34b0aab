import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type AuthUser, CurrentUser } from '../auth/auth-user.js';
import { AnyRole } from '../auth/roles.decorator.js';
import { AnalyticsService } from './analytics.service.js';
import { AnalyticsQueryDto } from './dto/analytics-query.dto.js';
import { AnalyticsYearsDto, CompareDto, RankingsDto, TrendsDto } from './dto/analytics-responses.dto.js';
import { OverviewDto } from './dto/overview.dto.js';
import { IndicatorsDto } from './dto/indicators.dto.js';
import { ProblemsDto } from './dto/recheck-problems.dto.js';
import { UnitMetricRowDto } from './dto/unit-metric-row.dto.js';
import { RecheckDto } from './dto/recheck.dto.js';
import { QualitySummaryDto, ResultsApplicationDto } from './dto/quality-results.dto.js';

const EXPORTABLE = '；加 format=csv 或 format=xlsx 下载与 JSON 同一组行的表格（CSV 为 UTF-8 带 BOM，XLSX 附中文“说明”页，manifest=1 附带说明文件）';

@ApiTags('analytics')
// The unit row every table shares is a schema of its own for the web's types, whichever answers extend it.
@ApiExtraModels(UnitMetricRowDto)
@Controller('analytics')
export class AnalyticsController {
  constructor(private readonly analytics: AnalyticsService) {}

  @AnyRole()
  @Get('years')
  @ApiOperation({ summary: '年度：范围内（地区、层级、单位、是否含合成数据）有已确认报告的年度，新的在前；各页的年度选择用它，不必取总览' })
  @ApiOkResponse({ type: AnalyticsYearsDto })
  years(@Query() q: AnalyticsQueryDto, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response) {
    return this.analytics.years(q, user, res);
  }

  @AnyRole()
  @Get('overview')
  @ApiOperation({ summary: `总览：数量；得分、执行率、调整率、三公控制率的平均值与中位数（默认不含异常值，includeImplausible=true 时包含）及异常值清单；等级分布（未写等级的按得分推定）；前后五名、散点${EXPORTABLE}` })
  @ApiOkResponse({ type: OverviewDto })
  overview(@Query() q: AnalyticsQueryDto, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response) {
    return this.analytics.respond('overview', q, user, res);
  }

  @AnyRole()
  @Get('compare')
  @ApiOperation({ summary: `单位对比：每个单位一行（不选年度时为各单位最新年度），含所选指标、同级排名及其分母、按统一一级类别的得分率${EXPORTABLE}` })
  @ApiOkResponse({ type: CompareDto })
  compare(@Query() q: AnalyticsQueryDto, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response) {
    return this.analytics.respond('compare', q, user, res);
  }

  @AnyRole()
  @Get('trends')
  @ApiOperation({ summary: `趋势：所选单位和地区（地区为其全部单位的均值）的指标逐年变化，年度连续、缺年为空，含同比变化${EXPORTABLE}` })
  @ApiOkResponse({ type: TrendsDto })
  trends(@Query() q: AnalyticsQueryDto, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response) {
    return this.analytics.respond('trends', q, user, res);
  }

  @AnyRole()
  @Get('indicators')
  @ApiOperation({ summary: `指标完成：按单位、按一级/二级类别的完成率与指标明细${EXPORTABLE}` })
  @ApiOkResponse({ type: IndicatorsDto })
  indicators(@Query() q: AnalyticsQueryDto, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response) {
    return this.analytics.respond('indicators', q, user, res);
  }

  @AnyRole()
  @Get('rankings')
  @ApiOperation({ summary: `排名：按所选指标排序（调整率、三公控制率越低越好）${EXPORTABLE}` })
  @ApiOkResponse({ type: RankingsDto })
  rankings(@Query() q: AnalyticsQueryDto, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response) {
    return this.analytics.respond('rankings', q, user, res);
  }

  @AnyRole()
  @Get('recheck')
  @ApiOperation({ summary: `自评复核：按规则由金额重算客观得分，标出自评偏高、红黄预警、超预算执行（执行数高于对照预算数）与超出合理范围的异常比率${EXPORTABLE}` })
  @ApiOkResponse({ type: RecheckDto })
  recheck(@Query() q: AnalyticsQueryDto, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response) {
    return this.analytics.respond('recheck', q, user, res);
  }

  @AnyRole()
  @Get('problems')
  @ApiOperation({ summary: `问题分析：各单位“存在的问题”分词（去停用词）后归入常见主题，按涉及单位数计${EXPORTABLE}` })
  @ApiOkResponse({ type: ProblemsDto })
  problems(@Query() q: AnalyticsQueryDto, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response) {
    return this.analytics.respond('problems', q, user, res);
  }

  @AnyRole()
  @Get('quality-flags')
  @ApiOperation({ summary: `自评质量提示汇总：按地区统计出现每项提示（指标全部满分、高分低执行、目标值偏低、成本指标写成“不低于”、存在的问题空泛、权重合计不符）的报告数与占比${EXPORTABLE}` })
  @ApiOkResponse({ type: QualitySummaryDto })
  qualityFlags(@Query() q: AnalyticsQueryDto, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response) {
    return this.analytics.respond('quality', q, user, res);
  }

  @AnyRole()
  @Get('results-application')
  @ApiOperation({ summary: `结果应用：各单位该年度的等级、得分与次年年初预算数的变动（万元、%），按等级统计预算增加、减少、持平的单位占比${EXPORTABLE}` })
  @ApiOkResponse({ type: ResultsApplicationDto })
  resultsApplication(@Query() q: AnalyticsQueryDto, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response) {
    return this.analytics.respond('results', q, user, res);
  }
}
