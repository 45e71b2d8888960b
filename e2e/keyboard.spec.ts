/**
 * Keyboard-first triage: 20 mixed tasks worked through with the keyboard alone — complete, snooze,
 * reassign, undo, select and bulk-complete — in a counted number of keystrokes, then checked on
 * the server. The other shortcuts (views, filter, sheet, palette, select all, voicemail) follow.
 * No mouse anywhere in this file.
 */
import { expect, test } from './fixtures';
import { countingKeyboard, cardById, cardIdsOnScreen, expectFocusOn, focusedCard, shortcutsReady } from './keyboard-helpers';
import { type ApiTask, addDays, api, createLeadTask, dayIn, toastFor, uniqueText, waitForList, wallClockIn } from './triage-helpers';

const ZONE = 'America/New_York';
// Tall enough that the first 20 cards of the virtual list are rendered and can be read in order.
test.use({ timezoneId: ZONE, viewport: { width: 1280, height: 3600 } });
test.describe.configure({ timeout: 90_000 });

/** ISO weekday (1 = Monday … 7 = Sunday) of a `YYYY-MM-DD` day. */
function isoWeekday(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

test('20 mixed tasks triaged with the keyboard alone, in 35 keystrokes', async ({ page, freshServer }) => {
  const client = api(freshServer, ZONE);
  const me = await client.me();
  const maya = await client.user('Maya');
  const jonas = await client.user('Jonas');

  await page.goto(`${freshServer.url}/inbox`);
  await waitForList(page);
  await shortcutsReady(page);
  const ids = (await cardIdsOnScreen(page)).slice(0, 20);
  expect(ids).toHaveLength(20);
  const before = new Map<string, ApiTask>();
  for (const id of ids) before.set(id, await client.task(id));
  // Mixed: the demo inbox interleaves calls, voicemails, emails, texts, opportunities and to-dos.
  expect(new Set([...before.values()].map((t) => t._type)).size).toBeGreaterThanOrEqual(4);
  const T = (n: number) => ids[n - 1]!;
  const keys = countingKeyboard(page);

  // The first task has the keyboard's focus from the start: no key spent getting there.
  await expect(focusedCard(page)).toHaveAttribute('data-task-id', T(1));

  // 1, 2: complete.
  await keys.press('e');
  await expectFocusOn(page, T(2));
  await keys.press('e');
  await expectFocusOn(page, T(3));

  // 3: snooze to tomorrow morning (preset 2).
  await keys.press('h');
  const snooze = page.getByRole('dialog', { name: /^Snooze/ });
  await expect(snooze).toBeVisible();
  await keys.press('2');
  await expect(snooze).toHaveCount(0);
  await expectFocusOn(page, T(4));

  // 4: reassign to Maya, by typing.
  await keys.press('a');
  const picker = page.getByRole('dialog', { name: /^Reassign/ });
  await expect(picker.getByRole('searchbox', { name: 'Search people' })).toBeFocused();
  await keys.type('may');
  await expect(picker.getByRole('option')).toHaveCount(1);
  await keys.press('Enter');
  await expect(picker).toHaveCount(0);
  await expectFocusOn(page, T(5));

  // 5: complete.
  await keys.press('e');
  await expectFocusOn(page, T(6));

  // 6: complete, think better of it, undo; the task comes back with the focus, and j moves on.
  const title6 = await cardById(page, T(6)).getByRole('heading', { level: 3 }).innerText();
  await keys.press('e');
  await expectFocusOn(page, T(7));
  // Undo takes the latest action once the server has confirmed it, as its toast says.
  await expect.poll(async () => (await client.task(T(6))).is_complete).toBe(true);
  // The live region says so to screen readers too.
  await expect(toastFor(page, `Completed “${title6}”`).last()).toContainText('Undo available: press Z.');
  await keys.press('z');
  await expectFocusOn(page, T(6));
  await keys.press('j');
  await expectFocusOn(page, T(7));

  // 7–11: select five with x and Shift+J, complete them in one bulk change.
  await keys.press('x');
  for (let i = 0; i < 4; i++) await keys.press('Shift+J');
  await expect(page.getByTestId('selection-header')).toContainText('5 selected');
  await keys.press('e');
  await expect(toastFor(page, '5 tasks completed')).toBeVisible();
  await expectFocusOn(page, T(12));

  // 12: snooze with the other key (b) to tomorrow morning.
  await keys.press('b');
  await expect(snooze).toBeVisible();
  await keys.press('2');
  await expectFocusOn(page, T(13));

  // 13: complete. 14: reassign to Jonas.
  await keys.press('e');
  await expectFocusOn(page, T(14));
  await keys.press('a');
  await expect(picker.getByRole('searchbox', { name: 'Search people' })).toBeFocused();
  await keys.type('jon');
  await expect(picker.getByRole('option')).toHaveCount(1);
  await keys.press('Enter');
  await expectFocusOn(page, T(15));

  // 15, 16: complete. 17: snooze to next Monday (preset 3). 18: complete.
  await keys.press('e');
  await expectFocusOn(page, T(16));
  await keys.press('e');
  await expectFocusOn(page, T(17));
  await keys.press('h');
  await expect(snooze).toBeVisible();
  await keys.press('3');
  await expectFocusOn(page, T(18));
  await keys.press('e');
  await expectFocusOn(page, T(19));

  // 19, 20: select both and complete them together.
  await keys.press('x');
  await keys.press('Shift+J');
  await expect(page.getByTestId('selection-header')).toContainText('2 selected');
  await keys.press('e');
  await expect(toastFor(page, '2 tasks completed')).toBeVisible();

  // 20 tasks, 35 keys: 1 per completion, 2 per snooze, 5 per reassignment (a, three letters,
  // Enter), 3 for complete-undo-move on, and 1 per task plus 1 for each bulk completion.
  expect(keys.count).toBe(35);

  // The server agrees, task by task.
  const completed = [1, 2, 5, 7, 8, 9, 10, 11, 13, 15, 16, 18, 19, 20].map(T);
  const today = dayIn(ZONE);
  const tomorrow = addDays(today, 1);
  const nextMonday = addDays(today, 8 - isoWeekday(today));
  await expect
    .poll(async () => {
      const after = await Promise.all(ids.map((id) => client.task(id)));
      return after.map((t) => ({
        id: t.id,
        is_complete: t.is_complete,
        assigned_to: t.assigned_to,
        when: t.date && t.date !== before.get(t.id)!.date ? wallClockIn(ZONE, t.date) : 'unchanged',
      }));
    })
    .toEqual(
      ids.map((id) => ({
        id,
        is_complete: completed.includes(id),
        assigned_to: id === T(4) ? maya.id : id === T(14) ? jonas.id : me.id,
        when: id === T(3) || id === T(12) ? { day: tomorrow, time: '09:00' } : id === T(17) ? { day: nextMonday, time: '09:00' } : 'unchanged',
      })),
    );
  // Only the undone task is still in my inbox.
  const inbox = new Set((await client.listTasks(`view=inbox&_type=all&assigned_to=${me.id}`)).map((t) => t.id));
  expect(ids.filter((id) => inbox.has(id))).toEqual([T(6)]);
});

test('g then i, f or a switches views; ? lists the shortcuts; / opens the type filter', async ({ page }) => {
  await page.goto('/inbox');
  await waitForList(page);
  await shortcutsReady(page);

  await page.keyboard.press('g');
  await page.keyboard.press('f');
  await expect(page).toHaveURL(/\/future/);
  await expect(page.getByRole('link', { name: /^Future/ })).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('g');
  await page.keyboard.press('a');
  await expect(page).toHaveURL(/\/archive/);
  // In the archive, e reopens: the first card's button says so.
  await expect(focusedCard(page).getByRole('button', { name: 'Reopen', exact: true })).toHaveAttribute('aria-keyshortcuts', 'E');
  await page.keyboard.press('g');
  await page.keyboard.press('i');
  await expect(page).toHaveURL(/\/inbox/);

  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('definition')).not.toHaveCount(0);
  await expect(sheet).toContainText('Go to Archive');
  // Shortcuts stay quiet while a dialog is open: e does not complete anything behind it.
  const focusedId = await focusedCard(page).getAttribute('data-task-id');
  await page.keyboard.press('e');
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
  await expect(focusedCard(page)).toHaveAttribute('data-task-id', focusedId!);

  await page.keyboard.press('/');
  const voicemails = page.getByRole('checkbox', { name: 'Voicemails' });
  await expect(page.getByRole('group', { name: 'Filters' }).getByRole('checkbox').first()).toBeFocused();
  // Typing in a field never fires a shortcut; Space ticks the focused box as it should.
  await voicemails.focus();
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/types=voicemail/);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: /^Types:/ })).toBeFocused();
});

