import { closeApi, expect, test } from './fixtures';

test('the start page redirects to the demo inbox and shows task cards', async ({ page, consoleErrors }) => {
  await page.goto('/');

  await expect(page).toHaveURL(/\/inbox(?:[/?#]|$)/);
  await expect(page.locator('article').first()).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('the embedded Close API serves the demo tasks the inbox is built from', async ({ triageServer }) => {
  const response = await closeApi(triageServer).get<{ data: unknown[]; has_more: boolean }>('/task/?_type=all');

  expect(response.status).toBe(200);
  expect(response.body.data.length).toBeGreaterThan(0);
});
