/**
 * Fault campaign for the outbox: `npm run fault-campaign [-- --actions 200 --seed 7]` (build first).
 *
 *   Chromium ──▶ Triage (close mode, key of the demo manager) ──▶ fault upstream ──▶ embedded Close API
 *
 * The fault upstream (src/server/testing/fault-upstream.ts) is a real HTTP server that forwards to
 * an embedded API (real SQLite state) and, request by request from a seeded schedule, answers
 * instead with 429 storms (RateLimit, Retry-After or body-only), 502/503/504, slow answers,
 * dropped connections, or applies the change and then loses or truncates the answer. A script
 * drives mixed actions through the UI in real Chromium (complete, snooze +1 day, edit, undo) and
 * records what each task should end as. At the end (every change settled) it counts lost changes
 * (a task on the server not as the person left it), duplicated tasks, and checks the screen
 * against the server. Bounded: --actions (default 200) and a 20-minute deadline.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Page, chromium } from '@playwright/test';
import { type FaultBehaviour, type RecordedRequest, startFaultUpstream } from '../src/server/testing/fault-upstream';
import { ensureChromium } from './ensure-chromium.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ZONE = 'America/New_York';
const KEY = 'triage-demo-key';
const DEADLINE = Date.now() + 20 * 60_000;

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}
const ACTIONS = Math.min(option('actions', 200), 1_000);
const SEED = option('seed', 7);

/** mulberry32: the same schedule for the same seed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Server = { url: string; apiUrl: string | null; child: ChildProcess; dataDir: string };

async function startServer(env: Record<string, string>): Promise<Server> {
  const dataDir = mkdtempSync(join(tmpdir(), 'triage-campaign-'));
  const clean = { ...process.env };
  for (const name of ['CLOSE_API_KEY', 'CLOSE_API_URL', 'EMBEDDED_API_KEY', 'STATIC_DIR', 'PUBLIC_ORIGIN', 'BACKEND', 'SIGN_IN']) delete clean[name];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/index.ts'], {
    cwd: ROOT,
    env: { ...clean, PORT: '0', API_PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, TRIAGE_SKIP_BUILD: '1', TZ: ZONE, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
      const app = /Triage listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      const api = /[Ee]mbedded Close API (?:on|at) (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (app && (api || env.CLOSE_API_KEY)) {
        clearTimeout(timer);
        resolve({ url: app[1]!, apiUrl: api?.[1] ?? null, child, dataDir });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
}

async function stopServer(server: Server | null): Promise<void> {
  if (!server) return;
  if (server.child.exitCode === null) {
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  }
  rmSync(server.dataDir, { recursive: true, force: true });
}

type ApiTask = { id: string; text: string | null; date: string | null; is_complete: boolean; assigned_to: string | null };

function embeddedApi(apiUrl: string) {
  const authorization = `Basic ${Buffer.from(`${KEY}:`).toString('base64')}`;
  return async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${apiUrl}/api/v1${path}`, {
      method,
      headers: { authorization, 'x-tz-offset': '-5', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
    return JSON.parse(text) as T;
  };
}

/** The fault schedule: writes meet every kind of trouble, reads mostly the rate limit. */
function faultSchedule(random: () => number, injected: Map<string, number>) {
  const pick = (request: RecordedRequest): FaultBehaviour => {
    const write = request.method !== 'GET';
    const r = random();
    if (!write) {
      if (r < 0.08) return { kind: 'rate-limited-by', via: 'ratelimit', seconds: 1 };
      if (r < 0.1) return { kind: 'rate-limited-by', via: 'retry-after', seconds: 1 };
      return { kind: 'forward' };
    }
    if (r < 0.1) return { kind: 'rate-limited-by', via: 'ratelimit', seconds: 1 + Math.floor(random() * 2) };
    if (r < 0.15) return { kind: 'rate-limited-by', via: 'retry-after', seconds: 1 };
    if (r < 0.18) return { kind: 'rate-limited-by', via: 'body', seconds: 1 };
    if (r < 0.22) return { kind: 'unavailable', status: 502 };
    if (r < 0.26) return { kind: 'unavailable', status: 503 };
    if (r < 0.29) return { kind: 'unavailable', status: 504 };
    if (r < 0.32) return { kind: 'forward', delayMs: 1_500 };
    if (r < 0.35) return { kind: 'reset' };
    if (r < 0.38) return { kind: 'forward', after: 'reset' };
    if (r < 0.41) return { kind: 'forward', after: 'truncate' };
    return { kind: 'forward' };
  };
  return (request: RecordedRequest): FaultBehaviour => {
    const behaviour = pick(request);
    const name =
      behaviour.kind === 'rate-limited-by'
        ? `429 (${behaviour.via})`
        : behaviour.kind === 'unavailable'
          ? String(behaviour.status)
          : behaviour.kind === 'forward'
            ? behaviour.after
              ? `applied, answer ${behaviour.after === 'reset' ? 'lost' : 'truncated'}`
              : behaviour.delayMs
                ? 'slow answer'
                : 'none'
            : behaviour.kind === 'reset'
              ? 'connection reset'
              : behaviour.kind;
    if (name !== 'none') injected.set(name, (injected.get(name) ?? 0) + 1);
    return behaviour;
  };
}

