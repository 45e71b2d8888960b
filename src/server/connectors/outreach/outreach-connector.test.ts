import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TaskListSchema, TaskSchema } from '@/shared/close/schemas';
import { CapabilitiesSchema } from '@/shared/contract/capabilities';
import { type CredentialResolver, type UpstreamCredential, copyKeyOf } from '../../auth/upstream-credential';
import { type TestApp, startTestApp } from '../../testing/start-test-app';
import { createOutreachConnector } from './outreach-connector';
import { FAKE_PRIORITIES, type FakeOutreach, outreachTask, startFakeOutreach } from './testing/fake-outreach';

// Tue 2026-03-10 15:00 UTC: 10:00 in New York (x-tz-offset -5), whose day ends at 05:00 UTC on the 11th.
const NOW = Date.UTC(2026, 2, 10, 15, 0);

let fake: FakeOutreach;
let app: TestApp | undefined;
let refreshes: number;
let refusedSessions: number;

function session(token: string): UpstreamCredential {
  const authorization = `Bearer ${token}`;
  return { authorization, copyKey: copyKeyOf(authorization), sessionId: 'session-1' };
}

async function start(token = 'good-token', renewTo: string | null = 'good-token') {
  const credentials: CredentialResolver = { resolve: () => session(token), refused: async () => void refusedSessions++ };
  const connector = createOutreachConnector({
    baseUrl: fake.baseUrl,
    oauth: null,
    now: () => NOW,
    refreshCredential: async () => {
      refreshes++;
      return renewTo ? session(renewTo) : null;
    },
  });
  app = await startTestApp({ upstream: { baseUrl: 'http://127.0.0.1:9/api/v1' }, connector, credentials });
  return app;
}

