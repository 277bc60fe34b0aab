import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Role } from '../users/app-user.entity.js';

/** The signed-in user as the guard put it on the request. */
export interface AuthUser {
  id: string;
  username: string;
  displayName: string | null;
  role: Role;
  /** The account is confined to this region's subtree (every submitter; other roles when an admin limits them); null = the whole province. */
  regionCode: string | null;
  /** After an admin's reset: only changing the password (and me / logout) is allowed until it is changed. */
  mustChangePassword: boolean;
  sessionId: string;
}

export interface AuthedRequest extends Request {
  user?: AuthUser;
}

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  const user = ctx.switchToHttp().getRequest<AuthedRequest>().user;
  if (!user) throw new Error('CurrentUser used on a route without a signed-in user');
  return user;
});
