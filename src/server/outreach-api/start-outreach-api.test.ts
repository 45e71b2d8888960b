import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningOutreachApi, startOutreachApi } from './start-outreach-api';

let running: RunningOutreachApi | null = null;
let dir: string;
afterEach(async () => {
  await running?.close();
  running = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('startOutreachApi', () => {
  it('seeds DATA_DIR/outreach.db on first start, serves /api/v2 on loopback, and keeps the data on restart', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-outreach-start-'));
    running = await startOutreachApi({ dataDir: dir, port: 0, defaultToken: 'custom-token' });
    expect(running.databaseFile).toBe(path.join(dir, 'outreach.db'));
    expect(running.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v2$/);
    expect(running.summary.users[0]).toMatchObject({ email: 'alex@demo.triage.test', token: 'custom-token' });
    const res = await fetch(`${running.baseUrl}/tasks?page[size]=1&count=true`, { headers: { Authorization: 'Bearer custom-token' } });
    expect(res.status).toBe(200);
    const total = ((await res.json()) as { meta: { count: number } }).meta.count;
    await running.close();
    running = await startOutreachApi({ dataDir: dir, port: 0 });
    const again = await fetch(`${running.baseUrl}/tasks?page[size]=1&count=true`, { headers: { Authorization: 'Bearer triage-outreach-demo-token' } });
    expect(((await again.json()) as { meta: { count: number } }).meta.count).toBe(total);
    expect((await fetch(`${running.baseUrl}/tasks`, { headers: { Authorization: 'Bearer custom-token' } })).status).toBe(401);
  });
});
