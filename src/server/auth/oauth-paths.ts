/**
 * Where OAuth sign-in starts and comes back. The provider-neutral paths serve every backend; the
 * Close ones stay as aliases, because deployments registered `/auth/close/callback` with Close as
 * their redirect URI before there was a second backend, and Close compares it exactly.
 */
export const OAUTH_START_PATH = '/auth/oauth/start';
export const OAUTH_CALLBACK_PATH = '/auth/oauth/callback';
export const CLOSE_START_PATH = '/auth/close/start';
export const CLOSE_CALLBACK_PATH = '/auth/close/callback';
