/**
 * One task at a time: complete, reopen, reassign, snooze (presets, +1 day, a custom date), edit,
 * create — each changes the screen at once, reaches the server, and can be undone; a refused
 * request rolls back visibly with an error that names the action and the task.
 */
import { expect, test } from './fixtures';
import { addDays, api, card, createLeadTask, dayIn, toastFor, topOfInboxDate, undoAfter, uniqueText, waitForList, wallClockIn } from './triage-helpers';

const ZONE = 'America/New_York';
test.use({ timezoneId: ZONE, viewport: { width: 1280, height: 1600 } });

/** A long overdue date-only day. */
const OLD_DAY = '2020-01-01';

test('Complete removes the card, saves it, and Undo brings it back', async ({ page, triageServer }) => {
  const client = api(triageServer, ZONE);
  const me = await client.me();
  const text = uniqueText('Call Dana about renewal');
  const date = topOfInboxDate();
  const task = await createLeadTask(triageServer, { text, date, assigned_to: me.id });

  await page.goto('/inbox?types=lead');
  await waitForList(page);
  const taskCard = card(page, text);
  await expect(taskCard).toBeVisible();
  await expect(taskCard.locator('xpath=..')).toHaveAttribute('data-group-label', 'Overdue');

  await taskCard.getByRole('button', { name: 'Complete' }).click();
  await expect(taskCard).toHaveCount(0);
  await undoAfter(page, `Completed “${text}”`, async () => {
    await expect.poll(async () => (await client.task(task.id)).is_complete).toBe(true);
  });
  await expect(taskCard).toBeVisible();
  await expect.poll(async () => (await client.task(task.id)).is_complete).toBe(false);
});

test('Reopen in the archive returns a task to the inbox', async ({ page, triageServer }) => {
  const client = api(triageServer, ZONE);
  const me = await client.me();
  const text = uniqueText('Send the signed contract');
  // Archive is newest first: a far-future date puts the card at the top.
  const task = await createLeadTask(triageServer, { text, date: '2031-01-01', assigned_to: me.id, is_complete: true });

  await page.goto('/archive?types=lead');
  await waitForList(page);
  await card(page, text).getByRole('button', { name: 'Reopen' }).click();
  await expect(card(page, text)).toHaveCount(0);
  await expect.poll(async () => (await client.task(task.id)).is_complete).toBe(false);

  await page.getByRole('link', { name: /^Future/ }).click();
  await expect(card(page, text)).toBeVisible();
});