test('Ctrl+K finds any action by a few letters and runs it', async ({ page }) => {
  await page.goto('/inbox');
  await waitForList(page);
  await shortcutsReady(page);

  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette.getByRole('searchbox', { name: 'Search commands' })).toBeFocused();
  await page.keyboard.type('gtf');
  await expect(palette.getByRole('menuitem').first()).toContainText('Go to Future');
  await expect(palette.getByRole('menuitem').first()).toContainText('G');
  await page.keyboard.press('Enter');
  await expect(palette).toHaveCount(0);
  await expect(page).toHaveURL(/\/future/);

  // Shortcuts are the palette's too: Meta+K works as Ctrl+K does, and it shows the theme commands.
  await page.keyboard.press('Meta+k');
  await expect(palette).toBeVisible();
  await page.keyboard.type('dark theme');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  await page.keyboard.press('Control+k');
  await page.keyboard.type('light theme');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
});

test('* a selects every loaded task; Escape clears; e completes the selection', async ({ page, triageServer }) => {
  const client = api(triageServer, ZONE);
  const prefix = uniqueText('Select all');
  // Jonas's lead tasks: a view small enough to clear, and no other spec in this worker touches it.
  const jonas = await client.user('Jonas');
  const created = [];
  for (const n of [1, 2, 3]) created.push(await createLeadTask(triageServer, { text: `${prefix} #${n}`, date: '2020-01-02', assigned_to: jonas.id }));
  const jonasInbox = (await client.listTasks(`view=inbox&_type=lead&assigned_to=${jonas.id}`)).map((t) => t.id);

  await page.goto(`/inbox?assignee=${jonas.id}&types=lead`);
  await waitForList(page);
  await shortcutsReady(page);
  await page.keyboard.press('*');
  await page.keyboard.press('a');
  await expect(page.getByTestId('selection-header')).toContainText(`${jonasInbox.length} selected`);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: 'Bulk actions' })).toHaveCount(0);

  await page.keyboard.press('*');
  await page.keyboard.press('a');
  await page.keyboard.press('e');
  await expect(toastFor(page, `${jonasInbox.length} tasks completed`)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Inbox zero' })).toBeVisible();
  await expect.poll(async () => (await client.listTasks(`view=inbox&_type=lead&assigned_to=${jonas.id}`)).length).toBe(0);
  for (const task of created) expect((await client.task(task.id)).is_complete).toBe(true);
});

