/**
 * A view-wide bulk change in an inbox slice changes the slice only: its date bounds go along with
 * the preview's cut-off (`date_created__lte`), through our real proxy to the real embedded API.
 */
import { describe, expect, it } from 'vitest';
import { setDefaultApiOrigin } from '@/lib/api-client';
import { addDaysToDay, formatCloseDateTime, localDayAt } from '@/shared/close/dates';
import { tzOffsetHours } from '@/shared/close/zones';
import { setUpProxiedCloseApi } from '@/server/testing/proxied-close-api';
import { putTasksInView } from './put-tasks';

const stack = setUpProxiedCloseApi((url) => setDefaultApiOrigin(() => url));

describe('putTasksInView in a slice', () => {
  it('moves the overdue tasks in Tokyo and leaves today’s where they are', async () => {
    const zone = 'Asia/Tokyo';
    const now = Date.now();
    const today = localDayAt(now, tzOffsetHours(zone, now));
    const rep = stack.api.users.rep.id;
    const overdue = [stack.api.addTask({ date: addDaysToDay(today, -1) }), stack.api.addTask({ date: addDaysToDay(today, -3), type: 'voicemail' })];
    const dueToday = stack.api.addTask({ date: today });
    const owner = async (id: string) =>
      ((await (await stack.api.fetch(`/task/${id}/`, { key: stack.api.users.manager.key })).json()) as { assigned_to: string }).assigned_to;

    const updated = await putTasksInView(
      { view: 'inbox', types: [], assignedTo: rep, timeZone: zone, due: 'overdue' },
      { assigned_to: stack.api.users.manager.id },
      formatCloseDateTime(now + 60_000),
    );
    expect(updated).toBe(2);
    for (const id of overdue) expect(await owner(id)).toBe(stack.api.users.manager.id);
    expect(await owner(dueToday)).toBe(rep);
  });
});
