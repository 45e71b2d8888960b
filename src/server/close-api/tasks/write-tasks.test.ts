import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestApi, startTestCloseApi } from '../testing/test-close-api';

type TaskJson = Record<string, unknown> & { id: string };
type ErrorJson = { errors: string[]; 'field-errors': Record<string, string> };

let api: TestApi;
const nowMs = Date.UTC(2026, 10, 23, 12, 0);

beforeEach(async () => {
  api = await startTestCloseApi({ now: () => nowMs });
});
afterEach(() => api.close());

/** Everything a failed write must leave exactly as it was. */
const snapshot = () => api.db.prepare('SELECT * FROM tasks ORDER BY seq').all();

async function expect400(res: Response, field: string): Promise<ErrorJson> {
  expect(res.status).toBe(400);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const body = (await res.json()) as ErrorJson;
  expect(Object.keys(body['field-errors'])).toContain(field);
  return body;
}

const put = (path: string, body: unknown, init: { key?: string; tz?: string } = {}) =>
  api.fetch(path, { method: 'PUT', body: typeof body === 'string' ? body : JSON.stringify(body), ...init });
const post = (path: string, body: unknown) =>
  api.fetch(path, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('POST /task/', () => {
  it('creates a lead task with Close denormalized fields and answers 200', async () => {
    const res = await post('/task/', { lead_id: api.leadId, text: 'Send the quote', date: '2026-11-24', assigned_to: api.users.manager.id });
    expect(res.status).toBe(200);
    const task = (await res.json()) as TaskJson;
    expect(task).toMatchObject({
      _type: 'lead',
      text: 'Send the quote',
      date: '2026-11-24',
      is_complete: false,
      is_dateless: false,
      lead_id: api.leadId,
      lead_name: 'Acme Corp',
      assigned_to: api.users.manager.id,
      assigned_to_name: 'Mona Manager',
      created_by: api.users.rep.id,
      created_by_name: 'Rita Rep',
      updated_by: api.users.rep.id,
      organization_id: api.organizationId,
      object_type: null,
      object_id: null,
      view: 'future',
      date_created: '2026-11-23T12:00:00+00:00',
    });
    expect(task.id).toMatch(/^task_[A-Za-z0-9]{43}$/);
    const fetched = (await (await api.fetch(`/task/${task.id}/`)).json()) as TaskJson;
    expect(fetched).toEqual(task);
  });

  it('makes a task without a date dateless and actionable now', async () => {
    const task = (await (await post('/task/', { lead_id: api.leadId, text: 'Whenever' })).json()) as TaskJson;
    expect(task.is_dateless).toBe(true);
    expect(task.date).toBe('2026-11-23T12:00:00+00:00');
    expect(task.view).toBe('inbox');
    expect(task.assigned_to).toBe(api.users.rep.id);
  });

  it('creates an outgoing call to a contact of the lead', async () => {
    const res = await post('/task/', { _type: 'outgoing_call', lead_id: api.leadId, contact_id: api.contactId, date: '2026-11-23' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ _type: 'outgoing_call', contact_name: 'Dana Buyer', object_type: 'call' });
  });

  const badBodies: Array<[string, unknown, string]> = [
    ['unknown lead', { lead_id: 'lead_nope', text: 'x' }, 'lead_id'],
    ['missing lead', { text: 'x' }, 'lead_id'],
    ['unknown assignee', { lead_id: 'LEAD', text: 'x', assigned_to: 'user_nope' }, 'assigned_to'],
    ['assignee of another organization', { lead_id: 'LEAD', text: 'x', assigned_to: 'OTHER' }, 'assigned_to'],
    ['malformed date', { lead_id: 'LEAD', text: 'x', date: 'next tuesday' }, 'date'],
    ['read-only field', { lead_id: 'LEAD', text: 'x', view: 'inbox' }, 'view'],
    ['unknown field', { lead_id: 'LEAD', text: 'x', priority: 'high' }, 'priority'],
    ['wrong type', { lead_id: 'LEAD', text: 42 }, 'text'],
    ['uncreatable type', { lead_id: 'LEAD', text: 'x', _type: 'voicemail' }, '_type'],
    ['empty text', { lead_id: 'LEAD', text: '  ' }, 'text'],
    ['call without contact', { lead_id: 'LEAD', _type: 'outgoing_call' }, 'contact_id'],
  ];
  for (const [what, body, field] of badBodies) {
    it(`refuses ${what} with 400 naming ${field} and creates nothing`, async () => {
      const before = snapshot();
      const json = JSON.stringify(body).replace('"LEAD"', JSON.stringify(api.leadId)).replace('"OTHER"', JSON.stringify(api.users.other.id));
      await expect400(await post('/task/', json), field);
      expect(snapshot()).toEqual(before);
    });
  }

  it('says a missing field is required, and a wrong one what it should be', async () => {
    expect((await expect400(await post('/task/', { text: 'x' }), 'lead_id'))['field-errors'].lead_id).toBe('This field is required.');
    expect((await expect400(await post('/task/', { lead_id: api.leadId, text: 42 }), 'text'))['field-errors'].text).toMatch(/expected string, received number/);
  });

  it('refuses a body that is not JSON, or not an object', async () => {
    await expect400(await post('/task/', '{"lead_id": '), '__all__');
    await expect400(await post('/task/', '[1,2]'), '__all__');
    await expect400(await post('/task/', ''), '__all__');
    expect(snapshot()).toEqual([]);
  });
});

describe('PUT /task/{id}/', () => {
  it('completes, reassigns and reschedules, stamping updated_by and date_updated', async () => {
    const id = api.addTask({ date: '2026-11-20', assignedTo: api.users.rep.id });
    const res = await put(`/task/${id}/`, { is_complete: true, assigned_to: api.users.manager.id, date: '2026-11-25T15:00:00-05:00' }, { key: api.users.manager.key });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      is_complete: true,
      assigned_to: api.users.manager.id,
      assigned_to_name: 'Mona Manager',
      date: '2026-11-25T20:00:00+00:00',
      updated_by: api.users.manager.id,
      updated_by_name: 'Mona Manager',
      date_updated: '2026-11-23T12:00:00+00:00',
      view: 'archive',
    });
  });

  it('keeps a date-only date date-only and edits a lead task text', async () => {
    const id = api.addTask({ date: '2026-11-20T10:00:00Z' });
    const task = (await (await put(`/task/${id}`, { date: '2026-12-01', text: 'New text' })).json()) as TaskJson;
    expect(task.date).toBe('2026-12-01');
    expect(task.text).toBe('New text');
  });

  it('refuses text on a task that is not a lead task, and bad values, changing nothing', async () => {
    const vm = api.addTask({ type: 'voicemail', date: '2026-11-20', extra: { voicemail_url: '/media/x.wav' } });
    const lead = api.addTask({ date: '2026-11-20' });
    const before = snapshot();
    await expect400(await put(`/task/${vm}/`, { text: 'hi', is_complete: true }), 'text');
    await expect400(await put(`/task/${lead}/`, { is_complete: 'yes' }), 'is_complete');
    await expect400(await put(`/task/${lead}/`, { assigned_to: 'user_nope' }), 'assigned_to');
    await expect400(await put(`/task/${lead}/`, { date: '2026-02-30' }), 'date');
    await expect400(await put(`/task/${lead}/`, { lead_name: 'x' }), 'lead_name');
    await expect400(await put(`/task/${lead}/`, 'not json'), '__all__');
    expect(snapshot()).toEqual(before);
  });

  it('answers 404 JSON for an unknown id', async () => {
    const res = await put('/task/task_nope/', { is_complete: true });
    expect(res.status).toBe(404);
    expect(await res.json()).toHaveProperty('error');
  });
});

