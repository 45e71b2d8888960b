/**
 * axe on every view (and on the dialogs): no serious or critical violations. The accessibility
 * contract the other specs rely on is checked here too: each task is an article named by its
 * title, with its actions and its Select box.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { waitForList } from './triage-helpers';

test.use({ timezoneId: 'America/New_York' });
// An axe scan of a full page takes seconds, more on a busy machine.
test.describe.configure({ timeout: 120_000 });

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}

for (const view of ['inbox', 'future', 'archive'] as const) {
  test(`the ${view} has no serious or critical axe violations`, async ({ page }) => {
    await page.goto(`/${view}?assignee=everyone`);
    await waitForList(page);
    await expect(page.locator('main article').first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    const first = page.locator('main article').first();
    const title = await first.getByRole('heading', { level: 3 }).innerText();
    await expect(page.getByRole('article', { name: title }).first()).toBeVisible();
    await expect(first.getByRole('checkbox', { name: 'Select' })).toBeVisible();
    await expect(first.getByRole('button', { name: view === 'archive' ? 'Reopen' : 'Complete', exact: true })).toBeVisible();
  });
}

test('the dialogs and the bulk bar have no serious or critical axe violations', async ({ page }) => {
  await page.goto('/inbox?assignee=everyone');
  await waitForList(page);
  const first = page.locator('main article').first();

  await first.getByRole('button', { name: 'Snooze', exact: true }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await first.getByRole('button', { name: 'Reassign', exact: true }).click();
  await expect(page.getByRole('dialog').getByRole('option').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'New task' }).click();
  await expect(page.getByRole('dialog', { name: 'New task' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');

  await first.getByRole('checkbox', { name: 'Select' }).click();
  await expect(page.getByRole('region', { name: 'Bulk actions' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

/** A dialog opened by its key, scanned with the page behind it, then closed. */
async function scanDialog(page: Page, key: string, name: string | RegExp, what: string) {
  await page.keyboard.press(key);
  const dialog = page.getByRole('dialog', { name });
  await expect(dialog).toBeVisible();
  // Wait for content that loads (people in the picker), so axe sees the finished dialog.
  if (what === 'reassign picker') await expect(dialog.getByRole('option').first()).toBeVisible();
  expect(await seriousViolations(page), what).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
}

async function openInbox(page: Page, scheme: 'light' | 'dark') {
  await page.goto('/inbox?assignee=everyone');
  await waitForList(page);
  // The theme follows the system unless one was picked.
  if (scheme === 'dark') await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  else await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
  await expect(page.locator('html[data-shortcuts="ready"]')).toHaveCount(1);
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`in ${scheme} mode`, () => {
    test.use({ colorScheme: scheme });

    test(`every view and the queue pass axe (${scheme})`, async ({ page }) => {
      await openInbox(page, scheme);
      expect(await seriousViolations(page), 'inbox').toEqual([]);
      for (const view of ['future', 'archive'] as const) {
        await page.keyboard.press('g');
        await page.keyboard.press(view.charAt(0));
        await expect(page).toHaveURL(new RegExp(`/${view}`));
        await waitForList(page);
        expect(await seriousViolations(page), view).toEqual([]);
      }
      await page.goto('/queue?assignee=everyone');
      await expect(page.getByRole('region', { name: 'Queue' }).getByRole('article')).toBeVisible();
      expect(await seriousViolations(page), 'queue').toEqual([]);
    });

    test(`the snooze presets and the reassign picker pass axe (${scheme})`, async ({ page }) => {
      await openInbox(page, scheme);
      await scanDialog(page, 'h', /^Snooze/, 'snooze presets');
      await scanDialog(page, 'a', /^Reassign/, 'reassign picker');
    });

    test(`the command palette, the shortcut sheet and the task detail pass axe (${scheme})`, async ({ page }) => {
      await openInbox(page, scheme);
      await scanDialog(page, 'Control+k', 'Command palette', 'command palette');
      await scanDialog(page, '?', 'Keyboard shortcuts', 'shortcut sheet');
      const title = await page.locator('main article[data-focused] h3').innerText();
      await scanDialog(page, 'o', title, 'task detail');
    });
  });
}
