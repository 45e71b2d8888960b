/**
 * Focus is never lost: after an action the next task has it (by key or by click); a dialog gives
 * it back to where it was when it closes; and a card the virtual list had not rendered is scrolled
 * into view when the keyboard moves to it.
 */
import { expect, test } from './fixtures';
import { cardById, expectFocusOn, focusedCard, shortcutsReady } from './keyboard-helpers';
import { api, card, createLeadTask, topOfInboxDate, uniqueText, waitForList } from './triage-helpers';

const ZONE = 'America/New_York';
test.use({ timezoneId: ZONE, viewport: { width: 1280, height: 1200 } });

/** Three of my lead tasks at the top of the inbox, in order. */
async function threeOnTop(server: Parameters<typeof api>[0], prefix: string) {
  const client = api(server, ZONE);
  const me = await client.me();
  const tasks = [];
  for (const n of [3, 2, 1]) {
    const text = `${prefix} #${n}`;
    tasks.unshift({ text, id: (await createLeadTask(server, { text, date: topOfInboxDate(), assigned_to: me.id })).id });
  }
  return tasks;
}

test('a click on Complete hands the focus to the next card', async ({ page, triageServer }) => {
  const tasks = await threeOnTop(triageServer, uniqueText('Click'));
  await page.goto('/inbox?types=lead');
  await waitForList(page);
  await card(page, tasks[0]!.text).getByRole('button', { name: 'Complete', exact: true }).click();
  await expect(card(page, tasks[0]!.text)).toHaveCount(0);
  await expectFocusOn(page, tasks[1]!.id);
  // Reassigning (out of my inbox) by button does the same once its dialog is done.
  await card(page, tasks[1]!.text).getByRole('button', { name: 'Reassign', exact: true }).click();
  const picker = page.getByRole('dialog', { name: /^Reassign/ });
  await picker.getByRole('searchbox', { name: 'Search people' }).fill('priya');
  await picker.getByRole('option', { name: /Priya Sharma/ }).click();
  await expect(picker).toHaveCount(0);
  await expectFocusOn(page, tasks[2]!.id);
});

test('every dialog gives the focus back to where it was', async ({ page, triageServer }) => {
  // Eight dialogs and more, each opened, tabbed through and closed: past 20 s on a busy runner.
  test.slow();
  const tasks = await threeOnTop(triageServer, uniqueText('Dialogs'));
  await page.goto('/inbox?types=lead');
  await waitForList(page);
  await shortcutsReady(page);
  const first = cardById(page, tasks[0]!.id);
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await expectFocusOn(page, tasks[0]!.id);

  const opened: Array<[string, string | RegExp]> = [
    ['h', /^Snooze/],
    ['b', /^Snooze/],
    ['a', /^Reassign/],
    ['o', tasks[0]!.text],
    ['Enter', tasks[0]!.text],
    ['?', 'Keyboard shortcuts'],
    ['Control+k', 'Command palette'],
    ['c', 'New task'],
  ];
  for (const [key, name] of opened) {
    await page.keyboard.press(key);
    const dialog = page.getByRole('dialog', { name });
    await expect(dialog, `${key} opens a dialog`).toBeVisible();
    // Focus is inside: trapped there while it is open.
    await expect.poll(() => dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(first, `focus is back on the card after ${key}`).toBeFocused();
  }

  // Opened by its button, a dialog gives the focus back to that button.
  await first.getByRole('button', { name: 'Snooze', exact: true }).focus();
  await page.keyboard.press('Enter');
  const snooze = page.getByRole('dialog', { name: /^Snooze/ });
  await expect(snooze).toBeVisible();
  // Escape belongs to the dialog once the focus is in it (on a busy machine that can take a moment).
  await expect.poll(() => snooze.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(first.getByRole('button', { name: 'Snooze', exact: true })).toBeFocused();

  // The detail view opens the snooze dialog in its place; closing that one returns to the card.
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await expect(first).toBeFocused();
  await page.keyboard.press('o');
  await expect(page.getByRole('dialog', { name: tasks[0]!.text })).toBeVisible();
  await page.keyboard.press('h');
  await expect(snooze).toBeVisible();
  await expect.poll(() => snooze.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(first).toBeFocused();
});

test('the detail view acts on its task and moves on; its keys work inside it', async ({ page, triageServer }) => {
  const tasks = await threeOnTop(triageServer, uniqueText('Detail'));
  const client = api(triageServer, ZONE);
  await page.goto('/inbox?types=lead');
  await waitForList(page);
  await shortcutsReady(page);
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await page.keyboard.press('o');
  const detail = page.getByRole('dialog', { name: tasks[0]!.text });
  await expect(detail).toBeVisible();
  await expect(detail.getByRole('button', { name: 'Complete', exact: true })).toHaveAttribute('aria-keyshortcuts', 'E');
  // j shows the next task in place.
  await page.keyboard.press('j');
  await expect(page.getByRole('dialog', { name: tasks[1]!.text })).toBeVisible();
  await page.keyboard.press('e');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expectFocusOn(page, tasks[2]!.id);
  await expect.poll(async () => (await client.task(tasks[1]!.id)).is_complete).toBe(true);
  expect((await client.task(tasks[0]!.id)).is_complete).toBe(false);
});

test('moving to a card the list has not rendered scrolls it into view', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 700 });
  await page.goto('/archive?assignee=everyone');
  await waitForList(page);
  await shortcutsReady(page);
  const rendered = await page.locator('main article').count();
  const steps = rendered + 10;
  const firstId = await focusedCard(page).getAttribute('data-task-id');
  for (let i = 0; i < steps; i++) await page.keyboard.press('j');
  const target = focusedCard(page);
  await expect(target).toBeFocused();
  await expect(target).toBeInViewport();
  expect(await target.getAttribute('data-task-id')).not.toBe(firstId);
  // Still a virtual list: far fewer cards in the page than were passed.
  expect(await page.locator('main article').count()).toBeLessThan(steps);
  // Moving up scrolls the card in below the sticky group header, not under it.
  for (let i = 0; i < 8; i++) await page.keyboard.press('k');
  await expect(focusedCard(page)).toBeFocused();
  const overlap = await focusedCard(page).evaluate((card) => {
    const sticky = [...document.querySelectorAll<HTMLElement>('main [style*="sticky"]')].map((el) => el.getBoundingClientRect());
    const top = card.getBoundingClientRect().top;
    return sticky.filter((box) => box.top <= top + 1 && box.bottom > top + 1).length;
  });
  expect(overlap).toBe(0);
  // And back up to the top.
  for (let i = 0; i < steps; i++) await page.keyboard.press('k');
  await expectFocusOn(page, firstId!);
  await expect(cardById(page, firstId!)).toBeInViewport();
});
