import { afterEach, describe, expect, it } from 'vitest';
import { type TestOutreachApi, TEST_NOW_MS, startTestOutreachApi } from '../testing/test-outreach-api';

type Task = { id: number; attributes: Record<string, unknown>; relationships: Record<string, { data?: { type: string; id: number } | null }> };
type Errors = { errors: { id: string; detail: string; source?: { parameter?: string; pointer?: string } }[] };
const DAY_MS = 86_400_000;

let api: TestOutreachApi;
afterEach(async () => {
  expect(api.unexpectedErrors).toEqual([]);
  await api.close();
});

function taskWhere(where: string): number {
  const row = api.db.prepare(`SELECT id FROM tasks WHERE ${where} ORDER BY id LIMIT 1`).get() as { id: number } | undefined;
  if (!row) throw new Error(`no task where ${where}`);
  return row.id;
}

async function act(id: number, action: string, params: Record<string, string> = {}): Promise<Response> {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [`actionParams[${k}]`, v])).toString();
  return api.fetch(`/tasks/${id}/actions/${action}${query ? `?${query}` : ''}`, { method: 'POST' });
}

async function ok(res: Response): Promise<Task> {
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: Task }).data;
}

async function refused(res: Response, status: number): Promise<Errors['errors'][number]> {
  expect(res.status).toBe(status);
  return ((await res.json()) as Errors).errors[0]!;
}

const tasksOfState = (stateId: number) =>
  api.db.prepare('SELECT id, state, sequence_step_id FROM tasks WHERE sequence_state_id = ? ORDER BY id').all(stateId) as { id: number; state: string }[];

describe('markComplete', () => {
  it('completes a manual task with completedAt, completer, and the completion note kept for the prospect', async () => {
    api = await startTestOutreachApi();
    const id = taskWhere(`task_type = 'manual' AND state = 'incomplete'`);
    const task = await ok(await act(id, 'markComplete', { completionNote: 'Spoke to Dana' }));
    expect(task.attributes).toMatchObject({ state: 'complete', completed: true, completedAt: new Date(TEST_NOW_MS).toISOString() });
    expect(task.relationships.completer!.data).toEqual({ type: 'user', id: api.users.alex!.id });
    expect(api.db.prepare('SELECT completion_note FROM tasks WHERE id = ?').get(id)).toEqual({ completion_note: 'Spoke to Dana' });
    expect((await refused(await act(id, 'markComplete'), 422)).id).toBe('validationError');
  });

  it('advances the sequence unless completionAction finishes it', async () => {
    api = await startTestOutreachApi();
    const advancing = taskWhere(`task_type LIKE 'sequence_step_%' AND state = 'incomplete'`);
    const stateId = (api.db.prepare('SELECT sequence_state_id AS s FROM tasks WHERE id = ?').get(advancing) as { s: number }).s;
    const before = tasksOfState(stateId).length;
    await ok(await act(advancing, 'markComplete'));
    expect(tasksOfState(stateId).length).toBe(before + 1);

    for (const completionAction of ['finish_no_reply', 'finish_replied']) {
      const id = taskWhere(`task_type LIKE 'sequence_step_%' AND state = 'incomplete' AND sequence_state_id <> ${stateId}`);
      const sid = (api.db.prepare('SELECT sequence_state_id AS s FROM tasks WHERE id = ?').get(id) as { s: number }).s;
      const count = tasksOfState(sid).length;
      await ok(await act(id, 'markComplete', { completionAction }));
      expect(tasksOfState(sid).length).toBe(count);
      expect(api.db.prepare('SELECT state FROM sequence_states WHERE id = ?').get(sid)).toEqual({ state: 'finished' });
    }
  });
});

