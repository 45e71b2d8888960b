/**
 * Playwright fixtures for Triage: every worker runs its own real server (embedded Close API on SQLite,
 * fresh temp DATA_DIR, ports chosen by the OS), so tests in different workers never share state.
 *
 *   import { test, expect, closeApi } from './fixtures';
 *   test('…', async ({ page, triageServer }) => {
 *     await page.goto('/inbox');                               // baseURL is this worker's server
 *     const tasks = await closeApi(triageServer).get('/task/?_type=all');
 *   });
 *
 * Tests in one worker share its server: a test that changes data should not depend on the changes of
 * another. One that needs an untouched database uses `freshServer` (its own server, started for that
 * test alone) and navigates with absolute URLs: `page.goto(`${freshServer.url}/inbox`)`.
 *
 * `page` fails the test on any console error or uncaught page error. A test that expects some (a
 * refused request logs "Failed to load resource") lists them: `test.use({ allowedConsoleErrors: [/409/] })`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';

export { expect };

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STARTUP_TIMEOUT_MS = 45_000;
const STOP_TIMEOUT_MS = 5_000;
/** Key of the demo manager, Alex Morgan (EMBEDDED_API_KEY's default). */
export const DEMO_API_KEY = 'triage-demo-key';

const APP_LINE = /Triage listening on (http:\/\/127\.0\.0\.1:\d+)/;
// "Embedded Close API on http://127.0.0.1:PORT", or the banner's "Mode: embedded Close API at http://127.0.0.1:PORT/api/v1".
const API_LINE = /[Ee]mbedded Close API (?:on|at) (http:\/\/127\.0\.0\.1:\d+)/;

/** The test servers' own zone (`TZ`). A browser elsewhere gets no server-rendered first view. */
export const SERVER_TIME_ZONE = 'America/New_York';

export interface TriageServer {
  /** The app and its proxy, e.g. http://127.0.0.1:41234 */
  url: string;
  /** The embedded Close-compatible API (its paths start with /api/v1). */
  apiUrl: string;
  dataDir: string;
  pid: number;
  /** What the server printed so far (stdout and stderr), for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `node --import tsx src/server/index.ts` (as scripts/start.mjs does: the tsx CLI would
 * relay signals to a second process and may SIGKILL it before the database closes) on free
 * ports with an empty temp DATA_DIR and the embedded API.
 */
export interface TriageServerOptions {
  /** Settings on top of the test defaults (e.g. `{ EMBEDDED_RATE_LIMIT: '2' }`, `{ SIGN_IN: 'required' }`). */
  env?: Record<string, string>;
}

export async function startTriageServer(options: TriageServerOptions = {}): Promise<TriageServer> {
  // TRIAGE_E2E_DIST points the servers at another build (`npm run build -- --outDir …`), so two
  // checkouts' worth of work can run their specs side by side without rebuilding each other's app.
  const staticDir = process.env.TRIAGE_E2E_DIST ?? join(ROOT, 'dist');
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(`${staticDir}/index.html is missing: build the app first (\`npm run test:e2e\` or \`npm run build\`)`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'triage-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    API_PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    TRIAGE_SKIP_BUILD: '1',
    EMBEDDED_RATE_LIMIT: '0',
    // The zone the server renders first views in (docs/decisions/0011): the one most specs run
    // the browser in, so they take the server-rendered path a user in the server's zone takes.
    TZ: SERVER_TIME_ZONE,
    STATIC_DIR: staticDir,
  };
  // Whatever the developer's shell has for a real Close account must not reach a test server.
  for (const name of ['CLOSE_API_KEY', 'CLOSE_API_URL', 'EMBEDDED_API_KEY', 'PUBLIC_ORIGIN']) {
    delete env[name];
  }
  Object.assign(env, options.env);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/index.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const echo = Boolean(process.env.TRIAGE_E2E_SERVER_LOG);
  const remember = (chunk: Buffer) => {
    const text = chunk.toString();
    // Keep reading for the whole run (a full pipe would stall the server), but keep only the tail.
    output = (output + text).slice(-20_000);
    if (echo) process.stderr.write(text);
  };
  child.stdout.on('data', remember);
  child.stderr.on('data', remember);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
  // The server shuts down cleanly on SIGTERM, even if this worker dies first.
  const stopOnWorkerExit = () => child.kill('SIGTERM');
  process.once('exit', stopOnWorkerExit);

  async function stop() {
    process.off('exit', stopOnWorkerExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const stopped = await Promise.race([exited.then(() => true), delay(STOP_TIMEOUT_MS).then(() => false)]);
      if (!stopped) {
        child.kill('SIGKILL');
        await exited;
      }
    }
    removeDataDir();
  }

  try {
    const { url, apiUrl } = await waitForListening(child, () => output);
    return { url, apiUrl, dataDir, pid: child.pid!, output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function delay(ms: number) {
  return new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
}

function waitForListening(child: ChildProcess, output: () => string): Promise<{ url: string; apiUrl: string }> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const app = APP_LINE.exec(output());
      const api = API_LINE.exec(output());
      if (app && api) {
        done();
        resolve({ url: app[1]!, apiUrl: api[1]! });
      }
    };
    const fail = (why: string) => {
      done();
      reject(new Error(`Triage server ${why}. Its output:\n${output() || '(nothing)'}`));
    };
    const onExit = (code: number | null, signal: string | null) =>
      fail(`exited (${signal ?? `code ${code}`}) before printing "Triage listening on …" and "Embedded Close API on …"`);
    const timer = setTimeout(() => fail(`did not start within ${STARTUP_TIMEOUT_MS / 1000} s`), STARTUP_TIMEOUT_MS);
    const done = () => {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.off('exit', onExit);
    };
    child.stdout?.on('data', check);
    child.once('exit', onExit);
    check();
  });
}

