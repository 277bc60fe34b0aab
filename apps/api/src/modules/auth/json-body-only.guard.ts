import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AppError } from '../../common/app-error.js';

/**
 * Sign-in takes JSON only. A form post (application/x-www-form-urlencoded, multipart, text/plain)
 * is what another site can send without a CORS preflight — login CSRF, signing a victim in as
 * the attacker — so it is refused with 415 before the body is looked at.
 */
@Injectable()
export class JsonBodyOnlyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    if (req.is('application/json') !== 'application/json') {
      throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '登录请求须以 JSON 提交（Content-Type: application/json）');
    }
    return true;
  }
}
