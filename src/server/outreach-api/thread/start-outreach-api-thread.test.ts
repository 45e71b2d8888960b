import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OutreachApiThread, startOutreachApiThread } from './start-outreach-api-thread';

let dataDir: string;
let thread: OutreachApiThread;
const CLIENT = { clientId: 'triage-outreach', clientSecret: 'thread-secret', accessTokenTtlSeconds: 7 };

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-outreach-thread-'));
  thread = await startOutreachApiThread({
    dataDir, port: 0, defaultToken: 'thread-token', rateLimit: { limit: 100, windowMs: 3_600_000 }, oauth: CLIENT,
    onCrash: (error) => expect.fail(error.message),
  });
}, 60_000);

afterAll(async () => {
  await thread?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('startOutreachApiThread', () => {
  it('serves the stand-in from its own thread, with its settings, OAuth included', async () => {
    expect(thread.databaseFile).toBe(path.join(dataDir, 'outreach.db'));
    const res = await fetch(`${thread.baseUrl}/tasks?page[size]=2`, { headers: { Authorization: 'Bearer thread-token' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-ratelimit-limit')).toBe('100');
    const page = await fetch(`${thread.oauthAuthorizeUrl}?${new URLSearchParams({ client_id: CLIENT.clientId, redirect_uri: 'http://127.0.0.1:9/cb', response_type: 'code', scope: 'tasks.read' })}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Alex Morgan');
  });

  it('refuses a taken port with a StartupError naming API_PORT', async () => {
    const port = Number(new URL(thread.url).port);
    await expect(startOutreachApiThread({ dataDir, port, onCrash: () => {} })).rejects.toThrow(/API_PORT/);
  });
});
