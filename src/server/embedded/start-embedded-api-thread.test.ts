import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedApiThread, startEmbeddedApiThread } from './start-embedded-api-thread';

// The thread reads its settings from the environment, as `npm start` gives them.
const saved = { DATA_DIR: process.env.DATA_DIR, API_PORT: process.env.API_PORT, EMBEDDED_RATE_LIMIT: process.env.EMBEDDED_RATE_LIMIT };
let dataDir: string;
let thread: EmbeddedApiThread;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-embedded-thread-'));
  process.env.DATA_DIR = dataDir;
  process.env.API_PORT = '0';
  delete process.env.EMBEDDED_RATE_LIMIT;
  thread = await startEmbeddedApiThread({ onCrash: (error) => expect.fail(error.message), accessTokenTtlSeconds: 7 });
}, 60_000);

afterAll(async () => {
  await thread?.stop();
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('startEmbeddedApiThread: the built-in OAuth client', () => {
  it('generates a client secret and runs the whole code flow on the thread, with the given token lifetime', async () => {
    expect(thread.oauthClientId).toBe('triage-embedded');
    expect(thread.oauthClientSecret).toMatch(/^[\w-]{40,}$/);
    const origin = new URL(thread.baseUrl).origin;
    expect(thread.oauthAuthorizeUrl).toBe(`${origin}/oauth2/authorize/`);
    expect(thread.oauthTokenUrl).toBe(`${origin}/oauth2/token/`);

    const redirectUri = 'http://127.0.0.1:9/auth/close/callback';
    const query = new URLSearchParams({ client_id: thread.oauthClientId, response_type: 'code', redirect_uri: redirectUri, state: 's' });
    const page = await fetch(`${thread.oauthAuthorizeUrl}?${query}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const maya = thread.summary.users.find((u) => u.firstName === 'Maya')!;
    expect(html).toContain('Alex Morgan');
    expect(html).toContain(`value="${maya.id}"`);

    const decided = await fetch(`${thread.oauthAuthorizeUrl}?${query}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: thread.oauthClientId, response_type: 'code', redirect_uri: redirectUri, state: 's', user_id: maya.id, decision: 'allow' }),
    });
    const code = new URL(decided.headers.get('location')!).searchParams.get('code')!;
    const exchanged = await fetch(thread.oauthTokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        client_id: thread.oauthClientId,
        client_secret: thread.oauthClientSecret,
      }),
    });
    expect(exchanged.status).toBe(200);
    const tokens = (await exchanged.json()) as { access_token: string; expires_in: number; user_id: string };
    expect(tokens).toMatchObject({ expires_in: 7, user_id: maya.id });

    const me = await fetch(`${thread.baseUrl}/me/`, { headers: { Authorization: `Bearer ${tokens.access_token}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ id: maya.id, email: maya.email });
  });
});

describe('startEmbeddedApiThread: what it offers the proxy', () => {
  it('offers no data version while the API counts requests (its default rate limit)', () => {
    expect(thread.changes).toBeNull();
  });

  it('without a rate limit, a data version that moves with every write to its database', async () => {
    process.env.EMBEDDED_RATE_LIMIT = '0';
    const unlimited = await startEmbeddedApiThread({ onCrash: (error) => expect.fail(error.message) });
    try {
      const changes = unlimited.changes!;
      const before = changes.version();
      expect(changes.version()).toBe(before);
      const authorization = `Basic ${Buffer.from(`${unlimited.summary.users[0]!.apiKey}:`).toString('base64')}`;
      const page = (await (await fetch(`${unlimited.baseUrl}/task/?_type=all&_limit=1`, { headers: { authorization } })).json()) as { data: { id: string }[] };
      expect(changes.version()).toBe(before);
      const updated = await fetch(`${unlimited.baseUrl}/task/${page.data[0]!.id}/`, {
        method: 'PUT',
        headers: { authorization, 'Content-Type': 'application/json' },
        body: JSON.stringify({ text: 'a write' }),
      });
      expect(updated.status).toBe(200);
      expect(changes.version()).not.toBe(before);
    } finally {
      await unlimited.stop();
    }
  }, 60_000);
});
