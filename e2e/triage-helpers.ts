/**
 * Helpers for the triage app's specs: set up tasks through the embedded Close API (with a time
 * zone offset, which `closeApi` does not send), compute days and offsets in a zone, and find
 * cards the way a person (or a screen reader) does: by role and name.
 */
import { randomUUID } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import { DEMO_API_KEY, type TriageServer, expect } from './fixtures';
import { shortcutsReady } from './keyboard-helpers';

export type ApiTask = {
  id: string;
  _type: string;
  assigned_to: string | null;
  assigned_to_name?: string | null;
  date: string | null;
  is_complete: boolean;
  text?: string | null;
  lead_id: string | null;
  lead_name?: string | null;
  [key: string]: unknown;
};
export type ApiUser = { id: string; first_name: string; last_name: string; email: string };

/** The zone's UTC offset in hours at `at` (fractional for e.g. Asia/Kolkata), from Intl. */
export function offsetHours(zone: string, at: Date = new Date()): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) + Number(m[3]) / 60);
}

/** `YYYY-MM-DD` in `zone` at `at`. */
export function dayIn(zone: string, at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Wall-clock `HH:mm` and day of an instant in `zone`. */
export function wallClockIn(zone: string, iso: string): { day: string; time: string } {
  const at = new Date(iso);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return { day: dayIn(zone, at), time };
}

export function uniqueText(prefix: string): string {
  return `${prefix} ${randomUUID().slice(0, 8)}`;
}

/** The embedded API with x-tz-offset (the app's own requests carry one too). */
export function api(server: Pick<TriageServer, 'apiUrl'>, zone = 'UTC', key = DEMO_API_KEY) {
  const authorization = `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${server.apiUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization,
        'x-tz-offset': String(offsetHours(zone)),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
    return JSON.parse(text) as T;
  }
  return {
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body: unknown) => call<T>('POST', path, body),
    put: <T>(path: string, body: unknown) => call<T>('PUT', path, body),
    /** Every page of a task list. */
    async listTasks(query: string): Promise<ApiTask[]> {
      const all: ApiTask[] = [];
      for (let skip = 0; ; skip += 200) {
        const page = await call<{ data: ApiTask[]; has_more: boolean }>('GET', `/task/?${query}&_limit=200&_skip=${skip}`);
        all.push(...page.data);
        if (!page.has_more) return all;
      }
    },
    task: (id: string) => call<ApiTask>('GET', `/task/${id}/`),
    me: () => call<ApiUser & { time_zone?: string }>('GET', '/me/'),
    async user(firstName: string): Promise<ApiUser> {
      const users = await call<{ data: ApiUser[] }>('GET', '/user/?_limit=200');
      const user = users.data.find((u) => u.first_name === firstName);
      if (!user) throw new Error(`no demo user named ${firstName}`);
      return user;
    },
    async anyLeadId(): Promise<{ id: string; name: string }> {
      const leads = await call<{ data: Array<{ id: string; display_name: string }> }>('GET', '/lead/?_limit=1');
      const lead = leads.data[0];
      if (!lead) throw new Error('the demo has no leads');
      return { id: lead.id, name: lead.display_name };
    },
  };
}

/** A lead task for the demo manager (or `assignedTo`), created through the API. */
export async function createLeadTask(
  server: Pick<TriageServer, 'apiUrl'>,
  fields: { text: string; date?: string; assigned_to?: string; is_complete?: boolean },
): Promise<ApiTask> {
  const client = api(server);
  const lead = await client.anyLeadId();
  return client.post<ApiTask>('/task/', { _type: 'lead', lead_id: lead.id, ...fields });
}

/** A task card, found as assistive technology finds it: an article named by its title. */
export function card(page: Page, title: string): Locator {
  return page.getByRole('article', { name: title, exact: true });
}

/**
 * The list is on screen and the app has taken the page over: the first cards may be the server's
 * markup, painted before the app's scripts are even fetched (ADR 0011), and nothing acts on them yet.
 */
export async function waitForList(page: Page): Promise<void> {
  await expect(page.getByTestId('task-list-skeleton')).toHaveCount(0);
  await expect(page.locator('main article, main h2').first()).toBeVisible();
  await shortcutsReady(page);
}

/**
 * A date-time long past that is earlier for every task created later in the run, so the newest
 * test task is always the first card of its inbox (the list is virtualized: only cards near the
 * top are in the DOM).
 */
export function topOfInboxDate(): string {
  return new Date(Date.UTC(2000, 0, 1) - (Date.now() % 1_000_000_000)).toISOString();
}

/** The toast whose message matches. */
export function toastFor(page: Page, message: string | RegExp): Locator {
  return page.getByTestId('toasts').locator('> div', { hasText: message });
}

/**
 * Holds the Undo toast open (hovering pauses its timer) while `check` runs, then presses Undo.
 * A loaded test machine can take longer than the toast's 8 s between two steps.
 */
export async function undoAfter(page: Page, message: string | RegExp, check: () => Promise<void>): Promise<void> {
  const toast = toastFor(page, message);
  await toast.hover();
  await check();
  await toast.getByRole('button', { name: 'Undo' }).click();
}


/**
 * Resolves once the page has rendered two more frames: by then a scroll's event has run and the
 * rows it brought in are on screen (as placeholders at first, ADR 0010).
 */
export function nextFrames(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/**
 * Resolves once the outbox has sent every change (the header's "Saving…" is gone): from then on
 * the server has what the screen shows.
 */
export async function waitUntilAllSaved(page: Page, timeout = 60_000): Promise<void> {
  await expect(page.getByTestId('saving-indicator')).toHaveCount(0, { timeout });
}