test('Reassign through the searchable picker; Undo gives the task back', async ({ page, triageServer }) => {
  const client = api(triageServer, ZONE);
  const me = await client.me();
  const maya = await client.user('Maya');
  const text = uniqueText('Prepare the pricing deck');
  const task = await createLeadTask(triageServer, { text, date: topOfInboxDate(), assigned_to: me.id });

  await page.goto('/inbox?types=lead');
  await waitForList(page);
  await card(page, text).getByRole('button', { name: 'Reassign' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`Reassign “${text}”`);
  await dialog.getByRole('searchbox', { name: 'Search people' }).fill('may');
  await expect(dialog.getByRole('option')).toHaveCount(1);
  await dialog.getByRole('option', { name: /Maya Patel/ }).click();

  // My inbox no longer holds it; Undo gives it back to me.
  await expect(dialog).toHaveCount(0);
  await expect(card(page, text)).toHaveCount(0);
  await undoAfter(page, `Reassigned “${text}” to Maya Patel`, async () => {
    await expect.poll(async () => (await client.task(task.id)).assigned_to).toBe(maya.id);
  });
  await expect(card(page, text)).toBeVisible();
  await expect.poll(async () => (await client.task(task.id)).assigned_to).toBe(me.id);

  // In everyone's inbox the card stays and shows its new owner.
  await page.getByRole('combobox', { name: 'Assignee' }).selectOption('everyone');
  await expect(page).toHaveURL(/assignee=everyone/);
  await card(page, text).getByRole('button', { name: 'Reassign' }).click();
  await page.getByRole('dialog').getByRole('searchbox', { name: 'Search people' }).fill('maya');
  await page.getByRole('dialog').getByRole('option', { name: /Maya Patel/ }).click();
  await expect(card(page, text)).toContainText('Maya Patel');
  await expect.poll(async () => (await client.task(task.id)).assigned_to).toBe(maya.id);
});

test('Snooze to tomorrow morning moves the task to Future at 9:00 in the chosen zone', async ({ page, triageServer }) => {
  const client = api(triageServer, ZONE);
  const me = await client.me();
  const text = uniqueText('Follow up with Priya');
  const task = await createLeadTask(triageServer, { text, date: topOfInboxDate(), assigned_to: me.id });

  await page.goto('/inbox?types=lead');
  await waitForList(page);
  await card(page, text).getByRole('button', { name: 'Snooze' }).click();
  await page.getByRole('dialog').getByRole('button', { name: /^Tomorrow morning/ }).click();
  await expect(card(page, text)).toHaveCount(0);

  await expect.poll(async () => wallClockIn(ZONE, (await client.task(task.id)).date!).time).toBe('09:00');
  const saved = (await client.task(task.id)).date!;
  expect(wallClockIn(ZONE, saved)).toEqual({ day: addDays(dayIn(ZONE), 1), time: '09:00' });

  await page.getByRole('link', { name: /^Future/ }).click();
  await expect(card(page, text)).toBeVisible();
  await expect(card(page, text).locator('xpath=..')).toHaveAttribute('data-group-label', 'Tomorrow');
});

test('+1 day on an overdue date-only task makes it tomorrow, still date-only', async ({ page, triageServer }) => {
  const client = api(triageServer, ZONE);
  const me = await client.me();
  const text = uniqueText('Call back the warehouse');
  const task = await createLeadTask(triageServer, { text, date: OLD_DAY, assigned_to: me.id });

  await page.goto('/inbox?types=lead');
  await waitForList(page);
  await card(page, text).getByRole('button', { name: 'Snooze' }).click();
  await page.getByRole('dialog').getByRole('button', { name: /^\+1 day/ }).click();
  await expect(card(page, text)).toHaveCount(0);
  await expect.poll(async () => (await client.task(task.id)).date).toBe(addDays(dayIn(ZONE), 1));
});

test('a custom date without a time snoozes to a date-only date; Undo restores the old date', async ({ page, triageServer }) => {
  const client = api(triageServer, ZONE);
  const me = await client.me();
  const text = uniqueText('Renewal reminder');
  const date = topOfInboxDate();
  const task = await createLeadTask(triageServer, { text, date, assigned_to: me.id });

  await page.goto('/inbox?types=lead');
  await waitForList(page);
  await card(page, text).getByRole('button', { name: 'Snooze' }).click();
  const dialog = page.getByRole('dialog');
  const submit = dialog.getByRole('button', { name: 'Snooze until date' });
  await expect(submit).toBeDisabled();
  await dialog.getByRole('spinbutton', { name: /^month/i }).first().click();
  await page.keyboard.type('12252030');
  await expect(dialog).toContainText('Until Wed, Dec 25 (all day)');
  await submit.click();

  await expect(card(page, text)).toHaveCount(0);
  await undoAfter(page, `Snoozed “${text}” to Wed, Dec 25`, async () => {
    await expect.poll(async () => (await client.task(task.id)).date).toBe('2030-12-25');
  });
  await expect(card(page, text)).toBeVisible();
  await expect.poll(async () => Date.parse((await client.task(task.id)).date!)).toBe(Date.parse(date));
});

test.describe('a refused request', () => {
  test.use({ allowedConsoleErrors: [/status of 500/] });

  test('rolls the card back and says what failed', async ({ page, triageServer }) => {
    const client = api(triageServer, ZONE);
    const me = await client.me();
    const text = uniqueText('Escalate the outage');
    const task = await createLeadTask(triageServer, { text, date: topOfInboxDate(), assigned_to: me.id });

    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**/api/v1/task/${task.id}/`, async (route) => {
      if (route.request().method() !== 'PUT') return route.continue();
      await held;
      await route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: 'Database is on fire' }) });
    });

    await page.goto('/inbox?types=lead');
    await waitForList(page);
    await card(page, text).getByRole('button', { name: 'Complete' }).click();
    // Optimistic: gone while the request is in flight…
    await expect(card(page, text)).toHaveCount(0);
    release();
    // …and back, with an alert naming the action, the task and the server's reason.
    await expect(card(page, text)).toBeVisible();
    await expect(page.getByRole('alert')).toContainText(`Couldn't complete “${text}”: Database is on fire`);
    expect((await client.task(task.id)).is_complete).toBe(false);
  });
});

test('Edit changes a lead task’s text', async ({ page, triageServer }) => {
  const client = api(triageServer, ZONE);
  const me = await client.me();
  const text = uniqueText('Draft the proposal');
  const edited = `${text} (v2)`;
  const task = await createLeadTask(triageServer, { text, date: topOfInboxDate(), assigned_to: me.id });

  await page.goto('/inbox?types=lead');
  await waitForList(page);
  await card(page, text).getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('textbox', { name: 'Task text' }).fill(edited);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(card(page, edited)).toBeVisible();
  await expect.poll(async () => (await client.task(task.id)).text).toBe(edited);
});

test('New task: find a lead by name, set text, date and assignee', async ({ page, triageServer }) => {
  // A long walk through one form (about 25 steps); on a busy 2-core runner it has run past 30 s.
  test.slow();
  const client = api(triageServer, ZONE);
  const lead = await client.anyLeadId();
  const jonas = await client.user('Jonas');
  const text = uniqueText('Book the onsite demo');

  await page.goto('/inbox?assignee=everyone&types=lead');
  await waitForList(page);
  await page.getByRole('button', { name: 'New task' }).click();
  const dialog = page.getByRole('dialog', { name: 'New task' });
  await dialog.getByRole('button', { name: 'Create task' }).click();
  await expect(dialog).toContainText('Choose a lead from the list.');

  await dialog.getByRole('combobox', { name: 'Lead' }).fill(lead.name.slice(0, 5));
  await page.getByRole('option', { name: lead.name }).click();
  await dialog.getByRole('textbox', { name: 'What needs doing' }).fill(text);
  await dialog.getByRole('spinbutton', { name: /^month/i }).first().click();
  await page.keyboard.type('01021990');
  await dialog.getByRole('combobox', { name: 'Assign to' }).selectOption(jonas.id);
  await dialog.getByRole('button', { name: 'Create task' }).click();

  await expect(dialog).toHaveCount(0);
  await expect(card(page, text)).toBeVisible();
  let createdId = '';
  await undoAfter(page, `Task created: “${text}”`, async () => {
    const created = (await client.listTasks(`_type=lead&lead_id=${lead.id}`)).find((t) => t.text === text);
    expect(created).toMatchObject({ date: '1990-01-02', assigned_to: jonas.id, lead_id: lead.id, is_complete: false });
    createdId = created!.id;
  });

  // Undo takes the new task back: off the screen at once, and deleted on the server.
  await expect(card(page, text)).toHaveCount(0);
  await expect(toastFor(page, `Undid creating “${text}”`)).toBeVisible();
  await expect.poll(async () => (await client.listTasks(`_type=lead&lead_id=${lead.id}`)).some((t) => t.id === createdId)).toBe(false);
});

test.describe('a refused new task', () => {
  test.use({ allowedConsoleErrors: [/status of 400/] });

  test('shows the task at once, then takes it back and shows the server’s reason in the form', async ({ page, triageServer }) => {
    const client = api(triageServer, ZONE);
    const lead = await client.anyLeadId();
    const text = uniqueText('Refused follow-up');

    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(
      (url) => url.pathname === '/api/v1/task/',
      async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        await held;
        await route.fulfill({
          status: 400,
          contentType: 'application/json',
          body: JSON.stringify({ errors: [], 'field-errors': { text: 'This text is not allowed here.' } }),
        });
      },
    );

    await page.goto('/inbox?types=lead');
    await waitForList(page);
    await page.getByRole('button', { name: 'New task' }).click();
    const dialog = page.getByRole('dialog', { name: 'New task' });
    await dialog.getByRole('combobox', { name: 'Lead' }).fill(lead.name.slice(0, 5));
    await page.getByRole('option', { name: lead.name }).click();
    await dialog.getByRole('textbox', { name: 'What needs doing' }).fill(text);
    await dialog.getByRole('button', { name: 'Create task' }).click();

    // Optimistic: the new task is in the list (behind the form) while the request is in flight…
    const pendingCard = page.locator('main article', { hasText: text });
    await expect(pendingCard).toHaveCount(1);
    release();
    // …and gone again when the server refuses it; the form stays open with the reason.
    await expect(pendingCard).toHaveCount(0);
    await expect(dialog).toContainText('This text is not allowed here.');
    expect((await client.listTasks(`_type=lead&lead_id=${lead.id}`)).some((t) => t.text === text)).toBe(false);
  });
});

test('a change in one tab shows in another without a reload', async ({ page, context, triageServer }) => {
  const client = api(triageServer, ZONE);
  const me = await client.me();
  const text = uniqueText('Two tabs, one task');
  await createLeadTask(triageServer, { text, date: topOfInboxDate(), assigned_to: me.id });

  const other = await context.newPage();
  await other.goto('/inbox?types=lead');
  await page.goto('/inbox?types=lead');
  await waitForList(page);
  await expect(card(other, text)).toBeVisible();

  await card(page, text).getByRole('button', { name: 'Complete' }).click();
  await expect(card(page, text)).toHaveCount(0);
  await expect(card(other, text)).toHaveCount(0);
});
