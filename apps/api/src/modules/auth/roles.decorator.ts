import { SetMetadata } from '@nestjs/common';
import { ROLES, type Role } from '../users/app-user.entity.js';

export const ROLES_KEY = 'hp:roles';
export const PUBLIC_KEY = 'hp:public';

/** Every route declares who may call it; the guard refuses routes that declare nothing. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Readable by every signed-in role. */
export const AnyRole = () => Roles(...ROLES);

/** No sign-in needed (health, login). Keep this list short. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const PENDING_PASSWORD_KEY = 'hp:pending-password';

/**
 * Reachable while the account must still change a one-time password (me, 修改密码, logout);
 * every other route answers 403 PASSWORD_CHANGE_REQUIRED until it is changed.
 */
export const AllowPendingPasswordChange = () => SetMetadata(PENDING_PASSWORD_KEY, true);
