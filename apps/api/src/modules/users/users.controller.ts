import { Body, Controller, Delete, Get, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RequestWithId } from '../../common/request-id.js';
import { type AuthUser, CurrentUser } from '../auth/auth-user.js';
import { Roles } from '../auth/roles.decorator.js';
import {
  CreateUserDto, mapSession, mapUser, ResetPasswordResponseDto, RevokedSessionsDto, UpdateUserDto, UserDto, UserSessionDto,
} from './dto/user.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@Controller('users')
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: '账号列表（管理员）：含停用、锁定、须改密状态与有效会话数' })
  @ApiOkResponse({ type: [UserDto] })
  async list(): Promise<UserDto[]> {
    const users = await this.users.list();
    const extras = await this.users.extras(users);
    return users.map((u) => mapUser(u, extras.get(u.id)));
  }

  @Post()
  @ApiOperation({ summary: '创建账号（管理员）；提交人须指定所属地区，分析员、查看者可限定地区' })
  @ApiCreatedResponse({ type: UserDto })
  async create(@Body() body: CreateUserDto, @CurrentUser() actor: AuthUser, @Req() req: RequestWithId): Promise<UserDto> {
    return this.withExtras(await this.users.create(body, actor, req.requestId));
  }

  @Patch(':id')
  @ApiOperation({ summary: '修改账号的角色、限定地区或姓名（管理员；记入审计日志）' })
  @ApiOkResponse({ type: UserDto })
  async update(@Param('id') id: string, @Body() body: UpdateUserDto, @CurrentUser() user: AuthUser, @Req() req: RequestWithId): Promise<UserDto> {
    return this.withExtras(await this.users.update(id, body, { user, requestId: req.requestId }));
  }

  @Post(':id/disable')
  @ApiOperation({ summary: '停用账号：立即吊销其全部会话（管理员）' })
  @ApiCreatedResponse({ type: UserDto })
  async disable(@Param('id') id: string, @CurrentUser() user: AuthUser, @Req() req: RequestWithId): Promise<UserDto> {
    return this.withExtras(await this.users.setDisabled(id, true, { user, requestId: req.requestId }));
  }

  @Post(':id/enable')
  @ApiOperation({ summary: '启用账号（管理员）' })
  @ApiCreatedResponse({ type: UserDto })
  async enable(@Param('id') id: string, @CurrentUser() user: AuthUser, @Req() req: RequestWithId): Promise<UserDto> {
    return this.withExtras(await this.users.setDisabled(id, false, { user, requestId: req.requestId }));
  }

  @Post(':id/reset-password')
  @ApiOperation({ summary: '重置密码为一次性密码（只返回这一次）；用户下次登录须先修改密码，现有会话全部吊销（管理员）' })
  @ApiCreatedResponse({ type: ResetPasswordResponseDto })
  async resetPassword(@Param('id') id: string, @CurrentUser() user: AuthUser, @Req() req: RequestWithId): Promise<ResetPasswordResponseDto> {
    return { temporaryPassword: await this.users.resetPassword(id, { user, requestId: req.requestId }) };
  }

  @Post(':id/unlock')
  @ApiOperation({ summary: '解除因登录失败过多造成的账号锁定（管理员）' })
  @ApiCreatedResponse({ type: UserDto })
  async unlock(@Param('id') id: string, @CurrentUser() user: AuthUser, @Req() req: RequestWithId): Promise<UserDto> {
    return this.withExtras(await this.users.unlock(id, { user, requestId: req.requestId }));
  }

  @Get(':id/sessions')
  @ApiOperation({ summary: '账号的有效会话（管理员）' })
  @ApiOkResponse({ type: [UserSessionDto] })
  async sessions(@Param('id') id: string): Promise<UserSessionDto[]> {
    return (await this.users.sessionsOf(id)).map(mapSession);
  }

  @Delete(':id/sessions')
  @ApiOperation({ summary: '吊销账号的全部会话（管理员）' })
  @ApiOkResponse({ type: RevokedSessionsDto })
  async revokeAll(@Param('id') id: string, @CurrentUser() user: AuthUser, @Req() req: RequestWithId): Promise<RevokedSessionsDto> {
    return { revoked: await this.users.revokeSessions(id, null, { user, requestId: req.requestId }) };
  }

  @Delete(':id/sessions/:sessionId')
  @ApiOperation({ summary: '吊销账号的某个会话（管理员）' })
  @ApiOkResponse({ type: RevokedSessionsDto })
  async revokeOne(@Param('id') id: string, @Param('sessionId') sessionId: string, @CurrentUser() user: AuthUser, @Req() req: RequestWithId): Promise<RevokedSessionsDto> {
    return { revoked: await this.users.revokeSessions(id, sessionId, { user, requestId: req.requestId }) };
  }

  private async withExtras(user: Awaited<ReturnType<UsersService['get']>>): Promise<UserDto> {
    return mapUser(user, await this.users.extrasOf(user));
  }
}
