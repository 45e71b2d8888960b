/**
 * Many tasks at once: a shift-click range, "select all matching this view", bulk complete /
 * snooze / reassign through Close's bulk PUT, a preview before a view-wide change, a summary, and
 * an Undo that puts every task back the way it was. Runs against its own server, since it
 * changes a whole view.
 */
import { expect, startTriageServer, test, type TriageServer } from './fixtures';
import { addDays, api, card, createLeadTask, dayIn, toastFor, topOfInboxDate, undoAfter, uniqueText, waitForList, wallClockIn } from './triage-helpers';

const ZONE = 'America/New_York';
test.use({ timezoneId: ZONE, viewport: { width: 1280, height: 1600 } });
test.describe.configure({ mode: 'serial' });

let server: TriageServer;
test.beforeAll(async () => {
  server = await startTriageServer();
});
test.afterAll(async () => {
  await server?.stop();
});

async function fourTasks(prefix: string) {
  const client = api(server, ZONE);
  const me = await client.me();
  const tasks = [];
  // Created oldest-dated last, so on screen they read 1, 2, 3, 4 from the top.
  for (const n of [4, 3, 2, 1]) {
    const text = `${prefix} #${n}`;
    tasks.unshift({ text, task: await createLeadTask(server, { text, date: topOfInboxDate(), assigned_to: me.id }) });
  }
  return tasks;
}

test('shift-click selects a range; bulk Complete, then Undo, restores every task', async ({ page }) => {
  const client = api(server, ZONE);
  const tasks = await fourTasks(uniqueText('Range'));

  await page.goto(`${server.url}/inbox?types=lead`);
  await waitForList(page);
  await card(page, tasks[0]!.text).getByRole('checkbox', { name: 'Select' }).click();
  await card(page, tasks[2]!.text).getByRole('checkbox', { name: 'Select' }).click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('selection-header')).toContainText('3 selected');
  for (const i of [0, 1, 2]) await expect(card(page, tasks[i]!.text).getByRole('checkbox', { name: 'Select' })).toBeChecked();
  await expect(card(page, tasks[3]!.text).getByRole('checkbox', { name: 'Select' })).not.toBeChecked();

  await page.getByRole('region', { name: 'Bulk actions' }).getByRole('button', { name: 'Complete selected' }).click();
  for (const i of [0, 1, 2]) await expect(card(page, tasks[i]!.text)).toHaveCount(0);
  await expect(card(page, tasks[3]!.text)).toBeVisible();

  await undoAfter(page, '3 tasks completed', async () => {
    await expect.poll(async () => Promise.all(tasks.map(async (t) => (await client.task(t.task.id)).is_complete))).toEqual([true, true, true, false]);
  });
  for (const t of tasks) await expect(card(page, t.text)).toBeVisible();
  await expect.poll(async () => Promise.all(tasks.map(async (t) => (await client.task(t.task.id)).is_complete))).toEqual([false, false, false, false]);
});

test('bulk Snooze sets one date on every selected task', async ({ page }) => {
  const client = api(server, ZONE);
  const tasks = await fourTasks(uniqueText('Snooze'));

  await page.goto(`${server.url}/inbox?types=lead`);
  await waitForList(page);
  await card(page, tasks[0]!.text).getByRole('checkbox', { name: 'Select' }).click();
  await card(page, tasks[1]!.text).getByRole('checkbox', { name: 'Select' }).click();
  await page.getByRole('region', { name: 'Bulk actions' }).getByRole('button', { name: 'Snooze selected' }).click();
  const dialog = page.getByRole('dialog', { name: 'Snooze 2 selected tasks' });
  // "+1 day" depends on each task's own date: not offered for a bulk change.
  await expect(dialog.getByRole('button', { name: /^\+1 day/ })).toHaveCount(0);
  await dialog.getByRole('button', { name: /^Tomorrow morning/ }).click();

  await expect(card(page, tasks[0]!.text)).toHaveCount(0);
  await expect(card(page, tasks[1]!.text)).toHaveCount(0);
  await expect(toastFor(page, /^2 tasks snoozed to/)).toBeVisible();
  const tomorrow = addDays(dayIn(ZONE), 1);
  for (const i of [0, 1]) {
    await expect.poll(async () => wallClockIn(ZONE, (await client.task(tasks[i]!.task.id)).date!)).toEqual({ day: tomorrow, time: '09:00' });
  }
  expect((await client.task(tasks[2]!.task.id)).date).toBe(tasks[2]!.task.date);
});

test('reassign everything a view matches: preview, one request, summary, and Undo per previous assignee', async ({ page }) => {
  const client = api(server, ZONE);
  const maya = await client.user('Maya');
  const before = await client.listTasks('view=inbox&_type=voicemail');
  const owners = new Map(before.map((t) => [t.id, t.assigned_to]));
  expect(new Set(owners.values()).size).toBeGreaterThan(1);

  const bulkRequests: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'PUT' && new URL(r.url()).pathname === '/api/v1/task/') bulkRequests.push(r.url());
  });

  await page.goto(`${server.url}/inbox?assignee=everyone&types=voicemail`);
  await waitForList(page);
  await page.locator('main article').first().getByRole('checkbox', { name: 'Select' }).click();
  await page.getByRole('button', { name: /^Select all .* matching this view$/ }).click();
  await expect(page.getByTestId('selection-header')).toContainText(`All ${before.length} matching tasks selected`);

  await page.getByRole('region', { name: 'Bulk actions' }).getByRole('button', { name: 'Reassign selected' }).click();
  const picker = page.getByRole('dialog', { name: 'Reassign all matching tasks' });
  await picker.getByRole('searchbox', { name: 'Search people' }).fill('maya');
  await picker.getByRole('option', { name: /Maya Patel/ }).click();

  const preview = page.getByRole('dialog', { name: 'Change every task in this view?' });
  await expect(preview.getByTestId('bulk-preview-summary')).toContainText(`${before.length} tasks will be reassigned to Maya Patel`);
  expect(bulkRequests).toEqual([]); // nothing sent before confirming
  await preview.getByRole('button', { name: `Reassign ${before.length} tasks` }).click();

  await undoAfter(page, `${before.length} tasks reassigned to Maya Patel`, async () => {
    await expect.poll(async () => (await client.listTasks('view=inbox&_type=voicemail')).every((t) => t.assigned_to === maya.id)).toBe(true);
    // One request, whose query string is the view's own filters.
    expect(bulkRequests).toHaveLength(1);
    const query = new URL(bulkRequests[0]!).searchParams;
    expect(query.get('view')).toBe('inbox');
    expect(query.get('_type')).toBe('voicemail');
    expect(query.has('assigned_to')).toBe(false);
    await expect(page.locator('main article').first()).toContainText('Maya Patel');
  });

  await expect
    .poll(async () => {
      const now = await client.listTasks('view=inbox&_type=voicemail');
      return now.every((t) => t.assigned_to === owners.get(t.id));
    })
    .toBe(true);
});
