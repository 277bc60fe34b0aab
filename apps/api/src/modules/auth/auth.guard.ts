import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError } from '../../common/app-error.js';
import type { Role } from '../users/app-user.entity.js';
import type { AuthedRequest } from './auth-user.js';
import { AuthService } from './auth.service.js';
import { PENDING_PASSWORD_KEY, PUBLIC_KEY, ROLES_KEY } from './roles.decorator.js';
import { CSRF_HEADER, SESSION_COOKIE } from './session-cookies.js';
import { csrfTokenFor, safeEqual } from './session-token.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The global guard: public routes pass; every other route needs a live session, a role the
 * route declares, and (for writes) the session's CSRF token in X-CSRF-Token. An account whose
 * password was reset by an admin reaches only the routes marked AllowPendingPasswordChange.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const token = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    const user = token ? await this.auth.authenticate(token) : null;
    if (!token || !user) throw new AppError(401, 'UNAUTHENTICATED', '请先登录（会话不存在或已过期）');

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles) throw new AppError(403, 'ROUTE_WITHOUT_ROLES', '该接口未声明访问角色，已拒绝访问');
    if (!roles.includes(user.role)) throw new AppError(403, 'FORBIDDEN', '当前账号的角色无权执行此操作');
    if (user.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(PENDING_PASSWORD_KEY, targets)) {
      throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED', '管理员已重置您的密码：请先修改密码，然后才能继续使用');
    }

    if (!SAFE_METHODS.has(req.method)) {
      const sent = req.header(CSRF_HEADER) ?? '';
      if (!safeEqual(sent, csrfTokenFor(token))) {
        throw new AppError(403, 'CSRF_TOKEN_INVALID', '缺少或错误的 CSRF 令牌（请求头 X-CSRF-Token），请刷新页面后重试');
      }
    }
    req.user = user;
    return true;
  }
}
