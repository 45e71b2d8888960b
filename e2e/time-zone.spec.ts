/**
 * The chosen time zone decides what "today" is, exactly as the API decides it from x-tz-offset:
 * the Overdue and Today groups hold the very tasks the API puts before and after the start of
 * the day in that zone, and switching zones moves tasks between them.
 */
import type { Page } from '@playwright/test';
import { expect, startTriageServer, test, type TriageServer } from './fixtures';
import { api, dayIn, nextFrames, waitForList } from './triage-helpers';

test.use({ timezoneId: 'America/New_York', viewport: { width: 1280, height: 1200 } });
test.describe.configure({ mode: 'serial' });

let server: TriageServer;
let kenjiId = '';

test.beforeAll(async () => {
  server = await startTriageServer();
  const client = api(server);
  const kenji = await client.user('Kenji');
  kenjiId = kenji.id;
  const lead = await client.anyLeadId();
  // Every two hours from 40 h ago to 40 h ahead, plus date-only days around today: whatever the
  // zone, some land on each side of each edge.
  const now = Date.now();
  for (let h = -40; h <= 40; h += 2) {
    const date = new Date(now + h * 3_600_000).toISOString();
    await client.post('/task/', { _type: 'lead', lead_id: lead.id, assigned_to: kenji.id, text: `Boundary ${h >= 0 ? '+' : ''}${h}h`, date });
  }
  for (const day of [-2, -1, 0, 1, 2]) {
    const date = new Date(now + day * 86_400_000).toISOString().slice(0, 10);
    await client.post('/task/', { _type: 'lead', lead_id: lead.id, assigned_to: kenji.id, text: `Day ${day}`, date });
  }
});

test.afterAll(async () => {
  await server?.stop();
});

/** Scrolls the (virtualized) list from top to bottom and records which group each task is in. */
async function groupsOnScreen(page: Page): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  await page.evaluate(() => window.scrollTo(0, 0));
  for (let i = 0; i < 200; i++) {
    // Rows that enter while the list scrolls are placeholders until it rests (ADR 0010).
    await expect(page.locator('[data-placeholder]')).toHaveCount(0);
    const rows = await page.locator('[data-group-label]').evaluateAll((els) =>
      els.map((el) => [el.querySelector('article')?.getAttribute('data-task-id') ?? '', el.getAttribute('data-group-label') ?? ''] as const),
    );
    for (const [id, label] of rows) if (id) seen.set(id, label);
    const atEnd = await page.evaluate(() => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2);
    if (atEnd) break;
    await page.mouse.wheel(0, 700);
    await nextFrames(page);
  }
  return seen;
}

function idsIn(groups: Map<string, string>, label: string): string[] {
  return [...groups].filter(([, l]) => l === label).map(([id]) => id).sort();
}

/**
 * What the API says, with the zone's x-tz-offset: the inbox (before the start of tomorrow), and
 * of it what lies before the start of today (`date__lt` a date-only day; `view` would override
 * date__lt, so that list asks for incomplete tasks instead).
 */
async function apiGroups(zone: string): Promise<{ overdue: string[]; today: string[] }> {
  const client = api(server, zone);
  const base = `_type=lead&assigned_to=${kenjiId}`;
  const inbox = (await client.listTasks(`${base}&view=inbox`)).map((t) => t.id);
  const overdue = new Set((await client.listTasks(`${base}&is_complete=false&date__lt=${dayIn(zone)}`)).map((t) => t.id));
  return { overdue: inbox.filter((id) => overdue.has(id)).sort(), today: inbox.filter((id) => !overdue.has(id)).sort() };
}

test('Overdue and Today match the API in each zone, and switching zones moves tasks', async ({ page }) => {
  await page.goto(`${server.url}/inbox?types=lead&assignee=${kenjiId}&tz=America/Los_Angeles`);
  await waitForList(page);
  const la = await groupsOnScreen(page);
  const laApi = await apiGroups('America/Los_Angeles');
  expect(laApi.today.length).toBeGreaterThan(0);
  expect(idsIn(la, 'Today')).toEqual(laApi.today);
  expect(idsIn(la, 'Overdue')).toEqual(laApi.overdue);

  // Half an hour off the hour, 13.5 hours from Los Angeles.
  await page.getByRole('combobox', { name: 'Time zone' }).selectOption('Asia/Kolkata');
  await expect(page).toHaveURL(/tz=Asia%2FKolkata|tz=Asia\/Kolkata/);
  await waitForList(page);
  const kolkataApi = await apiGroups('Asia/Kolkata');
  await expect.poll(async () => idsIn(await groupsOnScreen(page), 'Today')).toEqual(kolkataApi.today);
  const kolkata = await groupsOnScreen(page);
  expect(idsIn(kolkata, 'Overdue')).toEqual(kolkataApi.overdue);

  expect(kolkataApi.today).not.toEqual(laApi.today);
});

test('the zone comes from the browser when the URL names none, and a bad one falls back', async ({ page }) => {
  await page.goto(`${server.url}/inbox?types=lead&assignee=${kenjiId}&tz=Mars%2FOlympus`);
  await waitForList(page);
  await expect(page.getByRole('combobox', { name: 'Time zone' })).toHaveValue('America/New_York');
  const ny = await groupsOnScreen(page);
  const nyApi = await apiGroups('America/New_York');
  expect(idsIn(ny, 'Today')).toEqual(nyApi.today);
});
