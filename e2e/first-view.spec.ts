/**
 * The first view the server renders into the page (docs/decisions/0011-server-rendered-first-view.md):
 * the tasks are in the answer to the navigation, they stay on screen until the app has taken the
 * page over, the app's scripts wait for the view's first paint, the app then works as always,
 * and a browser whose "today" is another zone's does not keep the server's list (and is served
 * its own from the next visit on).
 */
import type { Page } from '@playwright/test';
import { SERVER_TIME_ZONE as SERVER_ZONE, expect, test } from './fixtures';
import { waitForList } from './triage-helpers';

test.use({ timezoneId: SERVER_ZONE });

/** Records, from before the page's first byte, whether the page ever went without a task card once one had been shown. */
const WATCH_CARDS = `(() => {
  const w = { shown: false, gone: false };
  window.__cards = w;
  new MutationObserver(() => {
    const any = document.querySelector('main article') !== null;
    if (any) w.shown = true;
    else if (w.shown) w.gone = true;
  }).observe(document, { childList: true, subtree: true });
})();`;

/**
 * Watches the next page load: whether its cards ever disappeared once shown, and which list
 * pages the browser asked for itself (tab counts, which ask for ids only, aside).
 */
async function watchTakeover(page: Page) {
  await page.addInitScript({ content: WATCH_CARDS });
  const listRequests: string[] = [];
  page.on('request', (r) => {
    if (/\/api\/v1\/task\/\?view=inbox/.test(r.url()) && !r.url().includes('_fields')) listRequests.push(r.url());
  });
  return {
    listRequests,
    cards: () => page.evaluate(() => (window as unknown as { __cards: { shown: boolean; gone: boolean } }).__cards),
  };
}

test('the inbox arrives with its tasks in the page, allowed by the CSP as it is', async ({ page }) => {
  const res = await page.request.get('/inbox');
  expect(res.status()).toBe(200);
  const html = await res.text();
  expect(html).toMatch(/<div id="root">.*<article/s);
  expect(html).toContain('<script type="application/json" id="triage-first-view">');
  // style-src 'self' refuses style attributes in markup, and scripts run only from our files or by hash.
  expect(html.match(/<div id="root">(.*)<\/div><script type="application\/json"/s)?.[1]).not.toMatch(/\sstyle="/);
  const csp = res.headers()['content-security-policy']!;
  // The theme's script, the one that holds keys typed before the app runs and the one that
  // starts the app once the view is painted, by their hashes.
  expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+' 'sha256-[A-Za-z0-9+/=]+' 'sha256-[A-Za-z0-9+/=]+'; /);
  expect(html.match(/<script type="module"[^>]*src="\/assets\/index-[^"]+\.js"><\/script>/g)).toHaveLength(1);
  expect(csp).not.toContain('unsafe');
  // The user the page carries is not asked for again.
  expect(html).not.toContain('href="/api/v1/me/"');
});

test('the server-rendered cards stay until the app takes over, without asking for the list again', async ({ page }) => {
  const takeover = await watchTakeover(page);
  await page.goto('/');
  await waitForList(page);
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.locator('html')).toHaveAttribute('data-shortcuts', 'ready');
  expect(await takeover.cards()).toEqual({ shown: true, gone: false });
  expect(takeover.listRequests).toEqual([]);

  // The app's own page now: `e` completes the focused first task.
  const first = page.locator('main article').first();
  const title = await first.locator('h2,h3').first().innerText();
  await first.locator('h2,h3').first().click();
  await page.keyboard.press('e');
  await expect(page.locator('main article').filter({ hasText: title })).toHaveCount(0);
});

test("behind a quickly rendered view, the app's scripts are fetched once the view is on screen", async ({ page }) => {
  // A render that takes over 150 ms (a busy machine) sends the scripts first, by design: the page
  // is taken from the first of a few answers that came quickly (the server's test covers the other).
  await page.route('**/inbox', async (route) => {
    for (let attempt = 1; ; attempt++) {
      const response = await route.fetch();
      const body = await response.text();
      if (body.includes('<template id="triage-app-scripts">') || attempt === 5) return route.fulfill({ response, body });
    }
  });
  await page.goto('/inbox');
  await waitForList(page);
  const order = await page.evaluate(() => ({
    held: document.getElementById('triage-app-scripts') !== null,
    painted: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    scriptsFrom: Math.min(...performance.getEntriesByType('resource').filter((r) => /\/assets\/.*\.js$/.test(r.name)).map((r) => r.startTime)),
  }));
  expect(order.held).toBe(true);
  expect(order.painted).not.toBeNull();
  expect(order.scriptsFrom).toBeGreaterThanOrEqual(order.painted!);
});

/**
 * Holds the app's entry script back until the test lets it go, so the server's cards stay on
 * their own for as long as the test needs them, however busy the machine.
 */
async function holdTheApp(page: Page): Promise<{ release: () => void }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  return { release };
}

