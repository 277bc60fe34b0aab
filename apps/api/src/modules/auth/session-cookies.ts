import type { CookieOptions, Response } from 'express';

export const SESSION_COOKIE = 'hp_session';
export const CSRF_COOKIE = 'hp_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** httpOnly session cookie + a readable CSRF cookie the web app echoes in X-CSRF-Token (double submit). */
export function setSessionCookies(res: Response, token: string, csrf: string, expiresAt: Date, secure: boolean): void {
  const base: CookieOptions = { sameSite: 'strict', secure, expires: expiresAt, path: '/' };
  res.cookie(SESSION_COOKIE, token, { ...base, httpOnly: true });
  res.cookie(CSRF_COOKIE, csrf, { ...base, httpOnly: false });
}

export function clearSessionCookies(res: Response): void {
  res.clearCookie(SESSION_COOKIE, { path: '/' });
  res.clearCookie(CSRF_COOKIE, { path: '/' });
}
