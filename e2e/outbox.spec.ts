/**
 * Never lose a change: every task change goes through the outbox, which keeps it (in IndexedDB),
 * retries what can get better by waiting (Close's rate limit, gateways, the network, offline),
 * sends it once, and rolls back only what the server refused. Runs against its own embedded
 * server limited to two requests a second (like Close's limit, per key), so the app meets 429s
 * all the time. Setup and checks use another demo user's key: the limit counts per key.
 */
import type { Page, Response } from '@playwright/test';
import { type TriageServer, closeApi, expect, startTriageServer, test } from './fixtures';
import { type ApiTask, card, toastFor, topOfInboxDate, uniqueText, waitForList, waitUntilAllSaved } from './triage-helpers';

const ZONE = 'America/New_York';
const CHECK_KEY = 'demo-key-kenji';
test.use({
  timezoneId: ZONE,
  viewport: { width: 1280, height: 1600 },
  // Chromium logs every refused or failed request; here they are the point.
  // (One pattern: a second element would read as fixture options.)
  allowedConsoleErrors: [/status of (400|429|500|502|503|504)|ERR_INTERNET_DISCONNECTED|Failed to fetch/],
});
test.describe.configure({ mode: 'serial' });

let server: TriageServer;
test.beforeAll(async () => {
  server = await startTriageServer({ env: { EMBEDDED_RATE_LIMIT: '2' } });
});
test.afterAll(async () => {
  await server?.stop();
});

/** The embedded API under its own rate limit: waits as long as a 429 says, then asks again. */
async function patient<T>(method: string, path: string, body?: unknown): Promise<T> {
  const client = closeApi(server, CHECK_KEY);
  for (;;) {
    const res = await client.request<T>(method, path, body);
    if (res.status === 429) {
      await new Promise((resolve) => setTimeout(resolve, Number(res.headers.get('retry-after') ?? '1') * 1000));
      continue;
    }
    if (res.status >= 400) throw new Error(`${method} ${path} → ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }
}

let me: { id: string } | null = null;
async function alex(): Promise<{ id: string }> {
  if (me) return me;
  const users = await patient<{ data: Array<{ id: string; first_name: string }> }>('GET', '/user/?_limit=200');
  me = users.data.find((u) => u.first_name === 'Alex')!;
  return me;
}

/** `n` lead tasks for the demo manager at the top of his inbox, first on screen first. */
async function tasksOnTop(prefix: string, n: number): Promise<ApiTask[]> {
  const { id } = await alex();
  const leads = await patient<{ data: Array<{ id: string }> }>('GET', '/lead/?_limit=1');
  const tasks: ApiTask[] = [];
  for (let i = n; i >= 1; i--) {
    const task = await patient<ApiTask>('POST', '/task/', { _type: 'lead', lead_id: leads.data[0]!.id, text: uniqueText(`${prefix} #${i}`), date: topOfInboxDate(), assigned_to: id });
    tasks.unshift(task);
  }
  return tasks;
}

const taskOf = (id: string) => patient<ApiTask>('GET', `/task/${id}/`);

/** Successful PUTs of each task that reached the server through this page. */
function countSavedPuts(page: Page): Map<string, number> {
  const saved = new Map<string, number>();
  page.on('response', (response: Response) => {
    const m = /\/api\/v1\/task\/([^/]+)\/$/.exec(new URL(response.url()).pathname);
    if (!m || response.request().method() !== 'PUT' || response.status() !== 200) return;
    saved.set(m[1]!, (saved.get(m[1]!) ?? 0) + 1);
  });
  return saved;
}

async function openInbox(page: Page): Promise<void> {
  await page.goto(`${server.url}/inbox?types=lead`);
  await waitForList(page);
}

/** The inbox count on screen equals the server's, once everything has settled. */
async function expectInboxCountAsOnServer(page: Page): Promise<void> {
  const { id } = await alex();
  const serverCount = async () => {
    let count = 0;
    for (let skip = 0; ; skip += 200) {
      const pageOf = await patient<{ data: unknown[]; has_more: boolean }>(
        'GET',
        `/task/?view=inbox&_type=lead&assigned_to=${id}&_fields=id&_limit=200&_skip=${skip}`,
      );
      count += pageOf.data.length;
      if (!pageOf.has_more) return count;
    }
  };
  await expect
    .poll(async () => {
      const shown = (await page.getByTestId('count-inbox').textContent())?.trim() ?? '';
      return shown === String(await serverCount());
    }, { timeout: 60_000 })
    .toBe(true);
}

test('a burst of completions under the rate limit all land, each once', async ({ page }) => {
  test.slow();
  const tasks = await tasksOnTop('Burst', 8);
  const saved = countSavedPuts(page);
  await openInbox(page);
  for (const task of tasks) {
    await card(page, task.text!).getByRole('button', { name: 'Complete' }).click();
    await expect(card(page, task.text!)).toHaveCount(0);
  }
  await expect(page.getByTestId('saving-indicator')).toBeVisible();
  await waitUntilAllSaved(page);
  for (const task of tasks) expect((await taskOf(task.id)).is_complete).toBe(true);
  expect(tasks.map((t) => saved.get(t.id) ?? 0)).toEqual(tasks.map(() => 1));
  await expect(page.getByRole('alert')).toHaveCount(0);
  for (const task of tasks) await expect(card(page, task.text!)).toHaveCount(0);
  await expectInboxCountAsOnServer(page);
});

test('completions made offline stay done on screen and land once back online', async ({ page, context }) => {
  test.slow();
  const tasks = await tasksOnTop('Offline', 3);
  const saved = countSavedPuts(page);
  await openInbox(page);
  await context.setOffline(true);
  for (const task of tasks) await card(page, task.text!).getByRole('button', { name: 'Complete' }).click();
  await expect(page.getByTestId('saving-indicator')).toContainText('Saving… 3');
  await expect(page.getByTestId('saving-indicator')).toContainText('offline');
  for (const task of tasks) await expect(card(page, task.text!)).toHaveCount(0);
  expect((await taskOf(tasks[0]!.id)).is_complete).toBe(false);

  await context.setOffline(false);
  await waitUntilAllSaved(page);
  for (const task of tasks) expect((await taskOf(task.id)).is_complete).toBe(true);
  expect(tasks.map((t) => saved.get(t.id) ?? 0)).toEqual(tasks.map(() => 1));
  await expectInboxCountAsOnServer(page);
});

test('completions refused with 503 when the tab closed are sent by the next tab, once', async ({ page, context }) => {
  test.slow();
  const tasks = await tasksOnTop('Closed tab', 2);
  await page.route('**/api/v1/task/*/', (route) =>
    route.request().method() === 'PUT'
      ? route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: 'Service unavailable' }) })
      : route.continue(),
  );
  await openInbox(page);
  for (const task of tasks) await card(page, task.text!).getByRole('button', { name: 'Complete' }).click();
  // Both are stored and have been tried (and refused for now).
  await expect(page.getByTestId('saving-indicator')).toContainText('retrying after a server error');
  await page.close();
  for (const task of tasks) expect((await taskOf(task.id)).is_complete).toBe(false);

  const next = await context.newPage();
  const saved = countSavedPuts(next);
  await openInbox(next);
  for (const task of tasks) await expect(card(next, task.text!)).toHaveCount(0);
  await waitUntilAllSaved(next);
  for (const task of tasks) expect((await taskOf(task.id)).is_complete).toBe(true);
  expect(tasks.map((t) => saved.get(t.id) ?? 0)).toEqual(tasks.map(() => 1));
  await expectInboxCountAsOnServer(next);
});

