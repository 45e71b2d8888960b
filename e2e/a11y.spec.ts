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
