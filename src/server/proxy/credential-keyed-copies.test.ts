/**
 * ADR 0009's copies and revalidation lines with sessions: a copy fetched with one person's
 * credential is never the answer to another's request, even when the upstream gives both answers
 * the same ETag.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openSqliteSessionStore, sessionsFile } from '../auth/sqlite-session-store';
import type { SessionStore } from '../auth/session-store';
import { type FakeCloseAuth, PEOPLE, startFakeCloseAuth } from '../auth/testing/fake-close-auth';
import { type AuthTestApp, signInWithKey, startAuthTestApp } from '../auth/testing/start-auth-test-app';

let close: FakeCloseAuth;
let dir: string;
let store: SessionStore;
let app: AuthTestApp;

beforeAll(async () => {
  close = await startFakeCloseAuth();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-copies-'));
  store = openSqliteSessionStore(sessionsFile(dir));
  app = await startAuthTestApp({ close, store });
});
afterAll(async () => {
  await app.close();
  await store.close();
  await close.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

type Tasks = { data: Array<{ assigned_to: string }> };

it('two people reading the same URL each get their own answer, from their own copy', async () => {
  const [maya, sam] = PEOPLE as [(typeof PEOPLE)[0], (typeof PEOPLE)[0]];
  const mayaCookie = await signInWithKey(app, maya.apiKey);
  const samCookie = await signInWithKey(app, sam.apiKey);
  const read = async (cookie?: string) => {
    const res = await fetch(`${app.url}/api/v1/task/?view=inbox`, { headers: cookie ? { cookie } : {} });
    expect(res.status).toBe(200);
    return ((await res.json()) as Tasks).data[0]!.assigned_to;
  };
  const conditional = () => close.apiAuthorizations.length;

  expect(await read(mayaCookie)).toBe(maya.id);
  // Maya's copy exists now; Sam's first read must not revalidate it (same tag upstream) and get Maya's tasks.
  expect(await read(samCookie)).toBe(sam.id);
  expect(await read()).toBe('user_owner');
  // Each one's next read is revalidated against their own copy, and still their own.
  const before = conditional();
  expect(await read(mayaCookie)).toBe(maya.id);
  expect(await read(samCookie)).toBe(sam.id);
  expect(await read()).toBe('user_owner');
  expect(conditional() - before).toBe(3);
  // Concurrent reads of both people share no revalidation line either.
  const both = await Promise.all([read(mayaCookie), read(samCookie), read(mayaCookie), read(samCookie)]);
  expect(both).toEqual([maya.id, sam.id, maya.id, sam.id]);
});
