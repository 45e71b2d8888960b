/**
 * Per-person sessions in a real Chromium: OAuth through the embedded API's consent page, a key,
 * Switch user in the embedded default, Sign out, and a session that ends while the page is open.
 * The sign-in specs run against their own server with SIGN_IN=required; "Switch user" against
 * the worker's embedded default, which still opens straight into the inbox as the demo manager.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { type TriageServer, closeApi, expect, startTriageServer, test } from './fixtures';
import { type ApiTask, api, card, createLeadTask, topOfInboxDate, uniqueText, waitForList } from './triage-helpers';

const ZONE = 'America/New_York';
const SESSION_COOKIE = 'triage_session';
test.use({ timezoneId: ZONE });
// Each test loads several whole pages (sign-in, Close's consent page, the app again).
test.describe.configure({ timeout: 90_000 });

/** The signed-in person's name in the header. */
const signedInName = (page: Page) => page.getByTestId('signed-in-name');

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}

async function openAccountMenu(page: Page) {
  await page.getByRole('button', { name: /^Account/ }).click();
}

async function signInWithKey(page: Page, key: string) {
  await page.getByLabel('Close API key').fill(key);
  await page.getByRole('button', { name: 'Sign in with API key' }).click();
}

/** A task only `firstName`'s inbox shows (created by the manager, assigned to them, first in their inbox). */
async function taskFor(server: TriageServer, firstName: string): Promise<ApiTask> {
  const user = await api(server).user(firstName);
  return createLeadTask(server, { text: uniqueText(`For ${firstName}`), date: topOfInboxDate(), assigned_to: user.id });
}

async function sessionCookie(page: Page, server: TriageServer): Promise<string> {
  const cookie = (await page.context().cookies(server.url)).find((c) => c.name === SESSION_COOKIE);
  expect(cookie, 'a session cookie after signing in').toBeDefined();
  expect(cookie!.httpOnly).toBe(true);
  return `${SESSION_COOKIE}=${cookie!.value}`;
}

