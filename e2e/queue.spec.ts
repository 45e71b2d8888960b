/**
 * Queue mode: Start shows the inbox one task at a time, large; complete, snooze, reassign and skip
 * each move on, the progress counts up, focus follows, and the end is the inbox-zero screen.
 */
import { expect, test } from './fixtures';
import { shortcutsReady } from './keyboard-helpers';
import { api, createLeadTask, uniqueText, waitForList, waitUntilAllSaved, wallClockIn } from './triage-helpers';

const ZONE = 'America/New_York';
test.use({ timezoneId: ZONE });

test('Start works through the inbox to inbox zero, one key per task', async ({ page, triageServer }) => {
  const client = api(triageServer, ZONE);
  const kenji = await client.user('Kenji');
  const maya = await client.user('Maya');
  const prefix = uniqueText('Queue');
  // Kenji's lead inbox: a small queue of our own (no other spec works on it).
  for (const n of [1, 2, 3, 4, 5, 6]) {
    await createLeadTask(triageServer, { text: `${prefix} #${n}`, date: `2020-01-0${n}`, assigned_to: kenji.id });
  }
  const queue = await client.listTasks(`view=inbox&_type=lead&assigned_to=${kenji.id}&_order_by=date`);
  const total = queue.length;
  expect(total).toBeGreaterThanOrEqual(6);

  await page.goto(`/inbox?assignee=${kenji.id}&types=lead`);
  await waitForList(page);
  await shortcutsReady(page);
  const start = page.getByRole('link', { name: 'Start' });
  await expect(start).toHaveAttribute('aria-keyshortcuts', 'Q');
  await start.focus();
  await page.keyboard.press('Enter');

  const region = page.getByRole('region', { name: 'Queue' });
  const progress = page.getByTestId('queue-progress');
  const current = region.getByRole('article');
  await expect(progress).toHaveText(`1 of ${total}`);
  await expect(current).toHaveCount(1);
  await expect(current).toHaveAccessibleName(queue[0]!.text!);
  await expect(current).toBeFocused();

  const handled: Array<{ id: string; how: string }> = [];
  const step = async (how: string, keys: () => Promise<void>, position: number) => {
    const id = await current.getAttribute('data-task-id');
    await keys();
    handled.push({ id: id!, how });
    await expect(progress).toHaveText(`${position} of ${total}`);
    await expect(current).toBeFocused();
  };

  await step('complete', () => page.keyboard.press('e'), 2);
  await step('skip', () => page.keyboard.press('s'), 3);
  await step('snooze', async () => {
    await page.keyboard.press('h');
    await expect(page.getByRole('dialog', { name: /^Snooze/ })).toBeVisible();
    await page.keyboard.press('2');
  }, 4);
  await step('reassign', async () => {
    await page.keyboard.press('a');
    const picker = page.getByRole('dialog', { name: /^Reassign/ });
    await expect(picker.getByRole('searchbox')).toBeFocused();
    await page.keyboard.type('maya');
    await expect(picker.getByRole('option')).toHaveCount(1);
    await page.keyboard.press('Enter');
  }, 5);
  // The rest: → skips too, e completes.
  await step('skip', () => page.keyboard.press('ArrowRight'), 6);
  for (let position = 7; position <= total + 1; position++) {
    const id = await current.getAttribute('data-task-id');
    await page.keyboard.press('e');
    handled.push({ id: id!, how: 'complete' });
    if (position <= total) await expect(progress).toHaveText(`${position} of ${total}`);
  }

  await expect(page.getByRole('heading', { name: 'Inbox zero' })).toBeVisible();
  await expect(region).toContainText(`You went through ${total} tasks (2 skipped, still in the inbox)`);
  expect(handled).toHaveLength(total);
  expect(new Set(handled.map((h) => h.id)).size).toBe(total);

  // The screen moves at once; the changes reach the server through the outbox.
  await waitUntilAllSaved(page);
  for (const { id, how } of handled) {
    const saved = await client.task(id);
    if (how === 'complete') expect(saved.is_complete, `${id} completed`).toBe(true);
    if (how === 'skip') expect(saved).toMatchObject({ is_complete: false, assigned_to: kenji.id });
    if (how === 'snooze') expect(wallClockIn(ZONE, saved.date!).time).toBe('09:00');
    if (how === 'reassign') expect(saved.assigned_to).toBe(maya.id);
  }

  // Escape leaves the queue for the inbox, where the skipped tasks wait.
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\/inbox\?/);
  await waitForList(page);
  await expect(page.locator('main article')).toHaveCount(2);
});

test('Undo in the queue brings the task back as the current one', async ({ page, triageServer }) => {
  const client = api(triageServer, ZONE);
  const lucia = await client.user('Lucía');
  const prefix = uniqueText('Queue undo');
  for (const n of [1, 2]) await createLeadTask(triageServer, { text: `${prefix} #${n}`, date: `2019-01-0${n}`, assigned_to: lucia.id });
  const first = (await client.listTasks(`view=inbox&_type=lead&assigned_to=${lucia.id}&_order_by=date`))[0]!;

  await page.goto(`/queue?assignee=${lucia.id}&types=lead`);
  await shortcutsReady(page);
  const current = page.getByRole('region', { name: 'Queue' }).getByRole('article');
  await expect(current).toHaveAccessibleName(first.text!);
  await page.keyboard.press('e');
  await expect(current).not.toHaveAccessibleName(first.text!);
  await expect.poll(async () => (await client.task(first.id)).is_complete).toBe(true);
  await expect(page.getByTestId('toasts')).toContainText(`Completed “${first.text}”`);
  // Ctrl+Z (⌘Z on a Mac) is Undo too.
  await page.keyboard.press('Control+z');
  await expect(current).toHaveAccessibleName(first.text!);
  await expect(page.getByTestId('queue-progress')).toHaveText(/^1 of /);
  await expect.poll(async () => (await client.task(first.id)).is_complete).toBe(false);
});