const taskIdsOnScreen = (page: Page) => page.locator('main article[data-task-id]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-task-id')!));

test("keys typed at the server's cards before the app has taken over act once it has", async ({ page }) => {
  const app = await holdTheApp(page);
  await page.goto('/inbox', { waitUntil: 'commit' });
  const cards = page.locator('main article[data-task-id]');
  await expect(cards.nth(3)).toBeVisible();
  const ids = await taskIdsOnScreen(page);
  // The user picks the second card with the mouse, moves one down and completes it: all before the app runs.
  await cards.nth(1).locator('h2,h3').first().click();
  await page.keyboard.press('j');
  await page.keyboard.press('e');
  await expect(page.locator('html')).not.toHaveAttribute('data-shortcuts', 'ready');
  app.release();
  await waitForList(page);
  await expect(page.locator(`main article[data-task-id="${ids[2]}"]`)).toHaveCount(0);
  for (const kept of [ids[0], ids[1], ids[3]]) await expect(page.locator(`main article[data-task-id="${kept}"]`)).toHaveCount(1);
  // The task after the completed one has the focus, as after any completion.
  await expect(page.locator(`main article[data-task-id="${ids[3]}"]`)).toBeFocused();
});

test("the server's buttons say they are not ready; a click waits for the app and then acts", async ({ page }) => {
  const app = await holdTheApp(page);
  await page.goto('/inbox', { waitUntil: 'commit' });
  const first = page.locator('main article[data-task-id]').first();
  await expect(first).toBeVisible();
  const id = await first.getAttribute('data-task-id');
  const complete = page.locator(`main article[data-task-id="${id}"]`).getByRole('button', { name: 'Complete', exact: true });
  await expect(complete).toBeDisabled();
  // The click starts while the app is held: it waits for the app's own button.
  const clicked = complete.click();
  await expect(page.locator('html')).not.toHaveAttribute('data-shortcuts', 'ready');
  app.release();
  await clicked;
  await expect(page.locator('html')).toHaveAttribute('data-shortcuts', 'ready');
  await expect(page.locator(`main article[data-task-id="${id}"]`)).toHaveCount(0);
});

test.describe('a browser in another zone', () => {
  // UTC+14: "today" there is never the server's (New York) today at the same moment.
  test.use({ timezoneId: 'Pacific/Kiritimati' });

  test("loads its own today's list instead of keeping the server's, and gets it rendered from the next visit on", async ({ page }) => {
    const list = page.waitForRequest((r) => /\/api\/v1\/task\/\?view=inbox/.test(r.url()));
    await page.goto('/inbox');
    expect(new URL((await list).url()).searchParams.get('view')).toBe('inbox');
    await waitForList(page);
    await expect(page.getByRole('combobox', { name: 'Time zone' })).toHaveValue('Pacific/Kiritimati');

    // The browser told the server its zone (a cookie): the next page comes rendered for it.
    const html = await (await page.request.get('/inbox')).text();
    expect(html).toMatch(/<div id="root">.*<article/s);
    expect(html).toContain('"zone":"Pacific/Kiritimati"');
    const takeover = await watchTakeover(page);
    await page.reload();
    await waitForList(page);
    await expect(page.locator('html')).toHaveAttribute('data-shortcuts', 'ready');
    expect(await takeover.cards()).toEqual({ shown: true, gone: false });
    expect(takeover.listRequests).toEqual([]);
    await expect(page.getByRole('combobox', { name: 'Time zone' })).toHaveValue('Pacific/Kiritimati');
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the inbox still shows its tasks', async ({ page }) => {
    await page.goto('/inbox');
    await expect(page.locator('main article').first()).toBeVisible();
    await expect(page.getByRole('link', { name: /^Inbox/ })).toBeVisible();
  });
});