export interface CloseApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  /** Parsed JSON, or the raw text when the body is not JSON. */
  body: T;
}

/**
 * Calls the server's EMBEDDED Close API directly (not through the proxy), to set up or check state.
 * Paths are Close's, relative to /api/v1: `closeApi(server).get('/task/?_type=all')`.
 */
export function closeApi(server: Pick<TriageServer, 'apiUrl'>, key: string = DEMO_API_KEY) {
  const authorization = `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
  async function request<T = unknown>(method: string, path: string, body?: unknown): Promise<CloseApiResponse<T>> {
    const response = await fetch(`${server.apiUrl}/api/v1${path.startsWith('/') ? path : `/${path}`}`, {
      method,
      headers: {
        authorization,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: keep the text so the assertion message shows it.
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  }
  return {
    request,
    get: <T = unknown>(path: string) => request<T>('GET', path),
    post: <T = unknown>(path: string, body: unknown) => request<T>('POST', path, body),
    put: <T = unknown>(path: string, body: unknown) => request<T>('PUT', path, body),
    delete: <T = unknown>(path: string) => request<T>('DELETE', path),
  };
}

interface TestFixtures {
  /** A server started for this test alone (fresh database); use absolute URLs with it. */
  freshServer: TriageServer;
  /** Console errors and page errors seen so far in this test's page. */
  consoleErrors: string[];
  /** Console errors this test expects; any other fails the test. */
  allowedConsoleErrors: (string | RegExp)[];
}

interface WorkerFixtures {
  /** This worker's server, shared by the tests that run in the worker. */
  triageServer: TriageServer;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  triageServer: [
    async ({}, use) => {
      const server = await startTriageServer();
      await use(server);
      await server.stop();
    },
    { scope: 'worker', timeout: STARTUP_TIMEOUT_MS + STOP_TIMEOUT_MS + 5_000 },
  ],

  freshServer: [
    async ({ context }, use) => {
      const server = await startTriageServer();
      await use(server);
      // The pages first: a refetch still on its way to a stopped server would fail, and Chromium
      // logs each failed load as a console error, which fails the test after the fact.
      for (const open of context.pages()) await open.close();
      await server.stop();
    },
    { timeout: STARTUP_TIMEOUT_MS + STOP_TIMEOUT_MS + 5_000 },
  ],

  baseURL: async ({ triageServer }, use) => {
    await use(triageServer.url);
  },

  allowedConsoleErrors: [[], { option: true }],

  consoleErrors: async ({}, use) => {
    await use([]);
  },

  page: async ({ page, consoleErrors, allowedConsoleErrors }, use) => {
    const allowed = (text: string) =>
      allowedConsoleErrors.some((pattern) => (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text)));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const where = message.location().url;
      const text = `console.error: ${message.text()}${where ? ` (${where})` : ''}`;
      if (!allowed(text)) consoleErrors.push(text);
    });
    page.on('pageerror', (error) => {
      const text = `page error: ${error.message}`;
      if (!allowed(text)) consoleErrors.push(text);
    });
    await use(page);
    expect(consoleErrors, 'the page logged errors').toEqual([]);
  },
});
