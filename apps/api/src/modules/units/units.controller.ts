import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '../auth/auth-user.js';
import { AnyRole, Roles } from '../auth/roles.decorator.js';
import { CreateUnitDto, ListUnitsQueryDto, UnitDto } from './dto/unit.dto.js';
import { UnitsService } from './units.service.js';

@ApiTags('units')
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @AnyRole()
  @Get()
  @ApiOperation({ summary: '预算单位列表（含别名），可按地区子树和名称筛选' })
  @ApiOkResponse({ type: [UnitDto] })
  list(@Query() query: ListUnitsQueryDto, @CurrentUser() user: AuthUser): Promise<UnitDto[]> {
    return this.units.list(query, user);
  }

  @Roles('admin', 'analyst')
  @Post()
  @ApiOperation({ summary: '新建预算单位（分析员、管理员）' })
  @ApiCreatedResponse({ type: UnitDto })
  create(@Body() body: CreateUnitDto, @CurrentUser() user: AuthUser): Promise<UnitDto> {
    return this.units.create(body, user);
  }
}
