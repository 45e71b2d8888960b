import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestApi, startTestCloseApi } from '../testing/test-close-api';
import { EMBEDDED_OAUTH_CLIENT_ID } from './oauth-client';

const SECRET = 'test-client-secret-0123456789abcdef';
const TTL_SECONDS = 120;
const REDIRECT_URI = 'http://127.0.0.1:9/auth/close/callback?from=test';

let api: TestApi;
let nowMs: number;

beforeEach(async () => {
  nowMs = Date.UTC(2026, 0, 5, 12);
  api = await startTestCloseApi({
    now: () => nowMs,
    oauth: { clientId: EMBEDDED_OAUTH_CLIENT_ID, clientSecret: SECRET, accessTokenTtlSeconds: TTL_SECONDS },
  });
});
afterEach(async () => {
  await api.close();
});

function authorizeUrl(params: Record<string, string> = {}): string {
  const query = new URLSearchParams({ client_id: EMBEDDED_OAUTH_CLIENT_ID, response_type: 'code', redirect_uri: REDIRECT_URI, state: 'st-1', ...params });
  return `${api.origin}/oauth2/authorize/?${query}`;
}

/** The consent page's form fields: hidden ones, and the radio values a person can pick. */
async function consentForm(): Promise<{ hidden: Record<string, string>; userIds: string[]; html: string }> {
  const res = await fetch(authorizeUrl());
  expect(res.status).toBe(200);
  const html = await res.text();
  const hidden = Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!.replace(/&#38;/g, '&')]),
  );
  const userIds = [...html.matchAll(/<input type="radio" name="user_id" value="([^"]+)"/g)].map((m) => m[1]!);
  return { hidden, userIds, html };
}

async function decide(decision: 'allow' | 'deny', userId: string, overrides: Record<string, string> = {}): Promise<Response> {
  const { hidden } = await consentForm();
  return fetch(authorizeUrl(), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...hidden, user_id: userId, decision, ...overrides }),
  });
}

async function codeFor(userId: string): Promise<string> {
  const res = await decide('allow', userId);
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get('location')!);
  return location.searchParams.get('code')!;
}