describe('snooze, reschedule, reassign, note', () => {
  it('snooze: one day past the later of now and dueAt, or the given dueAt', async () => {
    api = await startTestOutreachApi();
    const overdue = taskWhere(`state = 'incomplete' AND due_ms < ${TEST_NOW_MS}`);
    expect((await ok(await act(overdue, 'snooze'))).attributes.dueAt).toBe(new Date(TEST_NOW_MS + DAY_MS).toISOString());
    const later = taskWhere(`state = 'incomplete' AND due_ms > ${TEST_NOW_MS + 2 * DAY_MS}`);
    const due = (api.db.prepare('SELECT due_ms AS d FROM tasks WHERE id = ?').get(later) as { d: number }).d;
    expect((await ok(await act(later, 'snooze'))).attributes.dueAt).toBe(new Date(due + DAY_MS).toISOString());
    expect((await ok(await act(later, 'snooze', { dueAt: '2026-04-01T09:00:00Z' }))).attributes.dueAt).toBe('2026-04-01T09:00:00.000Z');
    const urgent = await ok(await act(later, 'snooze', { markAsUrgent: 'true' }));
    const high = api.db.prepare(`SELECT id FROM task_priorities WHERE name = 'High'`).get() as { id: number };
    expect(urgent.relationships.taskPriority!.data).toEqual({ type: 'taskPriority', id: high.id });
    expect((await refused(await act(taskWhere(`state = 'complete'`), 'snooze'), 422)).id).toBe('validationError');
  });

  it('reschedule needs dueAt (422 without, or with a date alone)', async () => {
    api = await startTestOutreachApi();
    const id = taskWhere(`state = 'incomplete'`);
    const missing = await refused(await act(id, 'reschedule'), 422);
    expect(missing).toMatchObject({ id: 'validationError', source: { parameter: 'actionParams[dueAt]' } });
    await refused(await act(id, 'reschedule', { dueAt: '2026-04-01' }), 422);
    const task = await ok(await act(id, 'reschedule', { dueAt: '2026-04-01T09:30:00+02:00' }));
    expect(task.attributes.dueAt).toBe('2026-04-01T07:30:00.000Z');
  });

  it('reassignOwner needs an existing user; updateNote needs a note', async () => {
    api = await startTestOutreachApi();
    const id = taskWhere(`state = 'incomplete'`);
    await refused(await act(id, 'reassignOwner'), 422);
    await refused(await act(id, 'reassignOwner', { ownerId: '999' }), 422);
    const moved = await ok(await act(id, 'reassignOwner', { ownerId: String(api.users.kenji!.id) }));
    expect(moved.relationships.owner!.data).toEqual({ type: 'user', id: api.users.kenji!.id });
    await refused(await act(id, 'updateNote'), 422);
    expect((await ok(await act(id, 'updateNote', { note: 'New note, with a comma' }))).attributes.note).toBe('New note, with a comma');
  });

  it('refuses unknown action parameters with 400 and unknown actions with 404', async () => {
    api = await startTestOutreachApi();
    const id = taskWhere(`state = 'incomplete'`);
    expect((await refused(await act(id, 'snooze', { note: 'x' }), 400)).source).toEqual({ parameter: 'actionParams[note]' });
    await refused(await act(id, 'reopen'), 404);
    await refused(await act(999_999, 'snooze'), 404);
  });
});

describe('advance and deliver', () => {
  it('advance works on sequence step tasks only', async () => {
    api = await startTestOutreachApi();
    const manual = taskWhere(`task_type = 'manual' AND state = 'incomplete'`);
    expect((await refused(await act(manual, 'advance'), 422)).detail).toContain("can be advanced");
    const step = taskWhere(`task_type LIKE 'sequence_step_%' AND state = 'incomplete'`);
    const sid = (api.db.prepare('SELECT sequence_state_id AS s FROM tasks WHERE id = ?').get(step) as { s: number }).s;
    const before = tasksOfState(sid).length;
    expect((await ok(await act(step, 'advance'))).attributes.state).toBe('complete');
    expect(tasksOfState(sid).length).toBe(before + 1);
  });

  it('deliver works on email tasks only', async () => {
    api = await startTestOutreachApi();
    await refused(await act(taskWhere(`action = 'call' AND state = 'incomplete'`), 'deliver'), 422);
    const email = taskWhere(`action = 'email' AND task_type = 'manual' AND state = 'incomplete'`);
    expect((await ok(await act(email, 'deliver'))).attributes.state).toBe('complete');
  });
});

