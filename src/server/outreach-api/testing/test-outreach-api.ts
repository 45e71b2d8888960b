/**
 * The real stand-in on a loopback port over a fresh, seeded database in a temporary folder, for
 * tests: `fetch` sends a bearer token (Alex's by default) and JSON:API's content type with a body.
 */
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import type { Db } from '../../db/open-database';
import { createOutreachApi } from '../create-outreach-api';
import { openOutreachDatabase } from '../db/open-outreach-database';
import { DEFAULT_OUTREACH_TOKEN } from '../demo/outreach-demo-data';
import { seedOutreachDemo } from '../demo/seed-outreach-demo';
import type { OutreachRateLimitOptions } from '../http/rate-limit';
import type { OutreachOAuthOptions } from '../oauth/outreach-oauth-client';

export type TestOutreachApi = {
  origin: string;
  baseUrl: string;
  db: Db;
  /** Demo users by first name in lower case: id and static token. */
  users: Record<string, { id: number; token: string }>;
  fetch(pathAndQuery: string, init?: RequestInit & { token?: string | null }): Promise<Response>;
  /** GET as JSON. */
  get<T = Record<string, unknown>>(pathAndQuery: string, token?: string): Promise<T>;
  unexpectedErrors: unknown[];
  clock: { nowMs: number };
  close(): Promise<void>;
};

/** A fixed "now" so that the demo's dues and the actions' effects are exact. */
export const TEST_NOW_MS = Date.UTC(2026, 2, 10, 15, 0, 0);

export async function startTestOutreachApi(
  opts: { rateLimit?: OutreachRateLimitOptions; oauth?: OutreachOAuthOptions; seed?: boolean } = {},
): Promise<TestOutreachApi> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-outreach-test-'));
  const db = openOutreachDatabase(path.join(dir, 'outreach.db'));
  const clock = { nowMs: TEST_NOW_MS };
  if (opts.seed !== false) seedOutreachDemo(db, { nowMs: clock.nowMs, defaultToken: DEFAULT_OUTREACH_TOKEN });
  const rows = db.prepare('SELECT id, first_name, token FROM users').all() as { id: number; first_name: string; token: string }[];
  const users = Object.fromEntries(rows.map((r) => [r.first_name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase(), { id: r.id, token: r.token }]));

  let app: ReturnType<typeof createOutreachApi> | null = null;
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: (req) => app!.fetch(req), port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const unexpectedErrors: unknown[] = [];
  app = createOutreachApi({
    db, publicUrl: origin, now: () => clock.nowMs, rateLimit: opts.rateLimit ?? null, oauth: opts.oauth,
    onUnexpectedError: (error) => unexpectedErrors.push(error),
  });
  const api: TestOutreachApi = {
    origin,
    baseUrl: `${origin}/api/v2`,
    db,
    users,
    unexpectedErrors,
    clock,
    fetch(pathAndQuery, init = {}) {
      const { token = DEFAULT_OUTREACH_TOKEN, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (token !== null) headers.set('Authorization', `Bearer ${token}`);
      if (rest.body && !headers.has('content-type')) headers.set('Content-Type', 'application/vnd.api+json');
      const url = pathAndQuery.startsWith('http') ? pathAndQuery : `${origin}/api/v2${pathAndQuery}`;
      return fetch(url, { ...rest, headers });
    },
    async get<T>(pathAndQuery: string, token?: string): Promise<T> {
      const res = await api.fetch(pathAndQuery, token === undefined ? {} : { token });
      if (!res.ok) throw new Error(`${pathAndQuery}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return api;
}
