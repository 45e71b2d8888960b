/**
 * The core walks of the Close specs, on BACKEND=outreach-demo, by keyboard only: the inbox is the
 * demo user's incomplete tasks due by the end of their day; a call card carries the prospect's
 * number and a sequence's task its step; complete (then in the archive), snooze (Outreach's own
 * +1 day), reassign, the note, the priority (shown, filtered, set and undone), and an Undo that
 * says what Outreach can undo. Each change is
 * checked on the Outreach stand-in itself, through its JSON:API.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Page, expect, test } from '@playwright/test';
import { cardById, cardIdsOnScreen, countingKeyboard, expectFocusOn, focusedCard, shortcutsReady } from './keyboard-helpers';
import { toastFor, waitForList, waitUntilAllSaved } from './triage-helpers';

const ROOT = join(import.meta.dirname, '..');
const ZONE = 'America/New_York';
const TOKEN = 'triage-outreach-demo-token';
const APP_LINE = /Triage listening on (http:\/\/127\.0\.0\.1:\d+)/;
const API_LINE = /embedded Outreach API at (http:\/\/127\.0\.0\.1:\d+\/api\/v2)/;

type Resource = { id: number; type: string; attributes: Record<string, unknown>; relationships?: Record<string, { data: { id: number; type: string } | null }> };
type Capabilities = { priority: boolean; completionNote: boolean; note: boolean; reopen: boolean; snoozeDefaultOneDay: boolean };

let server: ChildProcess;
let url = '';
let outreachUrl = '';
let dataDir = '';

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'triage-e2e-outreach-walks-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BACKEND: 'outreach-demo',
    PORT: '0',
    API_PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    TZ: ZONE,
    TRIAGE_SKIP_BUILD: '1',
    STATIC_DIR: process.env.TRIAGE_E2E_DIST ?? join(ROOT, 'dist'),
  };
  for (const name of ['CLOSE_API_KEY', 'CLOSE_API_URL', 'SIGN_IN', 'PUBLIC_ORIGIN', 'EMBEDDED_OUTREACH_TOKEN']) delete env[name];
  server = spawn(process.execPath, ['--import', 'tsx', 'src/server/index.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  [url, outreachUrl] = await new Promise<[string, string]>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
      const app = APP_LINE.exec(output);
      const api = API_LINE.exec(output);
      if (app && api) resolve([app[1]!, api[1]!]);
    };
    server.stdout!.on('data', read);
    server.stderr!.on('data', read);
    server.once('exit', () => reject(new Error(`the server stopped:\n${output}`)));
  });
});

test.afterAll(async () => {
  if (server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

/** The Outreach stand-in, as the demo user. */
async function outreach<T>(path: string): Promise<T> {
  const res = await fetch(`${outreachUrl}${path}`, { headers: { authorization: `Bearer ${TOKEN}`, accept: 'application/vnd.api+json' } });
  if (!res.ok) throw new Error(`GET ${path} → ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}
const outreachTask = async (id: string) => (await outreach<{ data: Resource }>(`/tasks/${id}`)).data;
const me = async () => (await outreach<{ meta: { user: { id: number } } }>('')).meta.user.id;

async function capabilities(): Promise<Capabilities> {
  return (await (await fetch(`${url}/api/capabilities`)).json()) as Capabilities;
}

/** The end of today in ZONE, as an instant. */
function endOfTodayIso(): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  const offsetMs = Date.parse(new Date(midnightUtc).toLocaleString('en-US', { timeZone: ZONE })) - Date.parse(new Date(midnightUtc).toLocaleString('en-US', { timeZone: 'UTC' }));
  return new Date(midnightUtc - offsetMs + 86_400_000 - 1).toISOString();
}

/** The ids of the demo user's incomplete tasks due by the end of their day, from Outreach itself. */
async function inboxIdsInOutreach(): Promise<string[]> {
  const owner = await me();
  const doc = await outreach<{ data: Resource[] }>(`/tasks?filter[owner][id]=${owner}&filter[state]=incomplete&filter[dueAt]=neginf..${endOfTodayIso()}&page[size]=1000`);
  return doc.data.map((t) => String(t.id)).sort();
}

async function openInbox(browser: Browser, path = '/inbox'): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ timezoneId: ZONE, viewport: { width: 1280, height: 2400 } });
  const page = await context.newPage();
  const errors: string[] = [];
  // The one error let through: the manager's desk reports the person's zone to Close's `/me/`
  // (`/team/zones/me`), which Outreach has no counterpart of; a known gap of the desk's, not of these walks.
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.location().url.includes('/team/zones/')) errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${url}${path}`);
  await waitForList(page);
  return { page, errors };
}

