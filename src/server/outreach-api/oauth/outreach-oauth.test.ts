import { afterEach, describe, expect, it } from 'vitest';
import { type TestOutreachApi, startTestOutreachApi } from '../testing/test-outreach-api';

const CLIENT = { clientId: 'triage-outreach', clientSecret: 's3cret', accessTokenTtlSeconds: 60, refreshTokenTtlSeconds: 600 };
const REDIRECT = 'http://127.0.0.1:9/auth/outreach/callback';

let api: TestOutreachApi;
afterEach(async () => {
  expect(api.unexpectedErrors).toEqual([]);
  await api.close();
});

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
  redirect: 'manual' as const,
});

const authorizeQuery = (extra: Record<string, string> = {}) =>
  new URLSearchParams({ client_id: CLIENT.clientId, redirect_uri: REDIRECT, response_type: 'code', scope: 'tasks.read tasks.write users.read', state: 'xyz', ...extra });

async function codeFor(userId: number): Promise<string> {
  const res = await fetch(`${api.origin}/oauth/authorize`, form({ ...Object.fromEntries(authorizeQuery()), decision: 'allow', user_id: String(userId) }));
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get('location')!);
  expect(location.searchParams.get('state')).toBe('xyz');
  return location.searchParams.get('code')!;
}

type TokenAnswer = { access_token: string; refresh_token: string; token_type: string; expires_in: number; scope: string; created_at: number };

async function token(fields: Record<string, string>): Promise<Response> {
  return fetch(`${api.origin}/oauth/token`, form({ client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret, ...fields }));
}

describe('OAuth authorize', () => {
  it('shows a consent page listing the demo users and the scopes; refuses a wrong client or scope', async () => {
    api = await startTestOutreachApi({ oauth: CLIENT });
    const page = await fetch(`${api.origin}/oauth/authorize?${authorizeQuery()}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const name of ['Alex Morgan', 'Maya Patel', 'Lucía Fernández', 'tasks.write', 'Allow', 'Deny']) expect(html).toContain(name);
    expect(page.headers.get('content-security-policy')).toContain("form-action 'self' http://127.0.0.1:9");
    expect((await fetch(`${api.origin}/oauth/authorize?${authorizeQuery({ client_id: 'other' })}`)).status).toBe(400);
    expect((await fetch(`${api.origin}/oauth/authorize?${authorizeQuery({ scope: 'everything' })}`)).status).toBe(400);
  });

  it('redirects with access_denied on Deny', async () => {
    api = await startTestOutreachApi({ oauth: CLIENT });
    const res = await fetch(`${api.origin}/oauth/authorize`, form({ ...Object.fromEntries(authorizeQuery()), decision: 'deny' }));
    expect(res.status).toBe(302);
    expect(new URL(res.headers.get('location')!).searchParams.get('error')).toBe('access_denied');
  });
});

describe('OAuth token', () => {
  it('trades a code once for a bearer token of the chosen user with the granted scopes', async () => {
    api = await startTestOutreachApi({ oauth: CLIENT });
    const code = await codeFor(api.users.priya!.id);
    const res = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const answer = (await res.json()) as TokenAnswer;
    expect(answer).toMatchObject({ token_type: 'bearer', expires_in: 60, scope: 'tasks.read tasks.write users.read', created_at: Math.floor(api.clock.nowMs / 1000) });
    const root = await api.get<{ meta: { user: { id: number } } }>('', answer.access_token);
    expect(root.meta.user.id).toBe(api.users.priya!.id);
    expect((await api.fetch('/tasks?page[size]=1', { token: answer.access_token })).status).toBe(200);
    // Scopes are checked per resource: this grant has no prospects.read.
    const forbidden = await api.fetch('/prospects/1', { token: answer.access_token });
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as { errors: { id: string }[] }).errors[0]!.id).toBe('unauthorizedOauthScope');
    const again = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: string }).error).toBe('invalid_grant');
    // The second use of the code revoked what the first one issued.
    expect((await api.fetch('/tasks', { token: answer.access_token })).status).toBe(401);
  });

  it('expires access tokens (401 that says so) and rotates refresh tokens', async () => {
    api = await startTestOutreachApi({ oauth: CLIENT });
    const first = (await (await token({ grant_type: 'authorization_code', code: await codeFor(api.users.maya!.id), redirect_uri: REDIRECT })).json()) as TokenAnswer;
    api.clock.nowMs += 61_000;
    const expired = await api.fetch('/tasks', { token: first.access_token });
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { errors: { detail: string }[] }).errors[0]!.detail).toContain('expired');
    const refreshed = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(refreshed.status).toBe(200);
    const second = (await refreshed.json()) as TokenAnswer;
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect((await api.fetch('/tasks?page[size]=1', { token: second.access_token })).status).toBe(200);
    expect((await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token })).status).toBe(400);
    // A refresh token lives refreshTokenTtlSeconds (14 days by default).
    api.clock.nowMs += 601_000;
    expect((await token({ grant_type: 'refresh_token', refresh_token: second.refresh_token })).status).toBe(400);
  });

  it('takes the parameters as JSON too, and refuses a wrong client secret', async () => {
    api = await startTestOutreachApi({ oauth: CLIENT });
    const code = await codeFor(api.users.alex!.id);
    const json = await fetch(`${api.origin}/oauth/token`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret, grant_type: 'authorization_code', code, redirect_uri: REDIRECT }),
    });
    expect(json.status).toBe(200);
    expect((await token({ client_secret: 'wrong', grant_type: 'refresh_token', refresh_token: 'x' })).status).toBe(401);
    expect((await token({ grant_type: 'password' })).status).toBe(400);
  });
});

describe('rate limit', () => {
  it('announces X-RateLimit-* on every answer and answers 429 rateLimitExceeded past the limit', async () => {
    api = await startTestOutreachApi({ rateLimit: { limit: 3, windowMs: 3_600_000 } });
    for (let i = 0; i < 3; i++) {
      const res = await api.fetch(i === 1 ? '/tasks/999999' : '/tasks?page[size]=1');
      expect(res.headers.get('x-ratelimit-limit')).toBe('3');
      expect(res.headers.get('x-ratelimit-remaining')).toBe(String(2 - i));
      expect(Number(res.headers.get('x-ratelimit-reset'))).toBe(Math.ceil((api.clock.nowMs + 3_600_000) / 1000));
    }
    const over = await api.fetch('/tasks');
    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).toBe('3600');
    expect(over.headers.get('x-ratelimit-remaining')).toBe('0');
    const body = (await over.json()) as { errors: { id: string; detail: string }[] };
    expect(body.errors[0]).toMatchObject({ id: 'rateLimitExceeded', title: 'Rate Limit Exceeded' });
    // Per user: another user still has budget; a new window starts afresh.
    expect((await api.fetch('/tasks?page[size]=1', { token: api.users.maya!.token })).status).toBe(200);
    api.clock.nowMs += 3_600_000;
    expect((await api.fetch('/tasks?page[size]=1')).status).toBe(200);
  });
});
