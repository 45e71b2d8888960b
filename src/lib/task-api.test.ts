import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TaskListSchema, listResponseSchema } from '@/shared/close/schemas';
import { z } from 'zod/mini';
import { setDefaultApiOrigin } from './api-client';
import { taskApi } from './task-api';

type Seen = { method: string; url: string; tz: string | undefined; body: unknown };

const TASK = {
  id: 'task_1',
  _type: 'lead',
  assigned_to: 'user_1',
  date: '2026-03-02',
  date_created: '2026-03-01T10:00:00+00:00',
  date_updated: '2026-03-01T10:00:00+00:00',
  is_complete: false,
  lead_id: 'lead_1',
  organization_id: 'orga_1',
};
const USER = { id: 'user_1', email: 'a@example.com', first_name: 'Alex', last_name: 'Morgan' };

let server: Server;
const seen: Seen[] = [];

/** A Close-shaped contract server that answers every call with a plausible body and records it. */
beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', tz: req.headers['x-tz-offset'] as string | undefined, body: raw ? JSON.parse(raw) : undefined });
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const json = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (path === '/api/v1/task/' && req.method === 'GET') return json({ data: [TASK], has_more: false });
      if (path === '/api/v1/task/' && req.method === 'PUT') return json({ updated: 2 });
      if (path === '/api/v1/task/' && req.method === 'POST') return json(TASK);
      if (path.startsWith('/api/v1/task/') && req.method === 'DELETE') return json({});
      if (path.startsWith('/api/v1/task/')) return json(TASK);
      if (path === '/api/v1/me/') return json({ ...USER, organizations: [{ id: 'orga_1', name: 'Acme' }], memberships: [] });
      if (path === '/api/v1/user/') return json({ data: [USER], has_more: false });
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  setDefaultApiOrigin(() => origin);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen.length = 0;
});

describe('taskApi against a real HTTP server', () => {
  it('lists with the filters, order, fields and page, in the view zone', async () => {
    const page = await taskApi.listTasks(
      { filters: { view: 'inbox', types: null, assignedTo: 'user_1' }, orderBy: 'date', limit: 50, skip: 100, timeZone: 'Asia/Kolkata' },
      TaskListSchema,
    );
    expect(page.data.map((t) => t.id)).toEqual(['task_1']);
    await taskApi.listTasks({ filters: { view: 'archive', types: ['lead', 'voicemail'] }, fields: ['id', 'date'], limit: 100, skip: 0 }, listResponseSchema(z.unknown()));
    expect(seen.map((s) => s.url)).toEqual([
      '/api/v1/task/?view=inbox&_type=all&assigned_to=user_1&_order_by=date&_limit=50&_skip=100',
      '/api/v1/task/?view=archive&_type__in=lead%2Cvoicemail&_fields=id%2Cdate&_limit=100&_skip=0',
    ]);
    expect(seen[0]!.tz).toBe('5.5');
  });

  it('lists ids and dates only, and by date bounds, as the desk counts and the outbox looks a task up', async () => {
    await taskApi.listTasks(
      { filters: { assignedTo: 'user_1', types: null, isComplete: false }, orderBy: 'date', fields: ['id', 'date'], limit: 200, skip: 400, timeZone: 'UTC' },
      listResponseSchema(z.unknown()),
    );
    await taskApi.listTasks(
      { filters: { types: ['lead'], leadId: 'lead_1', dates: [{ field: 'date_created', op: 'gte', value: '2026-03-01T09:59:00.000Z' }] }, limit: 100, skip: 0, timeZone: 'UTC' },
      TaskListSchema,
    );
    expect(seen.map((s) => s.url)).toEqual([
      '/api/v1/task/?_type=all&assigned_to=user_1&is_complete=false&_order_by=date&_fields=id%2Cdate&_limit=200&_skip=400',
      '/api/v1/task/?_type=lead&lead_id=lead_1&date_created__gte=2026-03-01T09%3A59%3A00.000Z&_limit=100&_skip=0',
    ]);
  });

  it('changes one task with the changed fields only: complete, reopen, snooze, reassign, update', async () => {
    await taskApi.completeTask('task_1', 'UTC');
    await taskApi.reopenTask('task_1', 'UTC');
    await taskApi.snoozeTask('task 1', '2026-03-05', 'UTC');
    await taskApi.reassignTask('task_1', 'user_2', 'UTC');
    const saved = await taskApi.updateTask('task_1', { text: 'Call back' }, 'UTC');
    expect(saved.id).toBe('task_1');
    expect(seen.map(({ method, url, body }) => [method, url, body])).toEqual([
      ['PUT', '/api/v1/task/task_1/', { is_complete: true }],
      ['PUT', '/api/v1/task/task_1/', { is_complete: false }],
      ['PUT', '/api/v1/task/task%201/', { date: '2026-03-05' }],
      ['PUT', '/api/v1/task/task_1/', { assigned_to: 'user_2' }],
      ['PUT', '/api/v1/task/task_1/', { text: 'Call back' }],
    ]);
    expect(seen.every((s) => s.tz === '0')).toBe(true);
  });

  it('bulk-updates by ids in the body and by filters in the query, and reads the count changed', async () => {
    expect(await taskApi.updateTasksByIds(['a', 'b'], { is_complete: true }, 'UTC')).toBe(2);
    expect(await taskApi.updateTasksMatching({ view: 'inbox', types: null, dates: [{ field: 'date_created', op: 'lte', value: '2026-03-01T10:00:00Z' }] }, { assigned_to: 'user_2' }, 'UTC')).toBe(2);
    expect(seen.map(({ method, url, body }) => [method, url, body])).toEqual([
      ['PUT', '/api/v1/task/', { is_complete: true, _params: { id__in: 'a,b', _type: 'all' } }],
      ['PUT', '/api/v1/task/?view=inbox&_type=all&date_created__lte=2026-03-01T10%3A00%3A00Z', { assigned_to: 'user_2' }],
    ]);
  });

  it('gets, creates (a lead task unless told otherwise) and deletes', async () => {
    expect((await taskApi.getTask('task_1')).id).toBe('task_1');
    await taskApi.createTask({ lead_id: 'lead_1', text: 'Follow up' }, 'UTC');
    await taskApi.deleteTask('task_1', 'UTC');
    expect(seen.map(({ method, url, body }) => [method, url, body])).toEqual([
      ['GET', '/api/v1/task/task_1/', undefined],
      ['POST', '/api/v1/task/', { _type: 'lead', lead_id: 'lead_1', text: 'Follow up' }],
      ['DELETE', '/api/v1/task/task_1/', undefined],
    ]);
  });

  it('reads me (as index.html preloads it: no zone header) and a page of users', async () => {
    expect((await taskApi.getMe({ asPreloaded: true })).id).toBe('user_1');
    expect((await taskApi.listUsers({ limit: 100, skip: 200 })).data).toHaveLength(1);
    expect(seen.map((s) => [s.url, s.tz])).toEqual([
      ['/api/v1/me/', undefined],
      ['/api/v1/user/?_limit=100&_skip=200', expect.any(String)],
    ]);
  });
});