type Intended = { is_complete: boolean; day: string | null; text: string };

function dayIn(zone: string, at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

function progress(line: string): void {
  process.stderr.write(`[fault-campaign ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 120_000): Promise<void> {
  const end = Math.min(Date.now() + timeoutMs, DEADLINE);
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function drive(page: Page, prefix: string, intended: Map<string, Intended>, random: () => number) {
  const history: Array<{ id: string; before: Intended }> = [];
  const done = { complete: 0, snooze: 0, edit: 0, undo: 0 };
  const tomorrow = dayIn(ZONE, new Date(Date.now() + 86_400_000));
  for (let i = 0; i < ACTIONS && Date.now() < DEADLINE; i++) {
    if (i > 0 && i % 25 === 0) progress(`${i} actions`);
    const first = page.locator('main article[data-task-id]').filter({ hasText: prefix }).first();
    await first.waitFor({ timeout: 60_000 });
    const id = (await first.getAttribute('data-task-id'))!;
    const before = { ...intended.get(id)! };
    const r = random();
    if (r < 0.1 && history.length > 0) {
      const last = history.pop()!;
      await page.locator('main').click({ position: { x: 2, y: 2 } });
      await page.keyboard.press('z');
      intended.set(last.id, last.before);
      done.undo++;
      continue;
    }
    if (r < 0.6) {
      await first.getByRole('button', { name: 'Complete' }).click();
      intended.set(id, { ...before, is_complete: true });
      done.complete++;
    } else if (r < 0.82) {
      await first.getByRole('button', { name: 'Snooze' }).click();
      await page.getByRole('dialog').getByRole('button', { name: /^\+1 day/ }).click();
      intended.set(id, { ...before, day: tomorrow });
      done.snooze++;
    } else {
      const text = `${before.text.replace(/ \(e\d+\)$/, '')} (e${i})`;
      await first.getByRole('button', { name: 'Edit' }).click();
      await page.getByRole('textbox', { name: 'Task text' }).fill(text);
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('textbox', { name: 'Task text' }).waitFor({ state: 'detached', timeout: 120_000 });
      intended.set(id, { ...before, text });
      done.edit++;
      // An edit's Undo is recorded when the server has it (its toast says "Task text saved"), so
      // `z` would undo it out of turn; the campaign's model of Undo waits for it to be recorded.
      // The outbox takes the change in a task after the click: let the page's event loop turn first.
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
      await until(async () => (await page.getByTestId('saving-indicator').count()) === 0, 'the edit to be saved');
    }
    history.push({ id, before });
    // Completed and snoozed cards leave at once; wait for it so the next pick is another card.
    if (r < 0.82) await until(async () => (await page.locator(`main article[data-task-id="${id}"]`).count()) === 0, 'the card to leave');
  }
  return done;
}

async function main() {
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) throw new Error('dist/index.html is missing: run `npm run build` first');
  const random = seeded(SEED);
  const injected = new Map<string, number>();
  let app: Server | null = null;
  const chromiumFound = await ensureChromium();
  if ('error' in chromiumFound) throw new Error(chromiumFound.error);
  const embedded = await startServer({ EMBEDDED_RATE_LIMIT: '0' });
  const upstream = await startFaultUpstream({ forwardTo: embedded.apiUrl! });
  let browser: Awaited<ReturnType<typeof chromium.launch>> | null = null;
  try {
    browser = await chromium.launch({ executablePath: chromiumFound.path });
    const api = embeddedApi(embedded.apiUrl!);
    const me = await api<{ id: string }>('GET', '/me/');
    const lead = (await api<{ data: Array<{ id: string }> }>('GET', '/lead/?_limit=1')).data[0]!;
    const prefix = `Campaign ${SEED}-${Date.now().toString(36)}`;
    const count = Math.min(ACTIONS + 20, 400);
    const intended = new Map<string, Intended>();
    for (let n = 0; n < count; n++) {
      const text = `${prefix} #${n}`;
      const task = await api<ApiTask>('POST', '/task/', { _type: 'lead', lead_id: lead.id, text, date: '2000-01-01', assigned_to: me.id });
      intended.set(task.id, { is_complete: false, day: '2000-01-01', text });
    }

    upstream.behave(faultSchedule(random, injected));
    app = await startServer({ CLOSE_API_KEY: KEY, CLOSE_API_URL: upstream.apiBaseUrl });
    const context = await browser.newContext({ timezoneId: ZONE, viewport: { width: 1280, height: 1600 } });
    const page = await context.newPage();
    await page.goto(`${app.url}/inbox?types=lead`);
    await page.locator('html[data-shortcuts="ready"]').waitFor({ state: 'attached', timeout: 120_000 });

    progress(`${count} tasks seeded; the app is up; driving ${ACTIONS} actions`);
    const started = Date.now();
    const done = await drive(page, prefix, intended, random).catch(async (error: unknown) => {
      await page.screenshot({ path: join(tmpdir(), 'fault-campaign-failure.png') }).catch(() => {});
      const toasts = await page.locator('[data-testid="toasts"] > div, [role="alert"]').allTextContents();
      progress(`stopped: ${JSON.stringify(toasts)} (screenshot in ${join(tmpdir(), 'fault-campaign-failure.png')})`);
      throw error;
    });
    progress('actions done; waiting for every change to settle');
    const actions = done.complete + done.snooze + done.edit + done.undo;
    await until(async () => (await page.getByTestId('saving-indicator').count()) === 0, 'every change to settle', 15 * 60_000);
    const unsaved = await page.getByTestId('unsaved-changes').locator('li').count();
    const alerts = await page.getByRole('alert').allTextContents();

    // The verdict, with the faults off.
    upstream.behave({ kind: 'forward' });
    let lost = 0;
    for (const [id, want] of intended) {
      const got = await api<ApiTask>('GET', `/task/${id}/`);
      const day = got.date ? dayIn(ZONE, new Date(got.date.length === 10 ? `${got.date}T12:00:00Z` : got.date)) : null;
      if (got.is_complete !== want.is_complete || (got.text ?? '') !== want.text || (want.day !== null && day !== want.day)) {
        lost++;
        process.stdout.write(`LOST ${id}: want ${JSON.stringify(want)} got ${JSON.stringify({ is_complete: got.is_complete, text: got.text, date: got.date })}\n`);
      }
    }
    const ours: ApiTask[] = [];
    for (let skip = 0; ; skip += 200) {
      const p = await api<{ data: ApiTask[]; has_more: boolean }>('GET', `/task/?_type=lead&lead_id=${lead.id}&_limit=200&_skip=${skip}`);
      ours.push(...p.data.filter((t) => (t.text ?? '').startsWith(prefix)));
      if (!p.has_more) break;
    }
    const duplicated = ours.length - new Set(ours.map((t) => t.id)).size + Math.max(0, ours.length - intended.size);

    // The screen equals the server: each card shown is the server's copy, and the count matches.
    await page.reload();
    await page.locator('html[data-shortcuts="ready"]').waitFor({ state: 'attached', timeout: 120_000 });
    await until(async () => ((await page.getByTestId('count-inbox').textContent()) ?? '').trim() !== '', 'the inbox count');
    const shownIds = await page.locator('main article[data-task-id]').evaluateAll((els) => els.map((el) => el.getAttribute('data-task-id')!));
    let screenMismatches = 0;
    for (const id of shownIds.filter((x) => intended.has(x))) {
      const want = intended.get(id)!;
      if (want.is_complete || want.day !== '2000-01-01') screenMismatches++;
    }
    const inboxOnServer = async () => {
      let n = 0;
      for (let skip = 0; ; skip += 200) {
        const p = await api<{ data: unknown[]; has_more: boolean }>('GET', `/task/?view=inbox&_type=lead&assigned_to=${me.id}&_fields=id&_limit=200&_skip=${skip}`);
        n += p.data.length;
        if (!p.has_more) return n;
      }
    };
    const shownCount = ((await page.getByTestId('count-inbox').textContent()) ?? '').trim().replace(/,/g, '');
    const serverCount = await inboxOnServer();
    if (shownCount !== String(serverCount) && !(serverCount >= 1_000 && shownCount.endsWith('+'))) screenMismatches++;

    const faults = [...injected.entries()].sort((a, b) => b[1] - a[1]);
    const totalFaults = faults.reduce((n, [, k]) => n + k, 0);
    const report = [
      `fault campaign (seed ${SEED}): ${actions} actions in ${Math.round((Date.now() - started) / 1000)} s`,
      `  complete ${done.complete}, snooze ${done.snooze}, edit ${done.edit}, undo ${done.undo}`,
      `  requests to the upstream: ${upstream.requests.length}; faults injected: ${totalFaults}`,
      ...faults.map(([kind, n]) => `    ${kind}: ${n}`),
      `  lost: ${lost}`,
      `  duplicated: ${duplicated}`,
      `  not saved (stuck): ${unsaved}; error messages on screen: ${alerts.length}`,
      `  screen vs server: inbox count ${shownCount} vs ${serverCount}; mismatches ${screenMismatches}`,
    ];
    process.stdout.write(`${report.join('\n')}\n`);
    await context.close();
    process.exitCode = lost === 0 && duplicated === 0 && screenMismatches === 0 && unsaved === 0 ? 0 : 1;
  } finally {
    await browser?.close();
    await upstream.close();
    await stopServer(app);
    await stopServer(embedded);
  }
}

main().catch((error) => {
  process.stderr.write(`fault-campaign: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
