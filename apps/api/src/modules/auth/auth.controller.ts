import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiUnsupportedMediaTypeResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { RequestWithId } from '../../common/request-id.js';
import { type AuthUser, CurrentUser } from './auth-user.js';
import { AuthService, type RequestOrigin } from './auth.service.js';
import { ChangePasswordDto, LoginDto, LoginResponseDto, MeDto, SessionUserDto } from './dto/login.dto.js';
import { JsonBodyOnlyGuard } from './json-body-only.guard.js';
import { AllowPendingPasswordChange, AnyRole, Public } from './roles.decorator.js';
import { clearSessionCookies, SESSION_COOKIE, setSessionCookies } from './session-cookies.js';
import { csrfTokenFor } from './session-token.js';

const toSessionUser = ({ id, username, displayName, role, regionCode, mustChangePassword }: AuthUser): SessionUserDto =>
  ({ id, username, displayName, role, regionCode, mustChangePassword });

const originOf = (req: Request): RequestOrigin =>
  ({ address: req.ip ?? 'unknown', userAgent: req.header('user-agent') ?? null, requestId: (req as RequestWithId).requestId ?? null });

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @UseGuards(JsonBodyOnlyGuard)
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: '登录（仅接受 JSON 请求体）：成功后设置 httpOnly 会话 Cookie（hp_session）和 CSRF Cookie；成功与失败均记入审计日志' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnsupportedMediaTypeResponse({ description: '请求体不是 JSON（表单提交会被拒绝，防止登录 CSRF）' })
  async login(@Body() body: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<LoginResponseDto> {
    const session = await this.auth.login(body.username, body.password, originOf(req)).catch((error: unknown) => {
      const retry = (error as { retryAfterSeconds?: number }).retryAfterSeconds;
      if (retry) res.setHeader('Retry-After', String(retry));
      throw error;
    });
    setSessionCookies(res, session.token, session.csrfToken, session.expiresAt, this.config.secureCookies);
    return { user: toSessionUser(session.user), csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
  }

  @AnyRole()
  @AllowPendingPasswordChange()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: '退出登录：吊销当前会话（记入审计日志）' })
  async logout(@CurrentUser() user: AuthUser, @Req() req: RequestWithId, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(user, req.requestId);
    clearSessionCookies(res);
  }

  @AnyRole()
  @AllowPendingPasswordChange()
  @Post('password')
  @HttpCode(204)
  @ApiOperation({ summary: '修改自己的密码（需当前密码或管理员给的一次性密码；其他会话随之失效）' })
  async changePassword(@Body() body: ChangePasswordDto, @CurrentUser() user: AuthUser, @Req() req: RequestWithId): Promise<void> {
    await this.auth.changePassword(user, body.currentPassword, body.newPassword, req.requestId);
  }

  @AnyRole()
  @AllowPendingPasswordChange()
  @Get('me')
  @ApiOperation({ summary: '当前登录用户及其 CSRF 令牌' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentUser() user: AuthUser, @Req() req: Request): MeDto {
    const token = (req.cookies as Record<string, string>)[SESSION_COOKIE] ?? '';
    return { user: toSessionUser(user), csrfToken: csrfTokenFor(token) };
  }
}
