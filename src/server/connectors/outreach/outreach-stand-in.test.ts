/** The Outreach connector against the embedded Outreach-compatible stand-in (src/server/outreach-api). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Task, TaskListSchema, TaskSchema } from '@/shared/close/schemas';
import { fixedCredential } from '../../auth/upstream-credential';
import { DEFAULT_OUTREACH_TOKEN } from '../../outreach-api/demo/outreach-demo-data';
import { type TestOutreachApi, startTestOutreachApi } from '../../outreach-api/testing/test-outreach-api';
import { type TestApp, startTestApp } from '../../testing/start-test-app';
import { createOutreachConnector } from './outreach-connector';

let api: TestOutreachApi;
let app: TestApp;

beforeEach(async () => {
  api = await startTestOutreachApi();
  const connector = createOutreachConnector({ baseUrl: api.baseUrl, oauth: null, now: () => api.clock.nowMs });
  app = await startTestApp({ upstream: { baseUrl: 'http://127.0.0.1:9/api/v1' }, connector, credentials: fixedCredential(`Bearer ${DEFAULT_OUTREACH_TOKEN}`) });
});
afterEach(async () => {
  await app.close();
  expect(api.unexpectedErrors).toEqual([]);
  await api.close();
});

const TZ = { 'x-tz-offset': '-5' };
const get = async (path: string) => {
  const res = await fetch(`${app.url}/api/v1${path}`, { headers: TZ });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
};
const put = (path: string, body: unknown) => fetch(`${app.url}/api/v1${path}`, { method: 'PUT', headers: { ...TZ, 'content-type': 'application/json' }, body: JSON.stringify(body) });
const list = async (view: string, me: string): Promise<Task[]> => TaskListSchema.parse(await get(`/task/?view=${view}&_type=all&assigned_to=${me}&_order_by=date&_limit=200`)).data;

describe('the Outreach connector against the stand-in', () => {
  it("reads the demo user's inbox, future and archive, each task in its view", async () => {
    const me = (await get('/me/')) as { id: string; first_name: string };
    expect(me.first_name).toBeTruthy();
    const tomorrowStartMs = tomorrowStart(api.clock.nowMs, -5);
    const inbox = await list('inbox', me.id);
    const future = await list('future', me.id);
    const archive = await list('archive', me.id);
    expect(inbox.length).toBeGreaterThan(0);
    expect(inbox.every((t) => !t.is_complete && t.assigned_to === me.id && Date.parse(t.date!) < tomorrowStartMs)).toBe(true);
    expect(future.every((t) => !t.is_complete && Date.parse(t.date!) >= tomorrowStartMs)).toBe(true);
    expect(archive.every((t) => t.is_complete)).toBe(true);
    expect(new Set(inbox.map((t) => t._type))).toContain('outgoing_call');
    expect(inbox.find((t) => t._type === 'outgoing_call')?.phone).toMatch(/^\+?\d/);
  });

  it('completes, snoozes and reassigns through Outreach actions; reopening is refused', async () => {
    const me = (await get('/me/')) as { id: string };
    const [first, second] = await list('inbox', me.id);
    const done = await put(`/task/${first!.id}/`, { is_complete: true });
    expect(done.status, await done.clone().text()).toBe(200);
    expect(TaskSchema.parse(await done.json()).is_complete).toBe(true);
    expect((await list('archive', me.id)).map((t) => t.id)).toContain(first!.id);
    expect((await list('inbox', me.id)).map((t) => t.id)).not.toContain(first!.id);

    const snoozed = await put(`/task/${second!.id}/`, { date: '2026-03-20' });
    expect(snoozed.status, await snoozed.clone().text()).toBe(200);
    expect((await list('future', me.id)).map((t) => t.id)).toContain(second!.id);

    const users = (await get('/user/')) as { data: { id: string }[] };
    const other = users.data.find((u) => u.id !== me.id)!;
    const moved = await put('/task/', { assigned_to: other.id, _params: { id__in: second!.id, _type: 'all' } });
    expect(await moved.json()).toEqual({ updated: 1 });
    expect(TaskSchema.parse(await get(`/task/${second!.id}/`)).assigned_to).toBe(other.id);

    const reopen = await put(`/task/${first!.id}/`, { is_complete: false });
    expect(reopen.status).toBe(422);
  });

  it("shows the demo's priorities and sequence steps, sets priority and puts back what it replaced", async () => {
    const me = (await get('/me/')) as { id: string };
    const inbox = await list('inbox', me.id);
    const priorities = (await stand('/taskPriorities')) as { data: { id: number; attributes: { name: string } }[] };
    const idOf = (name: string) => priorities.data.find((p) => p.attributes.name === name)!.id;
    const outreachPriority = async (id: string) => ((await stand(`/tasks/${id}`)) as { data: { relationships: { taskPriority: { data: { id: number } | null } } } }).data.relationships.taskPriority.data?.id ?? null;
    expect(inbox.some((t) => t.priority === 'high')).toBe(true);
    for (const t of inbox) expect(t.priority).toBe((await outreachPriority(t.id)) === idOf('High') ? 'high' : 'medium');
    const step = inbox.find((t) => typeof t.sequence_step_id === 'string')!;
    expect(step).toMatchObject({ sequence_name: expect.any(String), sequence_step_order: expect.any(Number) });

    const lowIds: string[] = [];
    for (const t of inbox) if ((await outreachPriority(t.id)) === idOf('Low')) lowIds.push(t.id);
    expect(lowIds.length).toBeGreaterThan(0);
    const target = lowIds[0]!;
    const high = await put(`/task/${target}/`, { priority: 'high' });
    expect(high.status, await high.clone().text()).toBe(200);
    expect(TaskSchema.parse(await high.json()).priority).toBe('high');
    expect(await outreachPriority(target)).toBe(idOf('High'));
    const undone = await put(`/task/${target}/`, { priority: 'medium' });
    expect(TaskSchema.parse(await undone.json()).priority).toBe('medium');
    expect(await outreachPriority(target)).toBe(idOf('Low'));

    const bulk = await put('/task/', { priority: 'high', _params: { id__in: lowIds.join(',') } });
    expect(await bulk.json()).toEqual({ updated: lowIds.length });
    for (const id of lowIds) expect(await outreachPriority(id)).toBe(idOf('High'));
    const bad = await put(`/task/${target}/`, { priority: 'Low' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ 'field-errors': { priority: expect.any(String) } });
  });
});

/** The stand-in itself, as the demo user. */
async function stand(path: string): Promise<unknown> {
  const res = await fetch(`${api.baseUrl}${path}`, { headers: { authorization: `Bearer ${DEFAULT_OUTREACH_TOKEN}`, accept: 'application/vnd.api+json' } });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}

/** The start of tomorrow at a fixed offset, as an instant. */
function tomorrowStart(nowMs: number, offsetHours: number): number {
  const shift = offsetHours * 3_600_000;
  return Math.floor((nowMs + shift) / 86_400_000) * 86_400_000 - shift + 86_400_000;
}
