/**
 * The states around the list: a bad URL falls back to defaults, an empty view is a friendly
 * "inbox zero", a failed load shows an error with a working retry, and going offline says so.
 */
import { expect, test } from './fixtures';
import { api, waitForList } from './triage-helpers';

test.use({ timezoneId: 'America/New_York' });

test('a bad URL falls back to its defaults instead of breaking', async ({ page }) => {
  await page.goto('/inbox?types=bogus,%3Cscript%3E&assignee=%3Cimg%20src%3Dx%3E&tz=Mars%2FOlympus');
  await waitForList(page);
  await expect(page.locator('main article').first()).toBeVisible();
  await expect(page.getByRole('button', { name: /^Types: All types/ })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Assignee' })).toHaveValue('me');
  await expect(page.getByRole('combobox', { name: 'Time zone' })).toHaveValue('America/New_York');
});

test('filters live in the URL and survive switching views', async ({ page }) => {
  await page.goto('/inbox');
  await waitForList(page);
  await page.getByRole('button', { name: /^Types:/ }).click();
  await page.getByRole('checkbox', { name: 'Voicemails' }).check();
  await page.getByRole('checkbox', { name: 'Missed calls' }).check();
  await expect(page).toHaveURL(/types=missed_call%2Cvoicemail|types=missed_call,voicemail/);
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: 'Assignee' }).selectOption('everyone');
  await page.getByRole('link', { name: /^Future/ }).click();
  await expect(page).toHaveURL(/\/future\?.*assignee=everyone/);
  await expect(page).toHaveURL(/types=missed_call/);
  await waitForList(page);
  const types = await page.locator('main [data-task-type]').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-task-type')))]);
  expect(types.length).toBeGreaterThan(0);
  expect(types.every((t) => t === 'voicemail' || t === 'missed_call')).toBe(true);
});

test('an empty view is a friendly inbox zero', async ({ page, freshServer }) => {
  // Made empty on purpose (a database of its own): whether the demo data leaves some filter empty
  // depends on the day it was seeded.
  const client = api(freshServer, 'America/New_York');
  const me = await client.me();
  const voicemails = `view=inbox&_type=voicemail&assigned_to=${me.id}`;
  await client.put(`/task/?${voicemails}`, { is_complete: true });
  expect(await client.listTasks(voicemails)).toEqual([]);
  await page.goto(`${freshServer.url}/inbox?types=voicemail`);
  await expect(page.getByRole('heading', { name: 'Inbox zero' })).toBeVisible();
  await expect(page.getByText('Filters are on')).toBeVisible();
});

test.describe('when the list cannot load', () => {
  // The failed load is expected: the browser logs the 500s and the router logs the loader's error.
  // (One pattern: Playwright reads a two-element array option as [value, options].)
  test.use({ allowedConsoleErrors: [/status of 500|Upstream timed out/] });

  test('shows the error and retries', async ({ page }) => {
    // A page load comes with its list rendered by the server (ADR 0011): what fails here is the
    // browser's own load of the next view.
    await page.goto('/future');
    await waitForList(page);
    let fail = true;
    await page.route(/\/api\/v1\/task\/\?.*view=inbox.*_order_by/, (route) =>
      fail ? route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: 'Upstream timed out' }) }) : route.continue(),
    );
    await page.getByRole('link', { name: /^Inbox/ }).click();
    const alert = page.getByRole('alert').filter({ hasText: "Couldn't load tasks" });
    await expect(alert).toBeVisible({ timeout: 20_000 });
    await expect(alert).toContainText('Upstream timed out');

    fail = false;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(page.locator('main article').first()).toBeVisible();
  });
});

test('going offline shows a banner, and coming back removes it', async ({ page, context }) => {
  await page.goto('/inbox');
  await waitForList(page);
  // Once the list shows, the app fetches the dialogs' code while the browser is idle; cutting the
  // network under those requests makes Chromium log each failed load. Go offline after them.
  const dialogChunks = ['snooze', 'reassign', 'task-detail', 'command-palette', 'shortcut-sheet', 'bulk-preview', 'new-task'];
  await expect
    .poll(() =>
      page.evaluate(
        (names) => names.every((name) => performance.getEntriesByType('resource').some((e) => e.name.includes(`/assets/${name}-dialog-`))),
        dialogChunks,
      ),
    )
    .toBe(true);
  await page.waitForLoadState('networkidle');
  await context.setOffline(true);
  await expect(page.getByRole('status').filter({ hasText: "You're offline" })).toBeVisible();
  await context.setOffline(false);
  await expect(page.getByText("You're offline")).toHaveCount(0);
});

test('a fast scroll passes cards as placeholders, and every card is whole once it stops', async ({ page }) => {
  await page.goto('/archive?assignee=everyone');
  await waitForList(page);
  await expect(page.locator('main article').first()).toBeVisible();
  // Two screens a frame, as a fling does: the cards scrolled past are built between frames.
  const seen = await page.evaluate(async () => {
    const el = document.scrollingElement!;
    let most = 0;
    let announced = 0;
    for (let i = 0; i < 8; i++) {
      el.scrollTop += el.clientHeight * 2;
      await new Promise((r) => requestAnimationFrame(r));
      most = Math.max(most, document.querySelectorAll('main [data-placeholder]').length);
      announced += document.querySelectorAll('main [data-placeholder]:not([aria-hidden="true"])').length;
    }
    return { most, announced };
  });
  expect(seen.most, 'rows entering mid-scroll are placeholders').toBeGreaterThan(0);
  expect(seen.announced, 'placeholders are hidden from assistive technology').toBe(0);
  await expect(page.locator('main [data-placeholder]')).toHaveCount(0);
  const cardsInView = () =>
    page.evaluate(() => [...document.querySelectorAll('main article')].filter((a) => {
      const r = a.getBoundingClientRect();
      return r.bottom > 0 && r.top < window.innerHeight;
    }).length);
  await expect.poll(cardsInView).toBeGreaterThan(2);
});
