import { afterEach, describe, expect, it } from 'vitest';
import { type TestOutreachApi, TEST_NOW_MS, startTestOutreachApi } from './testing/test-outreach-api';

type Resource = { type: string; id: number; attributes: Record<string, unknown>; relationships: Record<string, { data?: { type: string; id: number } | null; links?: object }>; links: { self: string } };
type Doc = { data: Resource[]; included?: Resource[]; links: { first: string; next?: string }; meta?: { count: number; count_truncated: boolean } };
type Errors = { errors: { id: string; title: string; detail: string; source?: { parameter?: string; pointer?: string } }[] };

let api: TestOutreachApi;
afterEach(async () => {
  expect(api.unexpectedErrors).toEqual([]);
  await api.close();
});

async function errorsOf(res: Response, status: number): Promise<Errors['errors']> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/vnd.api+json');
  const body = (await res.json()) as Errors;
  expect(body.errors.length).toBeGreaterThan(0);
  for (const e of body.errors) expect(e).toMatchObject({ id: expect.any(String), title: expect.any(String), detail: expect.any(String) });
  return body.errors;
}

async function walk(first: string): Promise<{ ids: number[]; pages: number }> {
  const ids: number[] = [];
  let url: string | undefined = first;
  let pages = 0;
  while (url) {
    const doc: Doc = await api.get<Doc>(url);
    ids.push(...doc.data.map((t) => t.id));
    url = doc.links.next;
    pages++;
  }
  return { ids, pages };
}

describe('authentication and errors', () => {
  it('takes only Bearer tokens and answers 401 with an errors array', async () => {
    api = await startTestOutreachApi();
    expect((await errorsOf(await api.fetch('/tasks', { token: null }), 401))[0]!.id).toBe('unauthorized');
    await errorsOf(await api.fetch('/tasks', { token: 'not-a-token' }), 401);
    const basic = await api.fetch('/tasks', { token: null, headers: { Authorization: `Basic ${Buffer.from('triage-outreach-demo-token:').toString('base64')}` } });
    await errorsOf(basic, 401);
    expect((await api.fetch('/tasks', { token: api.users.maya!.token })).status).toBe(200);
  });

  it('answers 404 resourceNotFound for a missing resource or path, and 405 for a wrong method', async () => {
    api = await startTestOutreachApi();
    const [missing] = await errorsOf(await api.fetch('/tasks/999999'), 404);
    expect(missing).toMatchObject({ id: 'resourceNotFound', detail: "Could not find 'task' with ID '999999'." });
    await errorsOf(await api.fetch('/prospects/abc'), 404);
    await errorsOf(await api.fetch('/nothing'), 404);
    await errorsOf(await api.fetch('/tasks/1', { method: 'DELETE' }), 405);
  });

  it('answers a 500 with a generic errors array and hands the cause to onUnexpectedError', async () => {
    api = await startTestOutreachApi();
    api.db.exec('PRAGMA foreign_keys = OFF; DROP TABLE task_priorities');
    const [error] = await errorsOf(await api.fetch('/taskPriorities'), 500);
    expect(error).toMatchObject({ id: 'internalServerError', detail: 'Something went wrong.' });
    expect(String(api.unexpectedErrors.splice(0)[0])).toContain('task_priorities');
  });
});

describe('who am I', () => {
  it('GET /api/v2 names the token owner in meta.user; links.user is the full user', async () => {
    api = await startTestOutreachApi();
    const root = await api.get<{ meta: { user: { id: number; email: string }; scope: string }; links: { user: string } }>('', api.users.jonas!.token);
    expect(root.meta.user).toMatchObject({ id: api.users.jonas!.id, email: 'jonas@demo.triage.test', firstName: 'Jonas', type: 'user' });
    expect(root.meta.scope).toContain('tasks.write');
    const user = await api.get<{ data: Resource }>(root.links.user);
    expect(user.data).toMatchObject({ type: 'user', id: api.users.jonas!.id, attributes: { name: 'Jonas Weber', email: 'jonas@demo.triage.test' } });
  });

  it('lists users with filters, and none has an invented time zone', async () => {
    api = await startTestOutreachApi();
    const all = await api.get<Doc>('/users');
    expect(all.data.map((u) => u.attributes.firstName)).toEqual(['Alex', 'Maya', 'Jonas', 'Priya', 'Kenji', 'Lucía']);
    expect(all.data[0]!.attributes).not.toHaveProperty('timeZone');
    const one = await api.get<Doc>('/users?filter[email]=priya@demo.triage.test');
    expect(one.data.map((u) => u.id)).toEqual([api.users.priya!.id]);
  });
});

