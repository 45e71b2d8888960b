/**
 * The app on BACKEND=outreach-demo: the same views through the Outreach connector, with what
 * Outreach cannot do left out (no Reopen in the archive) and an Undo that says what it can do.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Page, expect, test } from '@playwright/test';
import { card, toastFor, undoAfter, waitForList, waitUntilAllSaved } from './triage-helpers';

const ROOT = join(import.meta.dirname, '..');
const LISTENING = /Triage listening on (http:\/\/127\.0\.0\.1:\d+)/;
const STAND_IN = /embedded Outreach API at (http:\/\/127\.0\.0\.1:\d+\/api\/v2)/;
/** Kenji's static token (README, "Outreach demo"). */
const KENJI_TOKEN = 'outreach-demo-token-kenji';

let server: ChildProcess;
let url = '';
/** The stand-in's own `/api/v2`, from the banner. */
let standInUrl = '';
let dataDir = '';

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'triage-e2e-outreach-'));
  const env: NodeJS.ProcessEnv = { ...process.env, BACKEND: 'outreach-demo', PORT: '0', API_PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, TRIAGE_SKIP_BUILD: '1', STATIC_DIR: process.env.TRIAGE_E2E_DIST ?? join(ROOT, 'dist') };
  for (const name of ['CLOSE_API_KEY', 'CLOSE_API_URL', 'SIGN_IN', 'PUBLIC_ORIGIN']) delete env[name];
  server = spawn(process.execPath, ['--import', 'tsx', 'src/server/index.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  url = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = LISTENING.exec(output);
      const standIn = STAND_IN.exec(output);
      if (match && standIn) {
        standInUrl = standIn[1]!;
        resolve(match[1]!);
      }
    };
    server.stdout!.on('data', read);
    server.stderr!.on('data', read);
    server.once('exit', () => reject(new Error(`the server stopped:\n${output}`)));
  });
});

test.afterAll(async () => {
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
  rmSync(dataDir, { recursive: true, force: true });
});

async function openPage(browser: Browser, path: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ timezoneId: 'America/New_York' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${url}${path}`);
  return { page, errors };
}

test('the inbox and the archive show Outreach tasks; the archive offers no Reopen', async ({ browser }) => {
  const { page, errors } = await openPage(browser, '/inbox');
  await waitForList(page);
  await expect(page.locator('main article').first()).toBeVisible();
  await page.goto(`${url}/archive`);
  await waitForList(page);
  await expect(page.locator('main article').first()).toBeVisible();
  await expect(page.getByRole('button', { name: /^Reopen/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Complete/ })).toHaveCount(0);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('a completion reaches Outreach, and Undo says it cannot reopen rather than trying', async ({ browser }) => {
  const { page, errors } = await openPage(browser, '/inbox');
  await waitForList(page);
  const first = page.locator('main article').first();
  const title = (await first.getByRole('heading').first().innerText()).trim();
  // Several tasks may share a title ("Call Dana Whitfield"): one fewer is the one completed.
  const before = await card(page, title).count();
  await first.getByRole('button', { name: /^Complete/ }).click();
  await expect(card(page, title)).toHaveCount(before - 1);
  // Undo only once Outreach has the completion: then it cannot be withdrawn, only explained.
  await undoAfter(page, /^Completed/, () => waitUntilAllSaved(page));
  await expect(toastFor(page, /Can't undo completing .*completed tasks can't be reopened here/)).toBeVisible();
  await expect(card(page, title)).toHaveCount(before - 1);
  await page.goto(`${url}/archive`);
  await waitForList(page);
  await expect(card(page, title).first()).toBeVisible();
  expect(errors).toEqual([]);
  await page.context().close();
});

test("the manager's desk lists Outreach's users and counts their tasks", async ({ browser }) => {
  const { page, errors } = await openPage(browser, '/team');
  await expect(page.getByRole('table')).toBeVisible();
  await expect(page.getByTestId('counting-progress')).toHaveText(/^Counted (\d+) of \1/, { timeout: 60_000 });
  await expect(page.locator('tbody tr').filter({ hasText: 'Maya Patel' })).toBeVisible();
  expect(errors).toEqual([]);
  await page.context().close();
});

test("Switch user signs in as Kenji: the header shows him and the inbox is his tasks, as the stand-in gives his own token", async ({ browser }) => {
  const { page, errors } = await openPage(browser, '/inbox');
  await waitForList(page);
  const signedInName = page.getByTestId('signed-in-name');
  await expect(signedInName).toHaveText('Alex Morgan');
  await page.getByRole('button', { name: /^Account/ }).click();
  await expect(page.getByRole('heading', { name: 'Switch user' })).toBeVisible();
  await page.getByRole('button', { name: /^Kenji Tanaka/ }).click();
  await expect(signedInName).toHaveText('Kenji Tanaka');
  await waitForList(page);

  // What the page shows is what the stand-in gives Kenji's own token: his incomplete tasks.
  const standIn = async (pathAndQuery: string) => {
    const res = await fetch(`${standInUrl}${pathAndQuery}`, { headers: { authorization: `Bearer ${KENJI_TOKEN}` } });
    expect(res.status).toBe(200);
    return ((await res.json()) as { data: { id: number; attributes: Record<string, unknown> }[] }).data;
  };
  const users = await standIn('/users?page[size]=100');
  const kenji = users.find((u) => u.attributes.firstName === 'Kenji')!;
  const his = await standIn(`/tasks?filter[owner][id]=${kenji.id}&filter[state]=incomplete&page[size]=1000`);
  const hisIds = new Set(his.map((t) => String(t.id)));
  const shown = await page.locator('main article[data-task-id]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-task-id')!));
  expect(shown.length).toBeGreaterThan(0);
  for (const id of shown) expect(hisIds.has(id), `task ${id} is one of Kenji's incomplete tasks`).toBe(true);

  // A reload stays Kenji; Sign out brings the default demo user back.
  await page.reload();
  await waitForList(page);
  await expect(signedInName).toHaveText('Kenji Tanaka');
  await page.getByRole('button', { name: /^Account/ }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(signedInName).toHaveText('Alex Morgan');
  expect(errors).toEqual([]);
  await page.context().close();
});