function token(form: Record<string, string>, init: { basic?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
  if (init.basic) headers.Authorization = `Basic ${Buffer.from(init.basic).toString('base64')}`;
  const body = new URLSearchParams(init.basic ? form : { client_id: EMBEDDED_OAUTH_CLIENT_ID, client_secret: SECRET, ...form });
  return fetch(`${api.origin}/oauth2/token/`, { method: 'POST', headers, body });
}

type TokenAnswer = { access_token: string; refresh_token: string; expires_in: number; user_id: string; organization_id: string };

async function tokensFor(userId: string): Promise<TokenAnswer> {
  const res = await token({ grant_type: 'authorization_code', code: await codeFor(userId), redirect_uri: REDIRECT_URI });
  expect(res.status).toBe(200);
  return (await res.json()) as TokenAnswer;
}

function bearer(pathAndQuery: string, accessToken: string): Promise<Response> {
  return api.fetch(pathAndQuery, { key: null, headers: { Authorization: `Bearer ${accessToken}` } });
}

describe('GET /oauth2/authorize/ (the consent page)', () => {
  it('lists the users to choose from, with Allow and Deny, under a strict CSP and without the API key check', async () => {
    const res = await fetch(authorizeUrl());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('form-action \'self\' http://127.0.0.1:9');
    expect(csp).not.toContain('script-src');
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    for (const name of ['Mona Manager', 'Rita Rep', 'Otto Outsider']) expect(html).toContain(name);
    expect(html).not.toContain('<script');
    expect(html).toMatch(/<legend>Who are you\?<\/legend>/);
    expect(html).toContain('value="allow">Allow</button>');
    expect(html).toContain('value="deny">Deny</button>');
    const { userIds, hidden } = await consentForm();
    expect(userIds).toEqual(expect.arrayContaining([api.users.manager.id, api.users.rep.id, api.users.other.id]));
    expect(hidden).toEqual({ client_id: EMBEDDED_OAUTH_CLIENT_ID, redirect_uri: REDIRECT_URI, response_type: 'code', state: 'st-1' });
    // No key, no data anywhere else.
    expect((await api.fetch('/me/', { key: null })).status).toBe(401);
  });

  it.each([
    ['an unknown client_id', { client_id: 'someone-else' }, /Unknown client_id/],
    ['response_type other than code', { response_type: 'token' }, /response_type/],
    ['no redirect_uri', { redirect_uri: '' }, /redirect_uri is required/],
    ['a relative redirect_uri', { redirect_uri: '/callback' }, /absolute URL/],
    ['a javascript: redirect_uri', { redirect_uri: 'javascript:alert(1)' }, /http\(s\) URL/],
  ])('answers 400 without redirecting for %s', async (_what, params, message) => {
    const res = await fetch(authorizeUrl(params), { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).toMatch(message);
  });
});

describe('POST /oauth2/authorize/ (the decision)', () => {
  it('Allow redirects to redirect_uri with a code and the state, keeping its own query', async () => {
    const res = await decide('allow', api.users.rep.id);
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe('http://127.0.0.1:9/auth/close/callback');
    expect(location.searchParams.get('from')).toBe('test');
    expect(location.searchParams.get('state')).toBe('st-1');
    expect(location.searchParams.get('code')).toMatch(/^[\w-]{40,}$/);
    expect(location.searchParams.has('error')).toBe(false);
  });

  it('Deny redirects with error=access_denied and the state, and no code', async () => {
    const res = await decide('deny', api.users.rep.id);
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('st-1');
    expect(location.searchParams.has('code')).toBe(false);
  });

  it('refuses an unknown user, a missing decision and a tampered client_id with 400, redirecting nowhere', async () => {
    const tampered: Record<string, string>[] = [{ user_id: 'user_nobody' }, { decision: '' }, { client_id: 'evil' }];
    for (const overrides of tampered) {
      const res = await decide('allow', api.users.rep.id, overrides);
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
    }
    const notAForm = await fetch(authorizeUrl(), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(notAForm.status).toBe(400);
  });
});

describe('POST /oauth2/token/', () => {
  it('exchanges a code for exactly Close\'s answer, no-store', async () => {
    const res = await token({ grant_type: 'authorization_code', code: await codeFor(api.users.rep.id), redirect_uri: REDIRECT_URI });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['access_token', 'token_type', 'expires_in', 'refresh_token', 'scope', 'user_id', 'organization_id']);
    expect(body).toEqual({
      access_token: expect.stringMatching(/^[\w-]{40,}$/),
      token_type: 'Bearer',
      expires_in: TTL_SECONDS,
      refresh_token: expect.stringMatching(/^[\w-]{40,}$/),
      scope: 'all.full_access',
      user_id: api.users.rep.id,
      organization_id: api.organizationId,
    });
    expect(body.access_token).not.toBe(body.refresh_token);
  });

  it('accepts the client by HTTP Basic as well as in the form', async () => {
    const code = await codeFor(api.users.manager.id);
    const res = await token(
      { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI },
      { basic: `${EMBEDDED_OAUTH_CLIENT_ID}:${SECRET}` },
    );
    expect(res.status).toBe(200);
    expect(((await res.json()) as TokenAnswer).user_id).toBe(api.users.manager.id);
  });

  it('takes a code once: a replay is invalid_grant and revokes what the first exchange issued', async () => {
    const code = await codeFor(api.users.rep.id);
    const first = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI });
    const tokens = (await first.json()) as TokenAnswer;
    expect((await bearer('/me/', tokens.access_token)).status).toBe(200);

    const replay = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI });
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({ error: 'invalid_grant' });
    expect((await bearer('/me/', tokens.access_token)).status).toBe(401);
    const refresh = await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expect(await refresh.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a code for another redirect_uri, an expired code and an unknown one', async () => {
    const wrongUri = await token({ grant_type: 'authorization_code', code: await codeFor(api.users.rep.id), redirect_uri: 'http://127.0.0.1:9/other' });
    expect(wrongUri.status).toBe(400);
    expect(await wrongUri.json()).toMatchObject({ error: 'invalid_grant', error_description: expect.stringMatching(/redirect_uri/) });

    const late = await codeFor(api.users.rep.id);
    nowMs += 61_000;
    const expired = await token({ grant_type: 'authorization_code', code: late, redirect_uri: REDIRECT_URI });
    expect(expired.status).toBe(400);
    expect(await expired.json()).toMatchObject({ error: 'invalid_grant' });

    const unknown = await token({ grant_type: 'authorization_code', code: 'made-up', redirect_uri: REDIRECT_URI });
    expect(await unknown.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a wrong client secret or id with 401 invalid_client, and leaves the code usable', async () => {
    const code = await codeFor(api.users.rep.id);
    const form = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI };
    for (const res of [
      await token({ ...form, client_secret: 'wrong' }),
      await token({ ...form, client_id: 'someone-else' }),
      await token(form, { basic: `${EMBEDDED_OAUTH_CLIENT_ID}:wrong` }),
      await fetch(`${api.origin}/oauth2/token/`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) }),
    ]) {
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: 'invalid_client' });
    }
    expect((await token(form)).status).toBe(200);
  });

  it('answers OAuth errors for a missing or unknown grant_type, a missing code and a JSON body', async () => {
    expect(await (await token({})).json()).toMatchObject({ error: 'invalid_request' });
    expect(await (await token({ grant_type: 'password' })).json()).toMatchObject({ error: 'unsupported_grant_type' });
    expect(await (await token({ grant_type: 'authorization_code', redirect_uri: REDIRECT_URI })).json()).toMatchObject({
      error: 'invalid_request',
      error_description: 'code is required.',
    });
    expect(await (await token({ grant_type: 'refresh_token' })).json()).toMatchObject({ error: 'invalid_request' });
    const json = await fetch(`${api.origin}/oauth2/token/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ grant_type: 'authorization_code', client_id: EMBEDDED_OAUTH_CLIENT_ID, client_secret: SECRET }),
    });
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('rotates refresh tokens: each refresh gives a new pair and the old refresh token stops working', async () => {
    const first = await tokensFor(api.users.rep.id);
    const refreshed = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(refreshed.status).toBe(200);
    const second = (await refreshed.json()) as TokenAnswer;
    expect(second).toMatchObject({ user_id: api.users.rep.id, organization_id: api.organizationId, expires_in: TTL_SECONDS });
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);

    const reuse = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(reuse.status).toBe(400);
    expect(await reuse.json()).toMatchObject({ error: 'invalid_grant' });

    expect((await bearer('/me/', second.access_token)).status).toBe(200);
    const third = await token({ grant_type: 'refresh_token', refresh_token: second.refresh_token });
    expect(third.status).toBe(200);
  });

  it('keeps only SHA-256 digests of codes and tokens in the database', async () => {
    const code = await codeFor(api.users.rep.id);
    const tokens = (await (await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI })).json()) as TokenAnswer;
    const digest = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
    const stored = JSON.stringify([
      api.db.prepare('SELECT * FROM oauth_codes').all(),
      api.db.prepare('SELECT * FROM oauth_tokens').all(),
    ]);
    for (const raw of [code, tokens.access_token, tokens.refresh_token]) {
      expect(stored).not.toContain(raw);
      expect(stored).toContain(digest(raw));
    }
  });
});

describe('Bearer access tokens on the API', () => {
  it('act as the user who allowed, on /me/ and /task/', async () => {
    api.addTask({ date: '2026-01-05', assignedTo: api.users.manager.id, text: 'for the manager' });
    const { access_token } = await tokensFor(api.users.manager.id);
    const me = await bearer('/me/', access_token);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ id: api.users.manager.id, first_name: 'Mona' });
    const tasks = await bearer(`/task/?assigned_to=${api.users.manager.id}`, access_token);
    expect(tasks.status).toBe(200);
    expect(((await tasks.json()) as { data: { text: string }[] }).data.map((t) => t.text)).toEqual(['for the manager']);
  });

  it('are refused once expired (401 saying so), and a refresh brings a working one', async () => {
    const tokens = await tokensFor(api.users.rep.id);
    nowMs += (TTL_SECONDS - 1) * 1000;
    expect((await bearer('/me/', tokens.access_token)).status).toBe(200);
    nowMs += 1000;
    const expired = await bearer('/me/', tokens.access_token);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual({ error: expect.stringMatching(/expired/) });
    expect(expired.headers.get('www-authenticate')).toMatch(/invalid_token/);

    const refreshed = (await (await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token })).json()) as TokenAnswer;
    expect((await bearer('/me/', refreshed.access_token)).status).toBe(200);
  });

  it('refuses a made-up token, and still takes an API key as Basic or as Bearer', async () => {
    const unknown = await bearer('/me/', 'not-a-token');
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toEqual({ error: expect.any(String) });
    expect((await api.fetch('/me/', { key: api.users.rep.key })).status).toBe(200);
    expect((await bearer('/me/', api.users.rep.key)).status).toBe(200);
  });

  it('is off without the oauth option: no /oauth2/ routes', async () => {
    const plain = await startTestCloseApi();
    try {
      expect((await fetch(`${plain.origin}/oauth2/authorize/?client_id=${EMBEDDED_OAUTH_CLIENT_ID}`)).status).toBe(404);
      expect((await fetch(`${plain.origin}/oauth2/token/`, { method: 'POST' })).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
