import type { NextFunction, Request, Response } from 'express';
import type { RequestWithId } from '../../common/request-id.js';
import type { AuthService } from './auth.service.js';
import { SESSION_COOKIE } from './session-cookies.js';

/**
 * /api/docs (the Swagger UI and its openapi.json) only for a signed-in account: the README says
 * only health and sign-in are public, and the route map is reconnaissance for an outsider. Any
 * role may read it; without a live session the answer is 401 in the one error shape.
 */
export function docsRequireSignIn(auth: AuthService) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const token = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    const refuse = () => {
      res.status(401).json({
        statusCode: 401, error: 'UNAUTHENTICATED', message: '接口文档仅对已登录用户开放，请先登录', requestId: (req as RequestWithId).requestId,
      });
    };
    if (!token) return refuse();
    auth.authenticate(token).then((user) => (user ? next() : refuse()), next);
  };
}
