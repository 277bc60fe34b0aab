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
