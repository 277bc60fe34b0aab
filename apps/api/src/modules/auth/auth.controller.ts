import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { RequestWithId } from '../../common/request-id.js';
import { AuditService } from '../audit/audit.service.js';
import { type AuthUser, CurrentUser } from './auth-user.js';
import { AuthService } from './auth.service.js';
import { ChangePasswordDto, LoginDto, LoginResponseDto, MeDto, SessionUserDto } from './dto/login.dto.js';
import { AnyRole, Public } from './roles.decorator.js';
import { clearSessionCookies, SESSION_COOKIE, setSessionCookies } from './session-cookies.js';
import { csrfTokenFor } from './session-token.js';

const toSessionUser = ({ id, username, displayName, role, regionCode }: AuthUser): SessionUserDto =>
  ({ id, username, displayName, role, regionCode });

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: '登录：成功后设置 httpOnly 会话 Cookie（hp_session）和 CSRF Cookie' })
  @ApiOkResponse({ type: LoginResponseDto })
  async login(@Body() body: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<LoginResponseDto> {
    const session = await this.auth.login(body.username, body.password, req.ip ?? 'unknown').catch((error: unknown) => {
      const retry = (error as { retryAfterSeconds?: number }).retryAfterSeconds;
      if (retry) res.setHeader('Retry-After', String(retry));
      throw error;
    });
    setSessionCookies(res, session.token, session.csrfToken, session.expiresAt, this.config.secureCookies);
    return { user: toSessionUser(session.user), csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
  }

  @AnyRole()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: '退出登录：吊销当前会话' })
  async logout(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(user);
    clearSessionCookies(res);
  }

  @AnyRole()
  @Post('password')
  @HttpCode(204)
  @ApiOperation({ summary: '修改自己的密码（需当前密码；其他会话随之失效）' })
  async changePassword(@Body() body: ChangePasswordDto, @CurrentUser() user: AuthUser, @Req() req: RequestWithId): Promise<void> {
    await this.auth.changePassword(user, body.currentPassword, body.newPassword);
    await this.audit.record({ actorId: user.id, action: 'user.change_password', entityType: 'app_user', entityId: user.id, requestId: req.requestId });
  }

  @AnyRole()
  @Get('me')
  @ApiOperation({ summary: '当前登录用户及其 CSRF 令牌' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentUser() user: AuthUser, @Req() req: Request): MeDto {
    const token = (req.cookies as Record<string, string>)[SESSION_COOKIE] ?? '';
    return { user: toSessionUser(user), csrfToken: csrfTokenFor(token) };
  }
}
