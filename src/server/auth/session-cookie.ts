/**
 * The session cookie: an opaque random token (32 bytes, base64url) that names a row and carries
 * no credential, sealed or not. The store keys the row by the token's SHA-256, so its contents
 * (or a backup of them) cannot be turned back into a cookie.
 */
import crypto from 'node:crypto';
import type { Context } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { parse } from 'hono/utils/cookie';

export const SESSION_COOKIE = 'triage_session';
export const OAUTH_STATE_COOKIE = 'triage_oauth_state';

export function newSessionToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** The store's key for a token (also for an OAuth `state`). */
export function hashToken(token: string): string {
  // One-shot: no Hash object per request.
  return crypto.hash('sha256', token, 'hex');
}

/** A value that could be one of our tokens: 43 base64url characters. */
export function isTokenShaped(value: string | undefined): value is string {
  return value !== undefined && /^[A-Za-z0-9_-]{43}$/.test(value);
}

export interface CookieSettings {
  /** PUBLIC_URL is https: the cookie only travels over TLS. */
  secure: boolean;
}

export function readSessionToken(c: Context): string | undefined {
  // Node's own header where there is one (every proxied request): the Fetch Headers that
  // getCookie reads are built per request, which costs more than the rest of a kept session's lookup.
  const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
  if (!incoming) return getCookie(c, SESSION_COOKIE);
  const header = incoming.headers.cookie;
  return header ? sessionTokenIn(header) : undefined;
}

const SESSION_COOKIE_PAIR = `${SESSION_COOKIE}=`;

/**
 * The session cookie's value in a Cookie header, found directly; a header that is not as the
 * browser sends our cookie (quotes, escapes) goes through Hono's full parser.
 */
export function sessionTokenIn(header: string): string | undefined {
  let at = header.indexOf(SESSION_COOKIE_PAIR);
  // Only at the start of a pair: not the tail of another cookie's name.
  while (at > 0 && header[at - 1] !== ';' && header[at - 1] !== ' ') at = header.indexOf(SESSION_COOKIE_PAIR, at + 1);
  if (at === -1) return undefined;
  const start = at + SESSION_COOKIE_PAIR.length;
  const end = header.indexOf(';', start);
  const value = header.slice(start, end === -1 ? header.length : end).trim();
  return isTokenShaped(value) ? value : parse(header, SESSION_COOKIE)[SESSION_COOKIE];
}

export function setSessionCookie(c: Context, token: string, settings: CookieSettings, maxAgeSeconds: number): void {
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', path: '/', secure: settings.secure, maxAge: maxAgeSeconds });
}

export function clearSessionCookie(c: Context, settings: CookieSettings): void {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, sameSite: 'Lax', path: '/', secure: settings.secure });
}

/** The OAuth round trip's `state`, kept by this browser for ten minutes at most. */
export function setOAuthStateCookie(c: Context, state: string, settings: CookieSettings, maxAgeSeconds: number): void {
  setCookie(c, OAUTH_STATE_COOKIE, state, { httpOnly: true, sameSite: 'Lax', path: '/auth/close/', secure: settings.secure, maxAge: maxAgeSeconds });
}

export function readOAuthStateCookie(c: Context): string | undefined {
  return getCookie(c, OAUTH_STATE_COOKIE);
}

export function clearOAuthStateCookie(c: Context, settings: CookieSettings): void {
  deleteCookie(c, OAUTH_STATE_COOKIE, { httpOnly: true, sameSite: 'Lax', path: '/auth/close/', secure: settings.secure });
}