describe('GET /tasks', () => {
  it('answers JSON:API documents in Outreach task shape', async () => {
    api = await startTestOutreachApi();
    const doc = await api.get<Doc>('/tasks?page[size]=5');
    expect(doc.data).toHaveLength(5);
    const task = doc.data[0]!;
    expect(task.type).toBe('task');
    expect(Number.isInteger(task.id)).toBe(true);
    expect(Object.keys(task.attributes).sort()).toEqual([
      'action', 'autoskipAt', 'compiledSequenceTemplateHtml', 'completed', 'completedAt', 'createdAt', 'dueAt', 'note',
      'opportunityAssociation', 'scheduledAt', 'state', 'stateChangedAt', 'taskType', 'updatedAt',
    ]);
    expect(task.attributes.dueAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(task.relationships.owner!.data).toMatchObject({ type: 'user' });
    expect(task.relationships.calls!.links).toBeDefined();
    expect(task.links.self).toBe(`${api.baseUrl}/tasks/${task.id}`);
    expect(doc).not.toHaveProperty('meta');
    expect((await api.fetch(`/tasks/${task.id}`)).headers.get('content-type')).toBe('application/vnd.api+json');
  });

  it('filters by state, owner, id and dueAt ranges with neginf and inf', async () => {
    api = await startTestOutreachApi();
    const maya = api.users.maya!.id;
    const mine = await api.get<Doc>(`/tasks?filter[owner][id]=${maya}&filter[state]=incomplete&page[size]=100`);
    expect(mine.data.length).toBe(11);
    for (const t of mine.data) {
      expect(t.relationships.owner!.data!.id).toBe(maya);
      expect(t.attributes.state).toBe('incomplete');
    }
    const now = new Date(TEST_NOW_MS).toISOString();
    const overdue = await api.get<Doc>(`/tasks?filter[owner][id]=${maya}&filter[state]=incomplete&filter[dueAt]=neginf..${now}&page[size]=100`);
    const future = await api.get<Doc>(`/tasks?filter[owner][id]=${maya}&filter[state]=incomplete&filter[dueAt]=${now}..inf&page[size]=100`);
    expect(overdue.data.length + future.data.length).toBe(11);
    for (const t of overdue.data) expect(Date.parse(String(t.attributes.dueAt))).toBeLessThanOrEqual(TEST_NOW_MS);
    for (const t of future.data) expect(Date.parse(String(t.attributes.dueAt))).toBeGreaterThanOrEqual(TEST_NOW_MS);
    const ids = mine.data.slice(0, 3).map((t) => t.id);
    expect((await api.get<Doc>(`/tasks?filter[id]=${ids.join(',')}`)).data.map((t) => t.id)).toEqual(ids);
    const both = await api.get<Doc>(`/tasks?filter[state]=pending,complete&page[size]=1000`);
    expect(new Set(both.data.map((t) => t.attributes.state))).toEqual(new Set(['pending', 'complete']));
  });

  it('sorts by dueAt and -dueAt, ties broken by id', async () => {
    api = await startTestOutreachApi();
    const up = (await api.get<Doc>('/tasks?sort=dueAt&page[size]=1000')).data.map((t) => Date.parse(String(t.attributes.dueAt)));
    expect(up).toEqual([...up].sort((a, b) => a - b));
    const down = (await api.get<Doc>('/tasks?sort=-dueAt&page[size]=1000')).data.map((t) => Date.parse(String(t.attributes.dueAt)));
    expect(down).toEqual([...down].sort((a, b) => b - a));
    await errorsOf(await api.fetch('/tasks?sort=note'), 400);
  });

  it('walks every page by links.next with no duplicates or misses, and count=true gives meta.count', async () => {
    api = await startTestOutreachApi();
    const counted = await api.get<Doc>('/tasks?count=true&page[size]=1');
    expect(counted.meta).toEqual({ count: 96, count_truncated: false });
    for (const sort of ['dueAt', '-dueAt', 'state,-updatedAt', 'scheduledAt']) {
      const { ids, pages } = await walk(`${api.baseUrl}/tasks?sort=${sort}&page[size]=7`);
      expect(pages).toBe(Math.ceil(96 / 7));
      expect(new Set(ids).size).toBe(96);
    }
    const first = await api.get<Doc>('/tasks?sort=dueAt&page[size]=7&filter[state]=incomplete');
    expect(first.links.next).toContain('filter%5Bstate%5D=incomplete');
    expect(first.links.first).not.toContain('page%5Bafter%5D');
  });

  it('keeps the cursor honest when rows change between pages', async () => {
    api = await startTestOutreachApi();
    const first = await api.get<Doc>('/tasks?sort=dueAt&page[size]=10');
    // A task already served moves to the far future; one not yet served moves into the past.
    api.db.prepare('UPDATE tasks SET due_ms = ? WHERE id = ?').run(TEST_NOW_MS + 400 * 86_400_000, first.data[0]!.id);
    const rest = await walk(first.links.next!);
    expect(rest.ids).toContain(first.data[0]!.id);
    expect(new Set([...first.data.map((t) => t.id), ...rest.ids]).size).toBe(96);
  });

  it('includes prospect and account once each, and sparse fieldsets by type', async () => {
    api = await startTestOutreachApi();
    const doc = await api.get<Doc>('/tasks?include=prospect,account,taskPriority&fields[task]=dueAt,state,prospect&fields[prospect]=firstName,workPhones&page[size]=50');
    expect(Object.keys(doc.data[0]!.attributes).sort()).toEqual(['dueAt', 'state']);
    expect(Object.keys(doc.data[0]!.relationships)).toEqual(['prospect']);
    const keys = doc.included!.map((r) => `${r.type}:${r.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    const prospect = doc.included!.find((r) => r.type === 'prospect')!;
    expect(Object.keys(prospect.attributes).sort()).toEqual(['firstName', 'workPhones']);
    expect(doc.included!.some((r) => r.type === 'account' && typeof r.attributes.name === 'string')).toBe(true);
    expect(doc.included!.some((r) => r.type === 'taskPriority')).toBe(true);
    await errorsOf(await api.fetch('/tasks?include=calls'), 400);
  });

  it('answers 400 naming the parameter for bad filters, sizes and cursors', async () => {
    api = await startTestOutreachApi();
    const [size] = await errorsOf(await api.fetch('/tasks?page[size]=1001'), 400);
    expect(size!.source).toEqual({ parameter: 'page[size]' });
    expect((await api.fetch('/tasks?page[size]=1000')).status).toBe(200);
    expect((await errorsOf(await api.fetch('/tasks?filter[dueAt]=yesterday..inf'), 400))[0]!.source).toEqual({ parameter: 'filter[dueAt]' });
    await errorsOf(await api.fetch('/tasks?filter[note]=x'), 400);
    await errorsOf(await api.fetch('/tasks?page[after]=garbage'), 400);
    const first = await api.get<Doc>('/tasks?sort=dueAt&page[size]=5');
    const cursor = new URL(first.links.next!).searchParams.get('page[after]')!;
    await errorsOf(await api.fetch(`/tasks?sort=-dueAt&page[size]=5&page[after]=${cursor}`), 400);
  });
});

describe('related resources', () => {
  it('serves prospects, accounts, sequences, sequence steps and task priorities', async () => {
    api = await startTestOutreachApi();
    const task = (await api.get<Doc>('/tasks?filter[taskType]=sequence_step_call&include=sequence,sequenceStep&page[size]=1')).data[0]!;
    const prospect = await api.get<{ data: Resource }>(`/prospects/${task.relationships.prospect!.data!.id}?include=account`);
    expect(prospect.data.attributes).toMatchObject({ firstName: expect.any(String), emails: expect.any(Array), workPhones: expect.any(Array) });
    const account = await api.get<{ data: Resource }>(`/accounts/${task.relationships.account!.data!.id}`);
    expect(account.data.attributes.name).toEqual(expect.any(String));
    const step = await api.get<{ data: Resource }>(`/sequenceSteps/${task.relationships.sequenceStep!.data!.id}`);
    expect(step.data.attributes).toMatchObject({ stepType: 'call', displayName: expect.stringContaining('Phone call') });
    const priorities = await api.get<Doc>('/taskPriorities?sort=-weight');
    expect(priorities.data.map((p) => p.attributes.name)).toEqual(['High', 'Medium', 'Low']);
    expect((await api.get<Doc>(`/sequences/${task.relationships.sequence!.data!.id}`)).data).toMatchObject({ type: 'sequence' });
  });
});