const get = (path: string, tz = '-5') => fetch(`${app!.url}/api/v1${path}`, { headers: { 'x-tz-offset': tz } });
const put = (path: string, body: unknown, tz = '-5') =>
  fetch(`${app!.url}/api/v1${path}`, { method: 'PUT', headers: { 'x-tz-offset': tz, 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeEach(async () => {
  fake = await startFakeOutreach();
  fake.tasks.set(1, outreachTask(1, 'call', '2026-03-10T14:00:00.000Z'));
  fake.tasks.set(2, outreachTask(2, 'email', '2026-03-11T01:00:00.000Z', { sequence: true, note: 'Pricing follow-up' }));
  fake.tasks.set(3, outreachTask(3, 'action_item', '2026-03-09T09:00:00.000Z', { note: 'Send the deck' }));
  refreshes = 0;
  refusedSessions = 0;
});
afterEach(async () => {
  await app?.close();
  app = undefined;
  await fake.close();
});

describe('the Outreach connector against a fake Outreach', () => {
  it("lists the inbox as Outreach filters in the person's zone, in the contract's shape", async () => {
    await start();
    const res = await get('/task/?view=inbox&_type=all&assigned_to=1&_order_by=date&_limit=50');
    expect(res.status).toBe(200);
    const page = TaskListSchema.parse(await res.json());
    expect(page.has_more).toBe(false);
    expect(page.data.map((t) => [t.id, t._type, t.is_complete, t.assigned_to, t.assigned_to_name])).toEqual([
      ['1', 'outgoing_call', false, '1', 'Alex Morgan'],
      ['2', 'email_followup', false, '1', 'Alex Morgan'],
      ['3', 'lead', false, '1', 'Alex Morgan'],
    ]);
    expect(page.data[0]).toMatchObject({ phone: '+15551234567', contact_name: 'Dana Scully', lead_name: 'FBI', date: '2026-03-10T14:00:00.000Z' });
    expect(page.data[2]).toMatchObject({ text: 'Send the deck' });
    const list = fake.seen.find((s) => s.path === '/api/v2/tasks')!;
    expect(Object.fromEntries(list.query)).toEqual({
      'filter[state]': 'incomplete',
      'filter[dueAt]': 'neginf..2026-03-11T04:59:59.999Z',
      'filter[owner][id]': '1',
      sort: 'dueAt,id',
      include: 'prospect,account,sequence,sequenceStep',
      'page[size]': '50',
    });
    expect(list.authorization).toBe('Bearer good-token');
  });

  it('reads on page by page through the cursor it kept: one Outreach call per page', async () => {
    await start();
    const first = TaskListSchema.parse(await (await get('/task/?view=inbox&_type=all&_limit=2')).json());
    expect(first).toMatchObject({ has_more: true });
    const before = fake.seen.filter((s) => s.path === '/api/v2/tasks').length;
    const second = TaskListSchema.parse(await (await get('/task/?view=inbox&_type=all&_limit=2&_skip=2')).json());
    expect([...first.data, ...second.data].map((t) => t.id)).toEqual(['1', '2', '3']);
    expect(second.has_more).toBe(false);
    const calls = fake.seen.filter((s) => s.path === '/api/v2/tasks').slice(before);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.query.get('page[after]')).toBe('2');
  });

  it('answers a 429 with Outreach rate-limit headers and a wait the browser reads', async () => {
    await start();
    fake.faults.push({ status: 429, headers: { 'x-ratelimit-limit': '10000', 'x-ratelimit-remaining': '0', 'retry-after': '7' }, body: { errors: [{ id: 'rateLimitExceeded', title: 'Rate Limit Exceeded', detail: 'You have exceeded your permitted rate limit of 10,000; please try again at 2026-03-10 16:00:00 UTC.' }] } });
    const res = await get('/task/3/');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
    expect((await res.json()).error).toMatch(/exceeded your permitted rate limit/);
  });

  it('answers a 5xx from Outreach as a 502 the outbox retries, leaking nothing', async () => {
    await start();
    fake.faults.push({ status: 503, body: { errors: [{ id: 'x', title: 'internal stack trace' }] } });
    const res = await get('/task/1/');
    expect(res.status).toBe(502);
    expect(await res.json()).toEqual({ error: 'Outreach had a problem (HTTP 503).' });
  });

  it('meets an expired token with exactly one refresh, then goes on with the new token', async () => {
    fake.validTokens = new Set(['fresh-token']);
    await start('expired-token', 'fresh-token');
    const res = await get('/task/1/');
    expect(res.status).toBe(200);
    expect(TaskSchema.parse(await res.json()).id).toBe('1');
    expect(refreshes).toBe(1);
    expect(fake.seen.map((s) => s.authorization)).toEqual(['Bearer expired-token', 'Bearer fresh-token', 'Bearer fresh-token']);
    expect(refusedSessions).toBe(0);
  });

  it('refreshes once only: refused again, the session ends and the browser is sent to sign in', async () => {
    fake.validTokens = new Set();
    await start('expired-token', 'also-refused');
    const res = await get('/task/1/');
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ sign_in_required: true });
    expect(refreshes).toBe(1);
    expect(fake.seen).toHaveLength(2);
    expect(refusedSessions).toBe(1);
  });

  it('completes a sequence step without moving the sequence on, and refuses to reopen', async () => {
    await start();
    const done = await put('/task/2/', { is_complete: true });
    expect(done.status).toBe(200);
    expect(TaskSchema.parse(await done.json()).is_complete).toBe(true);
    const action = fake.seen.find((s) => s.path === '/api/v2/tasks/2/actions/markComplete')!;
    expect(Object.fromEntries(action.query)).toEqual({ 'actionParams[completionAction]': 'finish_no_reply' });
    const noted = await put('/task/3/', { is_complete: true, completion_note: 'Sent it' });
    expect(noted.status).toBe(200);
    const withNote = fake.seen.find((s) => s.path === '/api/v2/tasks/3/actions/markComplete')!;
    expect(Object.fromEntries(withNote.query)).toEqual({ 'actionParams[completionNote]': 'Sent it' });
    const reopen = await put('/task/2/', { is_complete: false });
    expect(reopen.status).toBe(422);
    expect(await reopen.json()).toEqual({ error: 'Outreach cannot reopen a completed task.' });
  });

  it("reschedules a date-only snooze to the start of that day in the person's zone; reassigns and notes", async () => {
    await start();
    const res = await put('/task/1/', { date: '2026-03-12', assigned_to: '2', text: 'Call after lunch' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ date: '2026-03-12T05:00:00.000Z', assigned_to: '2', assigned_to_name: 'Sam Lee', text: 'Call after lunch' });
    const actions = fake.seen.filter((s) => s.path.includes('/actions/')).map((s) => [s.path.split('/').at(-1), Object.fromEntries(s.query)]);
    expect(actions).toEqual([
      ['reassignOwner', { 'actionParams[ownerId]': '2' }],
      ['reschedule', { 'actionParams[dueAt]': '2026-03-12T05:00:00.000Z' }],
      ['updateNote', { 'actionParams[note]': 'Call after lunch' }],
    ]);
  });

  it('changes tasks named by id one after another; a change by filters is refused with the reason', async () => {
    await start();
    const res = await put('/task/', { assigned_to: '2', _params: { id__in: '1,3', _type: 'all' } });
    expect(await res.json()).toEqual({ updated: 2 });
    expect(fake.tasks.get(1)!.relationships.owner!.data!.id).toBe(2);
    expect(fake.tasks.get(3)!.relationships.owner!.data!.id).toBe(2);
    const byView = await fetch(`${app!.url}/api/v1/task/?view=inbox&_type=all`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ is_complete: true }) });
    expect(byView.status).toBe(400);
    expect((await byView.json()).error).toMatch(/name them in _params.id__in/);
  });

  it('names the bad field: a malformed body, zone or page', async () => {
    await start();
    expect(await (await put('/task/1/', { priority: 'urgent' })).json()).toMatchObject({ 'field-errors': { priority: expect.any(String) } });
    expect(await (await put('/task/1/', { completion_note: 'x' })).json()).toMatchObject({ 'field-errors': { completion_note: expect.any(String) } });
    expect(await (await get('/task/?view=inbox', 'far')).json()).toMatchObject({ 'field-errors': { 'x-tz-offset': expect.any(String) } });
    expect(await (await get('/task/?view=inbox&_skip=100000000000000000000')).json()).toMatchObject({ 'field-errors': { _skip: expect.any(String) } });
    expect((await get('/lead/abc/')).status).toBe(404);
  });

  it("reads the heaviest taskPriority as high and any other or none as medium; a sequence task names its sequence and step", async () => {
    fake.tasks.set(1, outreachTask(1, 'call', '2026-03-10T14:00:00.000Z', { priority: FAKE_PRIORITIES.high }));
    fake.tasks.set(3, outreachTask(3, 'action_item', '2026-03-09T09:00:00.000Z', { priority: FAKE_PRIORITIES.low }));
    await start();
    const page = TaskListSchema.parse(await (await get('/task/?view=inbox&_type=all&_limit=50')).json());
    expect(page.data.map((t) => [t.id, t.priority])).toEqual([['1', 'high'], ['2', 'medium'], ['3', 'medium']]);
    expect(page.data[1]).toMatchObject({ sequence_name: 'Enterprise outbound', sequence_step_order: 2 });
    expect(page.data[0]!.sequence_name).toBeUndefined();
    expect(TaskSchema.parse(await (await get('/task/1/')).json()).priority).toBe('high');
    // Once per credential: the list and the task above asked Outreach for the priorities once.
    expect(fake.seen.filter((s) => s.path === '/api/v2/taskPriorities')).toHaveLength(1);
  });

  it('sets priority with a PATCH of taskPriority; medium puts back what high replaced (Undo), or Medium', async () => {
    fake.tasks.set(3, outreachTask(3, 'action_item', '2026-03-09T09:00:00.000Z', { priority: FAKE_PRIORITIES.low }));
    fake.tasks.set(1, outreachTask(1, 'call', '2026-03-10T14:00:00.000Z', { priority: FAKE_PRIORITIES.high }));
    await start();
    const priorityOf = (id: number) => fake.tasks.get(id)!.relationships.taskPriority!.data?.id ?? null;
    const high = await put('/task/3/', { priority: 'high' });
    expect(high.status).toBe(200);
    expect(TaskSchema.parse(await high.json()).priority).toBe('high');
    expect(fake.patches).toEqual([{ data: { type: 'task', id: 3, relationships: { taskPriority: { data: { type: 'taskPriority', id: FAKE_PRIORITIES.high } } } } }]);
    expect(fake.seen.find((s) => s.method === 'PATCH')!.contentType).toBe('application/vnd.api+json');
    // Undo sends the value before: Low comes back, not Medium.
    expect(TaskSchema.parse(await (await put('/task/3/', { priority: 'medium' })).json()).priority).toBe('medium');
    expect(priorityOf(3)).toBe(FAKE_PRIORITIES.low);
    // Medium on a task that is not high already: nothing is sent, its Low stays.
    const before = fake.patches.length;
    expect((await put('/task/3/', { priority: 'medium' })).status).toBe(200);
    expect(fake.patches).toHaveLength(before);
    expect(priorityOf(3)).toBe(FAKE_PRIORITIES.low);
    // High set in Outreach itself: medium is the priority named Medium.
    expect((await put('/task/1/', { priority: 'medium' })).status).toBe(200);
    expect(priorityOf(1)).toBe(FAKE_PRIORITIES.medium);
    // None, made high, then undone: none again.
    expect((await put('/task/2/', { priority: 'high' })).status).toBe(200);
    expect((await put('/task/2/', { priority: 'medium' })).status).toBe(200);
    expect(priorityOf(2)).toBeNull();
    expect(fake.seen.filter((s) => s.path === '/api/v2/taskPriorities')).toHaveLength(1);
  });

  it('sets priority on tasks named by id, one PATCH each, and refuses a value that is not one', async () => {
    await start();
    const res = await put('/task/', { priority: 'high', _params: { id__in: '1,3' } });
    expect(await res.json()).toEqual({ updated: 2 });
    expect(fake.tasks.get(1)!.relationships.taskPriority!.data?.id).toBe(FAKE_PRIORITIES.high);
    expect(fake.tasks.get(3)!.relationships.taskPriority!.data?.id).toBe(FAKE_PRIORITIES.high);
    expect(fake.tasks.get(2)!.relationships.taskPriority!.data).toBeNull();
    expect(fake.patches).toHaveLength(2);
    const undone = await put('/task/', { priority: 'medium', _params: { id__in: '1,3' } });
    expect(await undone.json()).toEqual({ updated: 2 });
    expect(fake.tasks.get(1)!.relationships.taskPriority!.data).toBeNull();
    const bad = await put('/task/', { priority: 'urgent', _params: { id__in: '1' } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ 'field-errors': { priority: expect.any(String) } });
    const badOne = await put('/task/1/', { priority: 'low' });
    expect(badOne.status).toBe(400);
    expect(await badOne.json()).toMatchObject({ 'field-errors': { priority: expect.any(String) } });
  });

  it('reads every task as medium when the token may not read priorities, and says so on a priority write', async () => {
    fake.refusePriorities = true;
    fake.tasks.set(1, outreachTask(1, 'call', '2026-03-10T14:00:00.000Z', { priority: FAKE_PRIORITIES.high }));
    await start();
    expect(TaskSchema.parse(await (await get('/task/1/')).json()).priority).toBe('medium');
    const res = await put('/task/1/', { priority: 'high', text: 'unchanged' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ 'field-errors': { priority: expect.stringMatching(/sign in again/) } });
    // Refused before anything was sent: the note is as it was.
    expect(fake.seen.filter((s) => s.path.includes('/actions/'))).toEqual([]);
  });

  it('answers me and the users, and declares what Outreach cannot do', async () => {
    await start();
    expect(await (await get('/me/')).json()).toMatchObject({ id: '1', first_name: 'Alex', organizations: [{ id: 'outreach' }] });
    expect(await (await get('/user/?_limit=1&_skip=1')).json()).toEqual({ data: [{ id: '2', email: 'sam@example.com', first_name: 'Sam', last_name: 'Lee' }], has_more: false });
    const capabilities = CapabilitiesSchema.parse(await (await fetch(`${app!.url}/api/capabilities`)).json());
    expect(capabilities).toMatchObject({ connector: 'outreach', reopen: false, priority: true, createTask: false, bulkByFilter: false, activities: { sms: false } });
  });
});
