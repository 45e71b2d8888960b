import { afterEach, describe, expect, it } from 'vitest';
import { OrganizationWithMembersSchema } from '@/shared/close/organization-schemas';
import { MeSchema } from '@/shared/close/schemas';
import { formatCloseDateTime } from '@/shared/close/dates';
import { newId } from '../../db/ids';
import { type TestApi, startTestCloseApi } from '../testing/test-close-api';

let api: TestApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

/** A person who left the test organization: a user row and an inactive membership. */
function addInactiveMember(t: TestApi): string {
  const id = newId('user');
  const at = formatCloseDateTime(Date.UTC(2015, 5, 1));
  t.db.prepare('INSERT INTO users (id, email, first_name, last_name, api_key, date_created, date_updated) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    id, 'lee@example.test', 'Lee', 'Left', 'key-left', at, at,
  );
  t.db.prepare('INSERT INTO inactive_memberships (id, organization_id, user_id, role_id, date_created, date_updated) VALUES (?, ?, ?, ?, ?, ?)').run(
    newId('memb'), t.organizationId, id, 'user', at, at,
  );
  return id;
}

describe('GET /organization/{id}/', () => {
  it('lists active and inactive members, with user_ fields by default and a nested user when expanded', async () => {
    api = await startTestCloseApi();
    const leftId = addInactiveMember(api);
    const plain = OrganizationWithMembersSchema.parse(await (await api.fetch(`/organization/${api.organizationId}/`)).json());
    expect(plain.memberships.map((m) => m.user_full_name)).toEqual(['Mona Manager', 'Rita Rep']);
    expect(plain.memberships[0]).toMatchObject({
      organization_id: api.organizationId,
      user_id: api.users.manager.id,
      role_id: 'admin',
      user_email: 'mona@example.test',
      user_first_name: 'Mona',
      user_last_name: 'Manager',
    });
    expect(plain.memberships[0]!.user).toBeUndefined();
    expect(plain.inactive_memberships).toHaveLength(1);
    expect(plain.inactive_memberships[0]).toMatchObject({ user_id: leftId, user_full_name: 'Lee Left', user_email: 'lee@example.test' });

    const expanded = OrganizationWithMembersSchema.parse(
      await (await api.fetch(`/organization/${api.organizationId}/?_expand=memberships__user,inactive_memberships__user`)).json(),
    );
    expect(expanded.memberships[1]!.user).toMatchObject({ id: api.users.rep.id, first_name: 'Rita', last_name: 'Rep', email: 'rita@example.test' });
    expect(expanded.memberships[1]!.user_email).toBeUndefined();
    expect(expanded.inactive_memberships[0]!.user).toMatchObject({ id: leftId, first_name: 'Lee', last_name: 'Left' });

    const onlyActive = OrganizationWithMembersSchema.parse(await (await api.fetch(`/organization/${api.organizationId}/?_expand=memberships__user`)).json());
    expect(onlyActive.memberships[0]!.user).toBeDefined();
    expect(onlyActive.inactive_memberships[0]!.user).toBeUndefined();
    expect(await (await api.fetch(`/organization/${api.organizationId}/?_fields=inactive_memberships`)).json()).toEqual({
      inactive_memberships: plain.inactive_memberships,
    });
  });

  it('answers an empty inactive_memberships when nobody left, and 404 for another organization', async () => {
    api = await startTestCloseApi();
    const org = (await (await api.fetch(`/organization/${api.organizationId}/`)).json()) as Record<string, unknown>;
    expect(org.inactive_memberships).toEqual([]);
    expect((await api.fetch(`/organization/${api.organizationId}/`, { key: api.users.other.key })).status).toBe(404);
  });

  it('keeps people who left out of sign-in, /user/ and assignment', async () => {
    api = await startTestCloseApi();
    const leftId = addInactiveMember(api);
    expect((await api.fetch('/me/', { key: 'key-left' })).status).toBe(401);
    const users = (await (await api.fetch('/user/')).json()) as { data: Array<{ id: string }> };
    expect(users.data.map((u) => u.id)).not.toContain(leftId);
    const task = api.addTask({ date: '2015-01-05' });
    expect((await api.fetch(`/task/${task}/`, { method: 'PUT', body: JSON.stringify({ assigned_to: leftId }) })).status).toBe(400);
  });
});

/**
 * The requests of Close's own `delete_tasks_for_inactive_users.py` (closeio/close-api-scripts), in
 * its order: `/me/` for the organization, the organization's `inactive_memberships`, each inactive
 * user's tasks 100 at a time by `_skip` with `_fields=id` until `has_more` is false, then one
 * `DELETE /task/{id}/` per task. Like the script, the listing has no `_type`: lead tasks only.
 */
describe("Close's delete_tasks_for_inactive_users.py", () => {
  it('finds and deletes the tasks of the people who left', async () => {
    api = await startTestCloseApi();
    const leftId = addInactiveMember(api);
    const theirs = Array.from({ length: 230 }, (_, i) => api!.addTask({ date: `2015-02-${String((i % 28) + 1).padStart(2, '0')}`, assignedTo: leftId }));
    const theirEmail = api.addTask({ type: 'incoming_email', date: '2015-02-01', assignedTo: leftId });
    const someoneElses = api.addTask({ date: '2015-02-01' });
    const key = api.users.manager.key;

    const me = MeSchema.parse(await (await api.fetch('/me/', { key })).json());
    const orgId = me.organizations[0]!.id;
    const org = (await (await api.fetch(`/organization/${orgId}/`, { key })).json()) as { inactive_memberships: Array<{ user_id: string }> };
    const inactiveUsers = org.inactive_memberships.map((m) => m.user_id);
    expect(inactiveUsers).toEqual([leftId]);

    const taskIds: string[] = [];
    let pages = 0;
    for (const userId of inactiveUsers) {
      let hasMore = true;
      for (let skip = 0; hasMore; skip += 100) {
        const res = await api.fetch(`/task/?assigned_to=${userId}&_skip=${skip}&_limit=100&_fields=id`, { key });
        expect(res.status).toBe(200);
        const page = (await res.json()) as { data: Array<Record<string, unknown>>; has_more: boolean };
        for (const t of page.data) expect(Object.keys(t)).toEqual(['id']);
        taskIds.push(...page.data.map((t) => t.id as string));
        hasMore = page.has_more;
        pages++;
      }
    }
    expect(pages).toBe(3);
    expect(taskIds.sort()).toEqual([...theirs].sort());

    for (const id of taskIds) expect((await api.fetch(`/task/${id}/`, { method: 'DELETE', key })).status).toBe(200);
    const left = (await (await api.fetch(`/task/?assigned_to=${leftId}&_type=all&_fields=id`, { key })).json()) as { data: Array<{ id: string }> };
    expect(left.data.map((t) => t.id)).toEqual([theirEmail]);
    expect((await api.fetch(`/task/${someoneElses}/`, { key })).status).toBe(200);
  });
});