test.describe('with sign-in required', () => {
  test.describe.configure({ mode: 'serial' });
  // The app's first requests are refused until someone signs in, and Chromium logs each refusal.
  test.use({ allowedConsoleErrors: [/status of 401/] });

  let server: TriageServer;
  test.beforeAll(async () => {
    // Access tokens that live 30 s: the server refreshes one this close to expiry before every
    // use, so each OAuth request below goes through a refresh (and a rotated refresh token).
    server = await startTriageServer({ env: { SIGN_IN: 'required', EMBEDDED_OAUTH_TOKEN_TTL: '30' } });
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test('the sign-in page stands alone and has no serious or critical axe violations', async ({ page }) => {
    // An axe scan of a full page takes seconds, more on a busy machine.
    test.setTimeout(120_000);
    await page.goto(`${server.url}/sign-in?error=access_denied`);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Triage' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Sign in with Close' })).toBeVisible();
    // The provider-neutral start; Close still comes back to the redirect URI deployments registered.
    await expect(page.getByRole('link', { name: 'Sign in with Close' })).toHaveAttribute('href', /^\/auth\/oauth\/start\?return_to=/);
    await expect(page.getByRole('alert')).toContainText('cancelled');
    // No task views around it.
    await expect(page.getByRole('button', { name: 'New task' })).toHaveCount(0);
    await expect(page.getByRole('group', { name: 'Filters' })).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('OAuth: the consent page signs Maya in, back on the page she asked for, with her inbox', async ({ page }) => {
    const hers = await taskFor(server, 'Maya');
    const managers = await createLeadTask(server, { text: uniqueText('For Alex'), date: topOfInboxDate() });

    await page.goto(`${server.url}/inbox?types=lead`);
    await expect(page).toHaveURL(`${server.url}/sign-in?return_to=${encodeURIComponent('/inbox?types=lead')}`);
    await page.getByRole('link', { name: 'Sign in with Close' }).click();

    // The embedded API's stand-in for Close's consent page.
    await expect(page).toHaveURL(new RegExp(`^${server.apiUrl}/oauth2/authorize/`));
    await page.getByRole('radio', { name: /Maya Patel/ }).check();
    await page.getByRole('button', { name: 'Allow' }).click();

    await expect(page).toHaveURL(`${server.url}/inbox?types=lead`);
    await expect(signedInName(page)).toHaveText('Maya Patel');
    await waitForList(page);
    await expect(card(page, hers.text!)).toBeVisible();
    await expect(card(page, managers.text!)).toHaveCount(0);
    await expect(page.getByRole('combobox', { name: 'Assignee' })).toHaveValue('me');
    await expect(page.getByRole('combobox', { name: 'Assignee' }).locator('option:checked')).toHaveText('Me (Maya Patel)');
    const session = await page.request.get(`${server.url}/auth/session`);
    expect(await session.json()).toMatchObject({ user: { first_name: 'Maya' }, credential: 'oauth' });

    // Her short-lived token is refreshed as she goes: another view, then a reload, and still Maya.
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: /Archive/ }).click();
    await expect(page).toHaveURL(/\/archive/);
    await waitForList(page);
    await page.reload();
    await waitForList(page);
    await expect(signedInName(page)).toHaveText('Maya Patel');
  });

  test('OAuth: Deny on the consent page says sign-in was cancelled', async ({ page }) => {
    await page.goto(`${server.url}/future`);
    await expect(page).toHaveURL(/\/sign-in\?return_to=%2Ffuture$/);
    await page.getByRole('link', { name: 'Sign in with Close' }).click();
    await page.getByRole('button', { name: 'Deny' }).click();
    await expect(page).toHaveURL(/\/sign-in\?/);
    expect(new URL(page.url()).searchParams.get('error')).toBe('access_denied');
    await expect(page.getByRole('alert')).toHaveText('Sign-in with Close was cancelled. Try again, or use an API key.');
    // Still a way in: the key form signs in and goes where the person was going.
    await signInWithKey(page, 'demo-key-lucia');
    await expect(page).toHaveURL(`${server.url}/future`);
    await expect(signedInName(page)).toHaveText('Lucía Fernández');
  });

  test('a key signs Jonas in; a wrong key says Close refused it', async ({ page }) => {
    const his = await taskFor(server, 'Jonas');
    await page.goto(`${server.url}/inbox?types=lead`);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Triage' })).toBeVisible();
    await expect(page.getByText('Settings → Developer → API Keys')).toBeVisible();

    await signInWithKey(page, 'not-a-close-key');
    await expect(page.getByRole('alert')).toContainText('Close refused this API key.');
    await expect(page.getByLabel('Close API key')).toHaveAttribute('aria-invalid', 'true');
    expect(await page.context().cookies(server.url)).not.toContainEqual(expect.objectContaining({ name: SESSION_COOKIE }));

    await signInWithKey(page, 'demo-key-jonas');
    await expect(page).toHaveURL(`${server.url}/inbox?types=lead`);
    await expect(signedInName(page)).toHaveText('Jonas Weber');
    await waitForList(page);
    await expect(card(page, his.text!)).toBeVisible();
    await sessionCookie(page, server);
  });

  test('Sign out goes to sign-in, and the old cookie is refused from then on', async ({ page, request }) => {
    await page.goto(`${server.url}/archive`);
    await signInWithKey(page, 'demo-key-kenji');
    await expect(page).toHaveURL(`${server.url}/archive`);
    await expect(signedInName(page)).toHaveText('Kenji Tanaka');
    const oldCookie = await sessionCookie(page, server);

    await openAccountMenu(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in\?return_to=%2Farchive$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Triage' })).toBeVisible();
    expect(await page.context().cookies(server.url)).not.toContainEqual(expect.objectContaining({ name: SESSION_COOKIE }));

    // Replayed by hand, the ended session's cookie opens nothing.
    expect((await request.get(`${server.url}/auth/session`, { headers: { cookie: oldCookie } })).status()).toBe(401);
    const proxied = await request.get(`${server.url}/api/v1/me/`, { headers: { cookie: oldCookie } });
    expect(proxied.status()).toBe(401);
    expect(await proxied.json()).toMatchObject({ sign_in_required: true });
  });

  test('a session ended elsewhere brings back sign-in, then the same page', async ({ page, request }) => {
    const hers = await taskFor(server, 'Priya');
    const url = `${server.url}/inbox?types=lead`;
    await page.goto(url);
    await signInWithKey(page, 'demo-key-priya');
    await expect(page).toHaveURL(url);
    await waitForList(page);
    await expect(card(page, hers.text!)).toBeVisible();

    // Ended on the server (as Sign out in another tab, or an admin, would), the browser still holding the cookie.
    const ended = await request.delete(`${server.url}/auth/session`, { headers: { cookie: await sessionCookie(page, server), origin: server.url } });
    expect(ended.status()).toBe(204);

    // The next thing Priya does finds the session gone.
    await card(page, hers.text!).getByRole('button', { name: 'Complete', exact: true }).click();
    await expect(page).toHaveURL(`${server.url}/sign-in?return_to=${encodeURIComponent('/inbox?types=lead')}`);
    await signInWithKey(page, 'demo-key-priya');
    await expect(page).toHaveURL(url);
    await expect(signedInName(page)).toHaveText('Priya Sharma');
    await waitForList(page);
    // The completion never reached Close: the task is still hers to do.
    await expect(card(page, hers.text!)).toBeVisible();
    expect((await closeApi(server, 'demo-key-priya').get<ApiTask>(`/task/${hers.id}/`)).body.is_complete).toBe(false);
  });
});

