import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type AuthUser, CurrentUser } from '../auth/auth-user.js';
import { AnyRole, Roles } from '../auth/roles.decorator.js';
import {
  AssignReviewerDto, DrawResultDto, DrawSpotCheckDto, ReopenSpotCheckDto, ReviewSpotCheckDto, SpotCheckFormatDto, SpotCheckGapsDto,
  SpotCheckSampleDto, SpotCheckSettingsDto,
} from './dto/spot-check.dto.js';
import { SpotCheckItemDetailDto, SpotCheckReviewerDto } from './dto/spot-check-item.dto.js';
import { SpotCheckItemService } from './spot-check-item.service.js';
import { SpotCheckDrawService } from './spot-check-draw.service.js';
import { SpotCheckReviewService } from './spot-check-review.service.js';
import { SpotCheckService, routeYear } from './spot-check.service.js';

@ApiTags('spot-checks')
@Controller()
export class SpotCheckController {
  constructor(
    private readonly spotChecks: SpotCheckService,
    private readonly draws: SpotCheckDrawService,
    private readonly reviews: SpotCheckReviewService,
    private readonly items: SpotCheckItemService,
  ) {}

  // Before GET spot-checks/:year, which would otherwise take "reviewers" for a year.
  @Roles('admin', 'analyst')
  @Get('spot-checks/reviewers')
  @ApiOperation({ summary: '可指派为复核人的账号（启用的分析员和管理员）' })
  @ApiOkResponse({ type: [SpotCheckReviewerDto] })
  reviewers(): Promise<SpotCheckReviewerDto[]> {
    return this.items.reviewers();
  }

  @AnyRole()
  @Get('spot-checks/items/:id')
  @ApiOperation({ summary: '一个抽中报告的复核页：逐行自评分与已录入的复核分、理由，总分与差距；填报人只能看本地区的' })
  @ApiOkResponse({ type: SpotCheckItemDetailDto })
  item(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<SpotCheckItemDetailDto> {
    return this.items.detail(id, user);
  }

  @Roles('admin', 'analyst')
  @Post('spot-checks/:year/draw')
  @HttpCode(200)
  @ApiOperation({ summary: '抽查抽样：从该年度已确认的部门整体报告中按地区 × 层级分层抽样（按数量或比例，随机种子，必抽单位），存为新版本（原样本作废），记入审计日志' })
  @ApiOkResponse({ type: DrawResultDto })
  async draw(@Param('year') year: string, @Body() body: DrawSpotCheckDto, @CurrentUser() user: AuthUser): Promise<DrawResultDto> {
    const r = await this.draws.draw({ fiscalYear: routeYear(year), size: body.size, seed: body.seed, mustIncludeUnitIds: body.mustIncludeUnitIds ?? [] }, user.id);
    return { sampleId: r.sampleId, version: r.version, target: r.target, sampled: r.reportIds.length };
  }

  @AnyRole()
  @Get('spot-checks/:year')
  @ApiOperation({ summary: '该年度当前的抽查样本：分层、抽中的单位、复核人、状态、自评与复核总分、差距与标记；填报人只看到本地区单位；加 format=csv 或 format=xlsx 下载' })
  @ApiOkResponse({ type: SpotCheckSampleDto })
  sample(@Param('year') year: string, @Query() q: SpotCheckFormatDto, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response): Promise<SpotCheckSampleDto | undefined> {
    return this.spotChecks.sample(routeYear(year), user, q.format, res);
  }

  @AnyRole()
  @Get('spot-checks/:year/gaps')
  @ApiOperation({ summary: '抽查差距：按地区的自评与复核总分差距分布，以及自评高于复核超过差距阈值的单位；加 format=csv 或 format=xlsx 下载按地区的分布' })
  @ApiOkResponse({ type: SpotCheckGapsDto })
  gaps(@Param('year') year: string, @Query() q: SpotCheckFormatDto, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response): Promise<SpotCheckGapsDto | undefined> {
    return this.spotChecks.gaps(routeYear(year), user, q.format, res);
  }

  @Roles('admin', 'analyst')
  @Put('spot-checks/items/:id/reviewer')
  @ApiOperation({ summary: '指派复核人（分析员或管理员账号；已提交的须先退回），记入审计日志' })
  @ApiOkResponse({ description: '已指派' })
  async assign(@Param('id') id: string, @Body() body: AssignReviewerDto, @CurrentUser() user: AuthUser): Promise<void> {
    await this.reviews.assign(id, body.reviewerId, user);
  }

  @Roles('admin', 'analyst')
  @Put('spot-checks/items/:id/review')
  @ApiOperation({ summary: '录入复核分（仅被指派的复核人）：逐行复核分与复核总分，与自评分不同处须填写理由，记入审计日志' })
  @ApiOkResponse({ description: '已保存' })
  async review(@Param('id') id: string, @Body() body: ReviewSpotCheckDto, @CurrentUser() user: AuthUser): Promise<void> {
    await this.reviews.record(id, body, user);
  }

  @Roles('admin', 'analyst')
  @Post('spot-checks/items/:id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: '提交复核（仅被指派的复核人）；提交后锁定，须由管理员退回才能修改' })
  @ApiOkResponse({ description: '已提交' })
  async submit(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<void> {
    await this.reviews.submit(id, user);
  }

  @Roles('admin')
  @Post('spot-checks/items/:id/reopen')
  @HttpCode(200)
  @ApiOperation({ summary: '退回已提交的复核（管理员，须填写理由）' })
  @ApiOkResponse({ description: '已退回' })
  async reopen(@Param('id') id: string, @Body() body: ReopenSpotCheckDto, @CurrentUser() user: AuthUser): Promise<void> {
    await this.reviews.reopen(id, body.reason, user);
  }

  @AnyRole()
  @Get('settings/spot-check')
  @ApiOperation({ summary: '抽查差距阈值（分）' })
  @ApiOkResponse({ type: SpotCheckSettingsDto })
  settings(): Promise<SpotCheckSettingsDto> {
    return this.spotChecks.settingsNow();
  }

  @Roles('admin')
  @Put('settings/spot-check')
  @ApiOperation({ summary: '修改抽查差距阈值（管理员；0–100，记入审计日志）' })
  @ApiOkResponse({ type: SpotCheckSettingsDto })
  update(@Body() body: SpotCheckSettingsDto, @CurrentUser() user: AuthUser): Promise<SpotCheckSettingsDto> {
    return this.spotChecks.updateSettings(body, user);
  }
}
