import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '../auth/auth-user.js';
import { AnyRole } from '../auth/roles.decorator.js';
import { RegionNodeDto } from './dto/region.dto.js';
import { RegionsService } from './regions.service.js';

@ApiTags('regions')
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @AnyRole()
  @Get()
  @ApiOperation({ summary: '行政区划树：省 → 市州 → 县市区（提交人只看到本地区）' })
  @ApiOkResponse({ type: [RegionNodeDto] })
  tree(@CurrentUser() user: AuthUser): Promise<RegionNodeDto[]> {
    return this.regions.tree(user);
  }
}