test('a 503 and then a 200: the completion lands, with no error shown', async ({ page }) => {
  test.slow();
  const [task] = await tasksOnTop('Gateway', 1);
  let refused = 0;
  await page.route(`**/api/v1/task/${task!.id}/`, async (route) => {
    if (route.request().method() === 'PUT' && refused === 0) {
      refused++;
      return route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: 'Service unavailable' }) });
    }
    return route.continue();
  });
  await openInbox(page);
  await card(page, task!.text!).getByRole('button', { name: 'Complete' }).click();
  await expect(card(page, task!.text!)).toHaveCount(0);
  await expect.poll(async () => (await taskOf(task!.id)).is_complete, { timeout: 30_000 }).toBe(true);
  expect(refused).toBe(1);
  await waitUntilAllSaved(page);
  await expect(card(page, task!.text!)).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a 400 and a 500 roll back with their reasons, and no success message stays beside them', async ({ page }) => {
  test.slow();
  const [refused, broken] = await tasksOnTop('Refused', 2);
  await page.route(`**/api/v1/task/${refused!.id}/`, (route) =>
    route.request().method() === 'PUT'
      ? route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ errors: ['This task is locked by a workflow.'] }) })
      : route.continue(),
  );
  await page.route(`**/api/v1/task/${broken!.id}/`, (route) =>
    route.request().method() === 'PUT'
      ? route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: 'Database is on fire' }) })
      : route.continue(),
  );
  await openInbox(page);
  await card(page, refused!.text!).getByRole('button', { name: 'Complete' }).click();
  await card(page, broken!.text!).getByRole('button', { name: 'Complete' }).click();

  await expect(page.getByRole('alert').filter({ hasText: `Couldn't complete “${refused!.text}”: This task is locked by a workflow.` })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: `Couldn't complete “${broken!.text}”: Database is on fire` })).toBeVisible();
  await expect(card(page, refused!.text!)).toBeVisible();
  await expect(card(page, broken!.text!)).toBeVisible();
  await expect(toastFor(page, `Completed “${refused!.text}”`)).toHaveCount(0);
  await expect(toastFor(page, `Completed “${broken!.text}”`)).toHaveCount(0);
  await waitUntilAllSaved(page);
  expect((await taskOf(refused!.id)).is_complete).toBe(false);
  expect((await taskOf(broken!.id)).is_complete).toBe(false);
  await expectInboxCountAsOnServer(page);
});

test('Undo of a completion not yet sent cancels it: nothing reaches the server', async ({ page, context }) => {
  test.slow();
  const [task] = await tasksOnTop('Undo offline', 1);
  const saved = countSavedPuts(page);
  await openInbox(page);
  await context.setOffline(true);
  await card(page, task!.text!).getByRole('button', { name: 'Complete' }).click();
  await expect(card(page, task!.text!)).toHaveCount(0);
  await toastFor(page, `Completed “${task!.text}”`).getByRole('button', { name: 'Undo' }).click();
  await expect(card(page, task!.text!)).toBeVisible();
  await expect(toastFor(page, `Undid completing “${task!.text}”`)).toBeVisible();
  await expect(page.getByTestId('saving-indicator')).toHaveCount(0);
  await context.setOffline(false);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expectInboxCountAsOnServer(page);
  expect(saved.get(task!.id) ?? 0).toBe(0);
  expect((await taskOf(task!.id)).is_complete).toBe(false);
});