describe('DELETE /task/{id}/', () => {
  it('answers 200 with a JSON body, then the task is gone', async () => {
    const id = api.addTask({ date: '2026-11-20' });
    const res = await api.fetch(`/task/${id}/`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({});
    expect((await api.fetch(`/task/${id}/`)).status).toBe(404);
    expect((await api.fetch(`/task/${id}/`, { method: 'DELETE' })).status).toBe(404);
  });
});

describe('PUT /task/ (bulk)', () => {
  it('updates every task matching id__in in the query string', async () => {
    const ids = [api.addTask({ date: '2026-11-20' }), api.addTask({ type: 'voicemail', date: '2026-11-21' })];
    const other = api.addTask({ date: '2026-11-22' });
    const res = await put(`/task/?_type=all&id__in=${ids.join('%2C')}`, { assigned_to: api.users.manager.id });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ updated: 2 });
    const rows = api.db.prepare('SELECT id, assigned_to, updated_by FROM tasks').all() as Array<{ id: string; assigned_to: string; updated_by: string | null }>;
    for (const r of rows) {
      expect(r.assigned_to).toBe(ids.includes(r.id) ? api.users.manager.id : api.users.rep.id);
      expect(r.updated_by).toBe(ids.includes(r.id) ? api.users.rep.id : null);
    }
    expect(rows.find((r) => r.id === other)!.assigned_to).toBe(api.users.rep.id);
  });

  it('takes filters from _params in the body, and keeps the lead-only default without _type', async () => {
    const lead = api.addTask({ date: '2026-11-20' });
    const vm = api.addTask({ type: 'voicemail', date: '2026-11-20' });
    const res = await put('/task/', { is_complete: true, _params: { id__in: `${lead},${vm}` } });
    expect(await res.json()).toEqual({ updated: 1 });
    const res2 = await put('/task/', { is_complete: true, _params: { id__in: `${lead},${vm}`, _type: 'all' } });
    expect(await res2.json()).toEqual({ updated: 2 });
  });

  it('applies a view filter with the caller time zone', async () => {
    api.addTask({ date: '2026-11-23', text: 'today' });
    api.addTask({ date: '2026-11-24T07:00:00Z', text: 'tomorrow UTC, today in PST' });
    api.addTask({ date: '2026-11-30', text: 'later' });
    const res = await put('/task/?view=inbox', { date: '2026-12-07' }, { tz: '-8' });
    expect(await res.json()).toEqual({ updated: 2 });
    const dates = api.db.prepare('SELECT text, date_text FROM tasks ORDER BY seq').all();
    expect(dates).toEqual([
      { text: 'today', date_text: '2026-12-07' },
      { text: 'tomorrow UTC, today in PST', date_text: '2026-12-07' },
      { text: 'later', date_text: '2026-11-30' },
    ]);
  });

  it('is all-or-nothing and refuses what could rewrite the organization', async () => {
    api.addTask({ date: '2026-11-20' });
    api.addTask({ date: '2026-11-21' });
    const before = snapshot();
    await expect400(await put('/task/', { assigned_to: api.users.manager.id }), '_params');
    await expect400(await put('/task/?_type=all', { assigned_to: api.users.manager.id }), '_params');
    await expect400(await put('/task/?asigned_to=x', { is_complete: true }), 'asigned_to');
    await expect400(await put('/task/?view=inbox', { assigned_to: 'user_nope' }), 'assigned_to');
    await expect400(await put('/task/?view=inbox', { text: 'x' }), 'text');
    await expect400(await put('/task/?view=inbox', { date: 'soon' }), 'date');
    await expect400(await put('/task/?view=inbox', {}), '__all__');
    await expect400(await put('/task/?view=someday', { is_complete: true }), 'view');
    await expect400(await put('/task/?view=inbox&_limit=5', { is_complete: true }), '_limit');
    expect(snapshot()).toEqual(before);
  });

  it('rolls back every row when a write fails midway', async () => {
    const ids = Array.from({ length: 50 }, (_, i) => api.addTask({ date: `2026-10-${String(1 + (i % 28)).padStart(2, '0')}` }));
    api.db.exec(`CREATE TRIGGER fail_midway BEFORE UPDATE ON tasks WHEN NEW.id = '${ids[37]}' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;`);
    const before = snapshot();
    const res = await put(`/task/?id__in=${ids.join(',')}`, { assigned_to: api.users.manager.id });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: 'Internal server error.' });
    expect(String(api.unexpectedErrors[0])).toMatch(/disk on fire/);
    expect(snapshot()).toEqual(before);
  });
});
