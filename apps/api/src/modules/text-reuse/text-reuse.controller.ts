import { Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type AuthUser, CurrentUser } from '../auth/auth-user.js';
import { AnyRole, Roles } from '../auth/roles.decorator.js';
import { ReusePairDetailDto, TextReuseListDto, TextReuseQueryDto, TextReuseSettingsDto } from './dto/text-reuse.dto.js';
import { TextReuseService } from './text-reuse.service.js';

@ApiTags('text-reuse')
@Controller()
export class TextReuseController {
  constructor(private readonly textReuse: TextReuseService) {}

  @Roles('admin', 'analyst', 'viewer')
  @Get('text-reuse')
  @ApiOperation({ summary: '文字雷同：所选范围内报告的“存在的问题”“改进措施”“绩效目标”段落与其他单位（任一年度）或本单位上年报告同一部分的段落相似度不低于阈值的段落对，按相似度从高到低分页；加 format=csv 或 format=xlsx 下载全部段落对（CSV 为 UTF-8 带 BOM，XLSX 附中文“说明”页）' })
  @ApiOkResponse({ type: TextReuseListDto })
  list(@Query() q: TextReuseQueryDto, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response): Promise<TextReuseListDto | undefined> {
    return this.textReuse.list(q, user, res);
  }

  @Roles('admin', 'analyst', 'viewer')
  @Get('text-reuse/pairs/:a/:b')
  @ApiOperation({ summary: '两段文字并排：各自的单位、年度、原文行号，相似度，以及两段中相同的文字位置' })
  @ApiOkResponse({ type: ReusePairDetailDto })
  pair(@Param('a') a: string, @Param('b') b: string, @CurrentUser() user: AuthUser): Promise<ReusePairDetailDto> {
    return this.textReuse.pair(a, b, user);
  }

  @AnyRole()
  @Get('settings/text-reuse')
  @ApiOperation({ summary: '文字雷同与整改“重复出现”所用的相似度阈值（%）' })
  @ApiOkResponse({ type: TextReuseSettingsDto })
  settings(): Promise<TextReuseSettingsDto> {
    return this.textReuse.settingsNow();
  }

  @Roles('admin')
  @Put('settings/text-reuse')
  @ApiOperation({ summary: '修改相似度阈值（管理员；30–100 的整数，记入审计日志）' })
  @ApiOkResponse({ type: TextReuseSettingsDto })
  update(@Body() body: TextReuseSettingsDto, @CurrentUser() user: AuthUser): Promise<TextReuseSettingsDto> {
    return this.textReuse.updateSettings(body, user);
  }
}
