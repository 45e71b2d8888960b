/**
 * A small, fully known organization behind the real embedded API on a loopback port, for tests
 * that need exact data (the demo seed is realistic, not exact).
 */
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { serve } from '@hono/node-server';
import { formatCloseDateTime } from '@/shared/close/dates';
import { newId } from '../../db/ids';
import { createTaskInserter, type NewTaskRow } from '../../db/insert-task';
import { openDatabase, type Db } from '../../db/open-database';
import { createCloseApi } from '../create-close-api';
import type { EmbeddedOAuthOptions } from '../oauth/oauth-client';

export type TestUser = { id: string; key: string; name: string };

export type TestApi = {
  baseUrl: string;
  origin: string;
  db: Db;
  organizationId: string;
  users: { manager: TestUser; rep: TestUser; other: TestUser };
  leadId: string;
  contactId: string;
  /** Inserts a task of any type straight into the database. */
  addTask(t: { type?: string; date: string; assignedTo?: string; isComplete?: boolean; text?: string; extra?: object; createdMs?: number }): string;
  fetch(pathAndQuery: string, init?: RequestInit & { key?: string | null; tz?: string }): Promise<Response>;
  /** What the API's 500 handler caught (kept here rather than logged, so tests can assert it). */
  unexpectedErrors: unknown[];
  close(): Promise<void>;
};

export async function startTestCloseApi(
  opts: { now?: () => number; rateLimit?: { limit: number; windowMs: number }; mediaDir?: string; oauth?: EmbeddedOAuthOptions } = {},
): Promise<TestApi> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-api-test-'));
  const db = openDatabase(path.join(dir, 'test.db'));
  const created = formatCloseDateTime(Date.UTC(2015, 0, 1));
  const organizationId = newId('orga');
  db.prepare('INSERT INTO organizations (id, name, date_created) VALUES (?, ?, ?)').run(organizationId, 'Test Org', created);
  const otherOrg = newId('orga');
  db.prepare('INSERT INTO organizations (id, name, date_created) VALUES (?, ?, ?)').run(otherOrg, 'Other Org', created);
  const addUser = (first: string, last: string, key: string, org: string, role: string): TestUser => {
    const id = newId('user');
    db.prepare(
      'INSERT INTO users (id, email, first_name, last_name, api_key, date_created, date_updated) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(id, `${first.toLowerCase()}@example.test`, first, last, key, created, created);
    db.prepare('INSERT INTO memberships (id, organization_id, user_id, role_id) VALUES (?, ?, ?, ?)').run(newId('memb'), org, id, role);
    return { id, key, name: `${first} ${last}` };
  };
  const users = {
    manager: addUser('Mona', 'Manager', 'key-manager', organizationId, 'admin'),
    rep: addUser('Rita', 'Rep', 'key-rep', organizationId, 'user'),
    other: addUser('Otto', 'Outsider', 'key-other', otherOrg, 'admin'),
  };
  const leadId = newId('lead');
  db.prepare('INSERT INTO leads (id, organization_id, name, date_created, date_updated) VALUES (?, ?, ?, ?, ?)').run(
    leadId, organizationId, 'Acme Corp', created, created,
  );
  const contactId = newId('cont');
  db.prepare('INSERT INTO contacts (id, lead_id, organization_id, name, phones, emails) VALUES (?, ?, ?, ?, ?, ?)').run(
    contactId, leadId, organizationId, 'Dana Buyer', '[{"phone":"+16503334444","type":"office"}]', '[]',
  );
  const insert = createTaskInserter(db);
  let createdCounter = Date.UTC(2015, 0, 1);
  const addTask: TestApi['addTask'] = (t) => {
    const type = t.type ?? 'lead';
    const id = newId(type === 'lead' ? 'task' : 'noti');
    const createdMs = t.createdMs ?? (createdCounter += 1000);
    // Tests need any type with any fields, which the typed row union would not let them build.
    insert({
      id,
      _type: type,
      organization_id: organizationId,
      assigned_to: t.assignedTo ?? users.rep.id,
      lead_id: leadId,
      contact_id: null,
      created_by: null,
      updated_by: null,
      text: t.text ?? `task ${t.date}`,
      date: t.date,
      is_complete: t.isComplete ?? false,
      date_created_ms: createdMs,
      date_updated_ms: createdMs,
      object_type: null,
      object_id: null,
      extra: t.extra ?? {},
    } as NewTaskRow);
    return id;
  };

  // The API needs its own origin for media URLs, which is known only once the port is bound.
  let app: ReturnType<typeof createCloseApi> | null = null;
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: (req) => app!.fetch(req), port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const unexpectedErrors: unknown[] = [];
  app = createCloseApi({
    db,
    publicUrl: origin,
    now: opts.now,
    rateLimit: opts.rateLimit ?? null,
    mediaDir: opts.mediaDir,
    oauth: opts.oauth,
    onUnexpectedError: (error) => unexpectedErrors.push(error),
  });

  return {
    baseUrl: `${origin}/api/v1`,
    origin,
    db,
    organizationId,
    users,
    leadId,
    contactId,
    addTask,
    unexpectedErrors,
    fetch(pathAndQuery, init = {}) {
      const { key = users.rep.key, tz, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (key !== null) headers.set('Authorization', `Basic ${Buffer.from(`${key}:`).toString('base64')}`);
      if (tz !== undefined) headers.set('X-TZ-Offset', tz);
      if (rest.body && !headers.has('content-type')) headers.set('Content-Type', 'application/json');
      return fetch(`${origin}/api/v1${pathAndQuery}`, { ...rest, headers });
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