describe('POST and PATCH /tasks', () => {
  const body = (doc: unknown) => JSON.stringify(doc);

  it('requires application/vnd.api+json on a body (415)', async () => {
    api = await startTestOutreachApi();
    const id = taskWhere(`state = 'incomplete'`);
    const res = await api.fetch(`/tasks/${id}`, { method: 'PATCH', body: body({ data: { type: 'task', id, attributes: { note: 'x' } } }), headers: { 'Content-Type': 'application/json' } });
    expect(await refused(res, 415)).toMatchObject({ id: 'unsupportedMediaType' });
    const action = await api.fetch(`/tasks/${id}/actions/snooze`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'text/plain' } });
    expect(action.status).toBe(415);
  });

  it('PATCH changes writable attributes and relationships; read-only ones are 422 with a pointer', async () => {
    api = await startTestOutreachApi();
    const id = taskWhere(`state = 'incomplete'`);
    const low = (api.db.prepare(`SELECT id FROM task_priorities WHERE name = 'Low'`).get() as { id: number }).id;
    const res = await api.fetch(`/tasks/${id}`, {
      method: 'PATCH',
      body: body({ data: { type: 'task', id, attributes: { note: 'Edited', dueAt: '2026-03-20T10:00:00Z' }, relationships: { taskPriority: { data: { type: 'taskPriority', id: low } } } } }),
    });
    const task = await ok(res);
    expect(task.attributes).toMatchObject({ note: 'Edited', dueAt: '2026-03-20T10:00:00.000Z' });
    expect(task.relationships.taskPriority!.data).toEqual({ type: 'taskPriority', id: low });
    const readOnly = await api.fetch(`/tasks/${id}`, { method: 'PATCH', body: body({ data: { type: 'task', id, attributes: { state: 'complete' } } }) });
    expect(await refused(readOnly, 422)).toMatchObject({ id: 'validationError', source: { pointer: '/data/attributes/state' } });
    const wrongId = await api.fetch(`/tasks/${id}`, { method: 'PATCH', body: body({ data: { type: 'task', id: id + 1, attributes: {} } }) });
    expect((await refused(wrongId, 422)).source).toEqual({ pointer: '/data/id' });
  });

  it('POST creates a manual, incomplete task and answers 201', async () => {
    api = await startTestOutreachApi();
    const prospect = (api.db.prepare('SELECT id FROM prospects LIMIT 1').get() as { id: number }).id;
    const res = await api.fetch('/tasks', {
      method: 'POST',
      body: body({ data: { type: 'task', attributes: { action: 'call', dueAt: '2026-03-11T14:00:00Z', note: 'Call back' },
        relationships: { owner: { data: { type: 'user', id: api.users.maya!.id } }, subject: { data: { type: 'prospect', id: prospect } } } } }),
    });
    expect(res.status).toBe(201);
    const task = ((await res.json()) as { data: Task }).data;
    expect(task.attributes).toMatchObject({ action: 'call', taskType: 'manual', state: 'incomplete', note: 'Call back' });
    expect(task.relationships.prospect!.data).toEqual({ type: 'prospect', id: prospect });
    expect(res.headers.get('location')).toBe(`${api.baseUrl}/tasks/${task.id}`);
    const missing = await api.fetch('/tasks', { method: 'POST', body: body({ data: { type: 'task', attributes: { action: 'call' } } }) });
    expect((await refused(missing, 422)).source).toEqual({ pointer: '/data/attributes/dueAt' });
    const badAction = await api.fetch('/tasks', { method: 'POST', body: body({ data: { type: 'task', attributes: { action: 'sms', dueAt: '2026-03-11T14:00:00Z' } } }) });
    expect((await refused(badAction, 422)).source).toEqual({ pointer: '/data/attributes/action' });
  });
});