test.describe('the embedded default', () => {
  test('opens straight into the inbox as the demo manager', async ({ page }) => {
    // An axe scan of a full page takes seconds, more on a busy machine.
    test.setTimeout(120_000);
    await page.goto('/');
    await expect(page).toHaveURL(/\/inbox$/);
    await waitForList(page);
    await expect(signedInName(page)).toHaveText('Alex Morgan');
    await expect(page.getByRole('heading', { name: 'Sign in to Triage' })).toHaveCount(0);

    // The open menu: the demo users to switch to (the one signed in marked), passing axe; Escape closes it.
    await openAccountMenu(page);
    await expect(page.getByRole('heading', { name: 'Switch user' })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Alex Morgan \(you\)/ })).toBeDisabled();
    await expect(page.getByRole('button', { name: /^Kenji Tanaka/ })).toBeEnabled();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('heading', { name: 'Switch user' })).toBeHidden();
    await expect(page.getByRole('button', { name: /^Account/ })).toBeFocused();
  });

  test.describe('when a session ends', () => {
    // The dead session's requests are refused, and Chromium logs each refusal.
    test.use({ allowedConsoleErrors: [/status of 401/] });

    test('a switched-to user whose session ends is asked to sign in, and may go on as the manager', async ({ page, request, triageServer }) => {
      await page.goto('/archive');
      await waitForList(page);
      await openAccountMenu(page);
      await page.getByRole('button', { name: /^Jonas Weber/ }).click();
      await expect(signedInName(page)).toHaveText('Jonas Weber');
      const ended = await request.delete(`${triageServer.url}/auth/session`, {
        headers: { cookie: await sessionCookie(page, triageServer), origin: triageServer.url },
      });
      expect(ended.status()).toBe(204);

      // Not silently the manager: with the dead session's cookie, the page asks to sign in.
      await page.reload();
      await expect(page).toHaveURL(/\/sign-in\?return_to=%2Farchive$/);
      await page.getByRole('button', { name: 'continue without signing in' }).click();
      await expect(page).toHaveURL(/\/archive$/);
      await expect(signedInName(page)).toHaveText('Alex Morgan');
    });
  });

  test('Switch user makes the inbox that demo user’s; Sign out brings the manager back', async ({ page, triageServer }) => {
    const hers = await taskFor(triageServer, 'Maya');
    const managers = await createLeadTask(triageServer, { text: uniqueText('For Alex'), date: topOfInboxDate() });
    await page.goto('/inbox?types=lead');
    await waitForList(page);
    await expect(signedInName(page)).toHaveText('Alex Morgan');
    await expect(card(page, managers.text!)).toBeVisible();

    await openAccountMenu(page);
    await page.getByRole('button', { name: /^Maya Patel/ }).click();
    await expect(signedInName(page)).toHaveText('Maya Patel');
    await expect(page).toHaveURL(/\/inbox\?types=lead$/);
    await waitForList(page);
    await expect(card(page, hers.text!)).toBeVisible();
    await expect(card(page, managers.text!)).toHaveCount(0);

    // What the page shows is what the embedded API gives Maya's own key.
    const maya = (await closeApi(triageServer, 'demo-key-maya').get<{ id: string }>('/me/')).body;
    const herInbox = await api(triageServer, ZONE, 'demo-key-maya').listTasks(`view=inbox&_type=lead&assigned_to=${maya.id}`);
    expect(herInbox.map((t) => t.id)).toContain(hers.id);
    expect(herInbox.map((t) => t.id)).not.toContain(managers.id);
    const shown = await page.locator('main article h3').allInnerTexts();
    expect(shown.length).toBeGreaterThan(0);
    const herTexts = new Set(herInbox.map((t) => t.text));
    for (const title of shown) expect(herTexts.has(title), `"${title}" is one of Maya's inbox tasks`).toBe(true);

    // A reload stays Maya (the server renders her first view, not the manager's).
    await page.reload();
    await waitForList(page);
    await expect(signedInName(page)).toHaveText('Maya Patel');
    await expect(card(page, hers.text!)).toBeVisible();

    await openAccountMenu(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(signedInName(page)).toHaveText('Alex Morgan');
    await waitForList(page);
    await expect(card(page, managers.text!)).toBeVisible();
  });
});