/** Moves the keyboard's focus to the card with this id with j, as a person would. */
async function focusCard(page: Page, id: string, keyboard = countingKeyboard(page)): Promise<void> {
  const ids = await cardIdsOnScreen(page);
  const index = ids.indexOf(id);
  expect(index, `card ${id} is on screen`).toBeGreaterThanOrEqual(0);
  if ((await focusedCard(page).count()) === 0) await keyboard.press('j');
  const at = (await focusedCard(page).getAttribute('data-task-id'))!;
  const from = ids.indexOf(at);
  for (let i = from; i < index; i++) await keyboard.press('j');
  for (let i = from; i > index; i--) await keyboard.press('k');
  // The first card holds the ring from the start without the browser's focus: a step away and
  // back gives it that too (Tab then walks its buttons).
  if (index === from && ids.length > 1) {
    const [away, back] = index === 0 ? ['j', 'k'] : ['k', 'j'];
    await keyboard.press(away);
    await keyboard.press(back);
  }
  await expectFocusOn(page, id);
}

test('the inbox is the demo user’s incomplete tasks due by the end of their day, pending ones left out', async ({ browser }) => {
  const { page, errors } = await openInbox(browser);
  const expected = await inboxIdsInOutreach();
  expect(expected.length).toBeGreaterThan(0);
  expect((await cardIdsOnScreen(page)).sort()).toEqual(expected);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('a call card carries the prospect’s number', async ({ browser }) => {
  const { page, errors } = await openInbox(browser);
  const owner = await me();
  // `action` is not one of Outreach's filters: the inbox's tasks are read and the calls picked here.
  const calls = await outreach<{ data: Resource[]; included?: Resource[] }>(
    `/tasks?filter[owner][id]=${owner}&filter[state]=incomplete&filter[dueAt]=neginf..${endOfTodayIso()}&include=prospect&page[size]=1000`,
  );
  const call = calls.data.find((t) => t.attributes.action === 'call' && t.relationships?.prospect?.data);
  expect(call, 'the demo has a call due today with a prospect').toBeTruthy();
  const prospect = calls.included!.find((r) => r.type === 'prospect' && r.id === call!.relationships!.prospect!.data!.id)!;
  const phones = ['mobilePhones', 'workPhones', 'homePhones', 'voipPhones', 'otherPhones'].flatMap((k) => (prospect.attributes[k] as string[] | undefined) ?? []);
  const link = cardById(page, String(call!.id)).locator('a[href^="tel:"]').first();
  await expect(link).toHaveAttribute('href', `tel:${phones[0]}`);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('a sequence’s task names its step and sequence on the card', async ({ browser }) => {
  const { page, errors } = await openInbox(browser);
  const owner = await me();
  const doc = await outreach<{ data: Resource[]; included?: Resource[] }>(
    `/tasks?filter[owner][id]=${owner}&filter[state]=incomplete&filter[dueAt]=neginf..${endOfTodayIso()}&include=sequence,sequenceStep&page[size]=1000`,
  );
  const task = doc.data.find((t) => t.relationships?.sequenceStep?.data && t.relationships?.sequence?.data);
  expect(task, 'the demo has a sequence step due today').toBeTruthy();
  const find = (type: string, id: number) => doc.included!.find((r) => r.type === type && r.id === id)!;
  const step = find('sequenceStep', task!.relationships!.sequenceStep!.data!.id);
  const sequence = find('sequence', task!.relationships!.sequence!.data!.id);
  await expect(cardById(page, String(task!.id))).toContainText(`Step ${String(step.attributes.order)} · ${String(sequence.attributes.name)}`);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('complete by keyboard: gone from the inbox, complete in Outreach, in the archive; Undo says it cannot reopen', async ({ browser }) => {
  const { page, errors } = await openInbox(browser);
  const keyboard = countingKeyboard(page);
  const id = (await cardIdsOnScreen(page))[0]!;
  await focusCard(page, id, keyboard);
  await keyboard.press('e');
  await expect(cardById(page, id)).toHaveCount(0);
  await expect.poll(async () => (await outreachTask(id)).attributes.state).toBe('complete');
  await waitUntilAllSaved(page);
  // Sent already: Outreach has no reopen, so Undo says so and the task stays complete.
  await keyboard.press('z');
  await expect(toastFor(page, /Can't undo completing .*completed tasks can't be reopened here/)).toBeVisible();
  expect((await outreachTask(id)).attributes.state).toBe('complete');
  await keyboard.press('g');
  await keyboard.press('a');
  await expect(page).toHaveURL(/\/archive/);
  await waitForList(page);
  await expect(cardById(page, id)).toHaveCount(1);
  await expect(page.getByRole('button', { name: /^Reopen/ })).toHaveCount(0);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('snooze by keyboard is Outreach’s own +1 day: a day past the later of now and the due time', async ({ browser }) => {
  const caps = await capabilities();
  expect(caps.snoozeDefaultOneDay).toBe(true);
  const { page, errors } = await openInbox(browser);
  const keyboard = countingKeyboard(page);
  const id = (await cardIdsOnScreen(page))[0]!;
  const dueBefore = Date.parse(String((await outreachTask(id)).attributes.dueAt));
  await focusCard(page, id, keyboard);
  const pressedAt = Date.now();
  await keyboard.press('h');
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.getByRole('dialog').getByRole('button').first()).toContainText('Snooze: +1 day');
  await keyboard.press('1');
  await expect(cardById(page, id)).toHaveCount(0);
  await expect.poll(async () => (await outreachTask(id)).attributes.dueAt).not.toBe(new Date(dueBefore).toISOString());
  await waitUntilAllSaved(page);
  const dueAfter = Date.parse(String((await outreachTask(id)).attributes.dueAt));
  // The wall-clock minute a day on (seconds dropped), from the due time, or from now when it is past.
  const base = Math.max(dueBefore, pressedAt);
  expect(Math.abs(dueAfter - (base + 86_400_000))).toBeLessThan(2 * 60_000);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('reassign by keyboard: the owner changes in Outreach', async ({ browser }) => {
  const { page, errors } = await openInbox(browser);
  const keyboard = countingKeyboard(page);
  const id = (await cardIdsOnScreen(page))[0]!;
  await focusCard(page, id, keyboard);
  await keyboard.press('a');
  const dialog = page.getByRole('dialog', { name: /^Reassign/ });
  await expect(dialog.getByRole('searchbox', { name: 'Search people' })).toBeFocused();
  await keyboard.type('may');
  await expect(dialog.getByRole('option')).toHaveCount(1);
  await expect(dialog.getByRole('option')).toContainText('Maya Patel');
  await keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(cardById(page, id)).toHaveCount(0);
  const users = await outreach<{ data: Resource[] }>('/users?filter[email]=maya@demo.triage.test');
  await expect.poll(async () => (await outreachTask(id)).relationships?.owner?.data?.id).toBe(users.data[0]!.id);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('the note of any task is edited from its card, and Outreach keeps it', async ({ browser }) => {
  const { page, errors } = await openInbox(browser);
  const id = (await cardIdsOnScreen(page))[0]!;
  const note = `Called twice, try after 3pm ${Date.now() % 100_000}`;
  await focusCard(page, id);
  // From the card, Tab walks its buttons to "Edit note".
  const edit = cardById(page, id).getByRole('button', { name: 'Edit note' });
  for (let i = 0; i < 12 && !(await edit.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(edit).toBeFocused();
  await page.keyboard.press('Enter');
  const field = cardById(page, id).getByRole('textbox', { name: 'Note' });
  await expect(field).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(note);
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(field).toHaveCount(0);
  await expect(toastFor(page, 'Note saved')).toBeVisible();
  await expect.poll(async () => (await outreachTask(id)).attributes.note).toBe(note);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('priority: shown on the card, filtered in the URL, set with p, and put back by Undo', async ({ browser }) => {
  expect((await capabilities()).priority).toBe(true);
  const priorities = await outreach<{ data: Resource[] }>('/taskPriorities');
  const heaviest = priorities.data.reduce((top, p) => (Number(p.attributes.weight) > Number(top.attributes.weight) ? p : top));
  const { page, errors } = await openInbox(browser);
  const keyboard = countingKeyboard(page);
  // The badge (a "High priority" toggle button is on every open card too).
  const badge = (scope: Page | ReturnType<typeof cardById>) => scope.locator('span').filter({ hasText: /^High priority$/ });
  const high = page.locator('main article').filter({ has: badge(page) });
  const highCount = await high.count();
  expect(highCount).toBeGreaterThan(0);
  await page.getByRole('combobox', { name: 'Priority' }).selectOption('high');
  await expect(page).toHaveURL(/[?&]priority=high/);
  await expect(page.locator('main article')).toHaveCount(highCount);
  await page.getByRole('combobox', { name: 'Priority' }).selectOption('');
  await expect(page).not.toHaveURL(/priority=/);
  await shortcutsReady(page);
  // `p` on a normal-priority card makes it high.
  const ids = await cardIdsOnScreen(page);
  const highIds = await high.evaluateAll((els) => els.map((el) => el.getAttribute('data-task-id')));
  const normal = ids.find((id) => !highIds.includes(id))!;
  const before = (await outreachTask(normal)).relationships?.taskPriority?.data?.id ?? null;
  await focusCard(page, normal, keyboard);
  await keyboard.press('p');
  await expect(badge(cardById(page, normal))).toBeVisible();
  await expect(cardById(page, normal).getByRole('button', { name: /^High priority/ })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await outreachTask(normal)).relationships?.taskPriority?.data?.id, { message: 'Outreach has its heaviest priority on the task' }).toBe(heaviest.id);
  await waitUntilAllSaved(page);
  // Undo after it was sent: the priority the task had before (Low, Medium or none) comes back.
  await keyboard.press('z');
  await expect(badge(cardById(page, normal))).toHaveCount(0);
  await expect.poll(async () => (await outreachTask(normal)).relationships?.taskPriority?.data?.id ?? null, { message: 'Outreach has the earlier priority again' }).toBe(before);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('complete with a note (Shift+E) where Outreach keeps one; e alone stays one keystroke', async ({ browser }) => {
  const caps = await capabilities();
  test.skip(!caps.completionNote, 'BLOCKED: the Outreach connector does not declare `completionNote` yet (it must pass completion_note as markComplete’s completionNote)');
  const { page, errors } = await openInbox(browser);
  const keyboard = countingKeyboard(page);
  const id = (await cardIdsOnScreen(page))[0]!;
  await focusCard(page, id, keyboard);
  await keyboard.press('Shift+E');
  const field = page.getByRole('textbox', { name: /Completion note/ });
  await expect(field).toBeFocused();
  await page.keyboard.type('Booked a demo for Thursday');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(cardById(page, id)).toHaveCount(0);
  await expect.poll(async () => (await outreachTask(id)).attributes.state).toBe('complete');
  expect(errors).toEqual([]);
  await page.context().close();
});
