/**
 * Task priority on the embedded Close API (Close's `priority`, `high` or `medium`): the badge on a
 * high-priority card, the toolbar's filter in the URL, and `p`, which flips the focused task and
 * can be undone. The Outreach walks are in outreach.spec.ts.
 */
import { expect, test } from './fixtures';
import { cardById, countingKeyboard, expectFocusOn } from './keyboard-helpers';
import { api, createLeadTask, toastFor, topOfInboxDate, uniqueText, waitForList } from './triage-helpers';

const ZONE = 'America/New_York';
test.use({ timezoneId: ZONE, viewport: { width: 1280, height: 1600 } });

/** The "High priority" badge (each open card also has a "High priority" toggle button). */
const badgeIn = (scope: ReturnType<typeof cardById>) => scope.locator('span').filter({ hasText: /^High priority$/ });

test('p marks the focused task high priority, the badge shows, the filter keeps it, and Undo puts it back', async ({ page, triageServer }) => {
  const client = api(triageServer, ZONE);
  const me = await client.me();
  // The newest overdue task tops the inbox: the first card the keyboard reaches.
  const task = await createLeadTask(triageServer, { text: uniqueText('Send the pricing'), date: topOfInboxDate(), assigned_to: me.id });
  const keys = countingKeyboard(page);

  await page.goto('/inbox?types=lead');
  await waitForList(page);
  const taskCard = cardById(page, task.id);
  await expect(taskCard).toBeVisible();
  await expect(badgeIn(taskCard)).toHaveCount(0);

  // The first card holds the ring from the start; a step down and back gives it the browser's focus too.
  await keys.press('j');
  await keys.press('k');
  await expectFocusOn(page, task.id);
  await keys.press('p');
  await expect(badgeIn(taskCard)).toBeVisible();
  await expect(taskCard.getByRole('button', { name: /^High priority/ })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await client.task(task.id)).priority).toBe('high');
  expect(keys.count).toBe(3);

  // Only high-priority tasks, in the URL; the others are hidden, this one stays.
  await page.getByRole('combobox', { name: 'Priority' }).selectOption('high');
  await expect(page).toHaveURL(/[?&]priority=high/);
  await expect(taskCard).toBeVisible();
  const shown = page.locator('main article');
  const count = await shown.count();
  for (let i = 0; i < count; i++) await expect(badgeIn(cardById(page, (await shown.nth(i).getAttribute('data-task-id'))!))).toBeVisible();

  // Normal priority only: this task is gone from the list.
  await page.getByRole('combobox', { name: 'Priority' }).selectOption('medium');
  await expect(page).toHaveURL(/[?&]priority=medium/);
  await expect(taskCard).toHaveCount(0);

  await page.getByRole('combobox', { name: 'Priority' }).selectOption('');
  await expect(page).not.toHaveURL(/priority=/);
  await expect(taskCard).toBeVisible();
  await taskCard.getByRole('button', { name: /^High priority/ }).click();
  await expect(badgeIn(taskCard)).toHaveCount(0);
  await expect.poll(async () => (await client.task(task.id)).priority).toBe('medium');
  await toastFor(page, /normal priority/).getByRole('button', { name: 'Undo' }).click();
  await expect(badgeIn(taskCard)).toBeVisible();
  await expect.poll(async () => (await client.task(task.id)).priority).toBe('high');
});

test('the demo inbox has high-priority tasks, and ?priority=high shows only those', async ({ page, triageServer }) => {
  const client = api(triageServer, ZONE);
  const me = await client.me();
  const open = await client.listTasks(`view=inbox&_type=all&assigned_to=${me.id}`);
  const high = open.filter((t) => t.priority === 'high').map((t) => t.id);
  expect(high.length).toBeGreaterThan(0);

  await page.goto('/inbox?priority=high');
  await waitForList(page);
  await expect(page.getByRole('combobox', { name: 'Priority' })).toHaveValue('high');
  const cards = page.locator('main article');
  await expect(cards.first()).toBeVisible();
  const ids = await cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-task-id')));
  expect(ids.length).toBeGreaterThan(0);
  for (const id of ids) expect(high).toContain(id);
  // The server's filters know no priority: a view-wide change would reach tasks not shown, so only
  // what is on screen can be selected.
  await page.getByRole('button', { name: /^Select all loaded/ }).click();
  await expect(page.getByText(`${ids.length} selected`)).toBeVisible();
  await expect(page.getByRole('button', { name: /matching this view/ })).toHaveCount(0);
});