test('Space plays the focused voicemail, ] and [ change its speed', async ({ page }) => {
  await page.goto('/inbox?types=voicemail&assignee=everyone');
  await waitForList(page);
  await shortcutsReady(page);
  const first = focusedCard(page);
  await expect(first).toHaveAttribute('data-task-id', /.+/);
  const speed = first.getByRole('button', { name: /^Playback speed/ });
  await expect(speed).toHaveAccessibleName('Playback speed 1×');
  await page.keyboard.press(']');
  await expect(speed).toHaveAccessibleName('Playback speed 1.5×');
  await page.keyboard.press(']');
  await expect(speed).toHaveAccessibleName('Playback speed 2×');
  await page.keyboard.press('[');
  await expect(speed).toHaveAccessibleName('Playback speed 1.5×');

  await page.keyboard.press('Space');
  await expect(first.getByRole('button', { name: 'Pause voicemail' })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(first.getByRole('button', { name: 'Play voicemail' })).toBeVisible();
  // The page did not scroll: Space went to the player, not to the page.
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

test('keys typed into a field stay in the field', async ({ page, triageServer }) => {
  const client = api(triageServer, ZONE);
  const me = await client.me();
  const text = uniqueText('Type here');
  const task = await createLeadTask(triageServer, { text, date: '2000-01-01', assigned_to: me.id });

  await page.goto('/inbox?types=lead');
  await waitForList(page);
  await shortcutsReady(page);
  await cardById(page, task.id).getByRole('button', { name: 'Edit' }).focus();
  await page.keyboard.press('Enter');
  const editor = page.getByRole('textbox', { name: 'Task text' });
  await expect(editor).toBeFocused();
  await page.keyboard.press('End');
  // Every one of these is a shortcut outside the field.
  await page.keyboard.type(' ejkxhaz?/*ag');
  await expect(editor).toHaveValue(`${text} ejkxhaz?/*ag`);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page).toHaveURL(/\/inbox/);
  await expect(page.getByTestId('selection-header')).not.toContainText('selected');
  expect((await client.task(task.id)).is_complete).toBe(false);
});
