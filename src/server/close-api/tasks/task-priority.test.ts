import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestApi, startTestCloseApi } from '../testing/test-close-api';

type TaskJson = Record<string, unknown> & { id: string };
type ErrorJson = { 'field-errors': Record<string, string> };

let api: TestApi;
const nowMs = Date.UTC(2026, 10, 23, 12, 0);

beforeEach(async () => {
  api = await startTestCloseApi({ now: () => nowMs });
});
afterEach(() => api.close());

const snapshot = () => api.db.prepare('SELECT * FROM tasks ORDER BY seq').all();
const put = (path: string, body: unknown) => api.fetch(path, { method: 'PUT', body: JSON.stringify(body) });
const get = async (id: string) => (await (await api.fetch(`/task/${id}/`)).json()) as TaskJson;

async function expectPriority400(res: Response): Promise<string> {
  expect(res.status).toBe(400);
  const body = (await res.json()) as ErrorJson;
  expect(Object.keys(body['field-errors'])).toEqual(['priority']);
  return body['field-errors'].priority!;
}

describe("a task's priority (Close's high / medium)", () => {
  it('is medium on every task until set, in GET and in lists', async () => {
    const lead = api.addTask({ date: '2026-11-20' });
    const vm = api.addTask({ type: 'voicemail', date: '2026-11-20' });
    expect((await get(lead)).priority).toBe('medium');
    expect((await get(vm)).priority).toBe('medium');
    const list = (await (await api.fetch('/task/?_type=all')).json()) as { data: TaskJson[] };
    expect(list.data.map((t) => t.priority)).toEqual(['medium', 'medium']);
  });

  it('PUT /task/{id}/ sets it on any type and back, stamping the update', async () => {
    const vm = api.addTask({ type: 'voicemail', date: '2026-11-20' });
    const res = await put(`/task/${vm}/`, { priority: 'high' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ priority: 'high', updated_by: api.users.rep.id, date_updated: '2026-11-23T12:00:00+00:00' });
    expect((await get(vm)).priority).toBe('high');
    expect(await (await put(`/task/${vm}/`, { priority: 'medium', is_complete: true })).json()).toMatchObject({ priority: 'medium', is_complete: true });
  });

  it('refuses anything but high or medium (null, low, a number) with 400 naming priority, changing nothing', async () => {
    const id = api.addTask({ date: '2026-11-20' });
    const before = snapshot();
    for (const priority of [null, 'low', 'HIGH', '', 3]) {
      expect(await expectPriority400(await put(`/task/${id}/`, { priority, is_complete: true }))).toBe('Not a priority: use "high" or "medium".');
    }
    expect(snapshot()).toEqual(before);
  });

  it('bulk PUT /task/ sets it on every matching task, and refuses a bad value for all', async () => {
    const ids = [api.addTask({ date: '2026-11-20' }), api.addTask({ type: 'voicemail', date: '2026-11-21' })];
    const other = api.addTask({ date: '2026-11-22' });
    const res = await put('/task/', { priority: 'high', _params: { id__in: ids.join(','), _type: 'all' } });
    expect(await res.json()).toEqual({ updated: 2 });
    expect((await get(ids[0]!)).priority).toBe('high');
    expect((await get(ids[1]!)).priority).toBe('high');
    expect((await get(other)).priority).toBe('medium');
    const before = snapshot();
    await expectPriority400(await put('/task/', { priority: 'urgent', _params: { id__in: other } }));
    expect(snapshot()).toEqual(before);
  });

  it('has no list filter (Close documents none): GET /task/ ignores priority, as it does any unknown parameter', async () => {
    const high = api.addTask({ date: '2026-11-20' });
    api.addTask({ date: '2026-11-21' });
    await put(`/task/${high}/`, { priority: 'high' });
    const res = await api.fetch('/task/?priority=medium');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: TaskJson[] }).data.map((t) => t.priority)).toEqual(['high', 'medium']);
  });

  it('refuses completion_note (a contract field for backends that keep one; Close does not), changing nothing', async () => {
    const id = api.addTask({ date: '2026-11-20' });
    const before = snapshot();
    const res = await put(`/task/${id}/`, { is_complete: true, completion_note: 'Left a voicemail' });
    expect(res.status).toBe(400);
    expect(Object.keys(((await res.json()) as ErrorJson)['field-errors'])).toEqual(['completion_note']);
    expect(snapshot()).toEqual(before);
  });
});
