/**
 * The server as a process, started the way `npm start` starts it (node --import tsx
 * src/server/index.ts): what it prints, how it fails on bad settings, and how it stops.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../scripts/build-server.mjs';
import { buildReason, serverBuildReason } from '../../scripts/start.mjs';
import { type FaultUpstream, startFaultUpstream } from './testing/fault-upstream';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const LISTENING = /^Triage listening on (http:\/\/\S+)$/m;

interface ServerProcess {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running: ServerProcess[] = [];
const tempDirs: string[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-index-'));
  tempDirs.push(dir);
  return dir;
}

function startServer(env: Record<string, string>, command: string[] = ['--import', 'tsx', 'src/server/index.ts']): ServerProcess {
  const child = spawn(process.execPath, command, {
    cwd: ROOT,
    // Only what the test sets: the runner's own PORT or CLOSE_API_KEY must not leak in.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? os.tmpdir(), STATIC_DIR: '', PORT: '0', API_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const proc = { child, stdout: () => out, stderr: () => err, exited };
  running.push(proc);
  return proc;
}

/** Resolves with the printed URL once the server is up; rejects if the process ends first. */
function listeningUrl(proc: ServerProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = LISTENING.exec(proc.stdout());
      if (match) {
        proc.child.stdout!.off('data', check);
        resolve(match[1]!);
      }
    };
    proc.child.stdout!.on('data', check);
    check();
    void proc.exited.then(({ code }) => reject(new Error(`server exited (${code}) before listening: ${proc.stderr()}`)));
  });
}

async function stop(proc: ServerProcess, signal: NodeJS.Signals = 'SIGTERM') {
  proc.child.kill(signal);
  return proc.exited;
}

afterEach(async () => {
  for (const proc of running.splice(0)) {
    if (proc.child.exitCode === null && proc.child.signalCode === null) {
      proc.child.kill('SIGKILL');
      await proc.exited;
    }
  }
});
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** Asserts the process failed with exactly one line on stderr, and returns it. */
async function failsWithOneLine(proc: ServerProcess): Promise<string> {
  const { code } = await proc.exited;
  expect(code).toBe(1);
  const lines = proc.stderr().split('\n').filter(Boolean);
  expect(lines, proc.stderr()).toHaveLength(1);
  expect(lines[0]).toMatch(/^triage: /);
  expect(proc.stdout()).not.toMatch(LISTENING);
  return lines[0]!;
}

describe('with CLOSE_API_KEY (proxy to Close)', () => {
  let close: FaultUpstream;
  beforeAll(async () => {
    close = await startFaultUpstream();
  });
  afterAll(() => close.close());

  it('prints its URL and mode, proxies with the key, opens no database, and stops on SIGTERM with 0', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const key = 'api_process-test.SECRET';
    const proc = startServer({ CLOSE_API_KEY: key, CLOSE_API_URL: close.apiBaseUrl, DATA_DIR: dataDir });
    const url = await listeningUrl(proc);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(proc.stdout()).toContain(`Mode: Close at ${close.apiBaseUrl}`);
    expect(proc.stdout()).not.toContain(key);

    expect(await (await fetch(`${url}/api/health`)).json()).toEqual({ ok: true, mode: 'close' });
    const echo = (await (await fetch(`${url}/api/v1/me/`)).json()) as { headers: Record<string, string> };
    expect(echo.headers.authorization).toBe(`Basic ${Buffer.from(`${key}:`).toString('base64')}`);

    expect(await stop(proc)).toEqual({ code: 0, signal: null });
    expect(fs.existsSync(dataDir)).toBe(false);
    expect(proc.stdout() + proc.stderr()).not.toContain(key);
  });

  it('stops on SIGINT with 0 too', async () => {
    const proc = startServer({ CLOSE_API_KEY: 'k', CLOSE_API_URL: close.apiBaseUrl });
    await listeningUrl(proc);
    expect(await stop(proc, 'SIGINT')).toEqual({ code: 0, signal: null });
  });
});

describe('bad settings stop it with one clear line and exit code 1', () => {
  it('a port in use', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const proc = startServer({ CLOSE_API_KEY: 'k', PORT: String(port) });
      expect(await failsWithOneLine(proc)).toBe(`triage: PORT ${port} is already in use; set PORT to a free port (or 0 to pick one)`);
    } finally {
      blocker.close();
    }
  });

  it('a malformed CLOSE_API_URL', async () => {
    const proc = startServer({ CLOSE_API_KEY: 'k', CLOSE_API_URL: 'api.close.com/api/v1' });
    expect(await failsWithOneLine(proc)).toBe(
      'triage: CLOSE_API_URL is not a valid URL (got "api.close.com/api/v1"); use e.g. https://api.close.com/api/v1',
    );
  });

  it('a port that is not a number', async () => {
    const proc = startServer({ PORT: 'three thousand' });
    expect(await failsWithOneLine(proc)).toBe('triage: PORT must be a port number from 0 to 65535 (got "three thousand")');
  });

  it('a DATA_DIR that cannot hold the database', async () => {
    const file = path.join(tempDir(), 'not-a-folder');
    fs.writeFileSync(file, '');
    const proc = startServer({ DATA_DIR: file });
    expect(await failsWithOneLine(proc)).toBe(`triage: DATA_DIR ${file} is not a folder; set DATA_DIR to a folder this user can write`);
  });
});

describe('without CLOSE_API_KEY (embedded Close API)', () => {
  it('prints the URL and the demo users, and keeps changes across restarts', async () => {
    const dataDir = tempDir();
    const env = { DATA_DIR: dataDir, EMBEDDED_RATE_LIMIT: '0' };

    const first = startServer(env);
    const url = await listeningUrl(first);
    const out = first.stdout();
    expect(out).toMatch(/Mode: embedded Close API at http:\/\/127\.0\.0\.1:\d+\/api\/v1/);
    expect(out).toMatch(/Alex Morgan\s+manager\s+America\/New_York\s+triage-demo-key \(signed in\)/);
    expect(out).toMatch(/Priya Sharma\s+rep\s+Asia\/Kolkata\s+demo-key-priya/);
    expect(await (await fetch(`${url}/api/health`)).json()).toEqual({ ok: true, mode: 'embedded' });

    const me = (await (await fetch(`${url}/api/v1/me/`)).json()) as { first_name: string };
    expect(me.first_name).toBe('Alex');
    const list = (await (await fetch(`${url}/api/v1/task/?_type=all&is_complete=false&_limit=1&_fields=id`)).json()) as { data: { id: string }[] };
    const taskId = list.data[0]!.id;
    const put = await fetch(`${url}/api/v1/task/${taskId}/`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ is_complete: true }),
    });
    expect(put.status).toBe(200);
    expect(await stop(first)).toEqual({ code: 0, signal: null });

    const second = startServer(env);
    const url2 = await listeningUrl(second);
    const task = (await (await fetch(`${url2}/api/v1/task/${taskId}/`)).json()) as { is_complete: boolean };
    expect(task.is_complete).toBe(true);
    expect(await stop(second, 'SIGINT')).toEqual({ code: 0, signal: null });
  });

  it('an API_PORT in use stops it with one line', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const proc = startServer({ DATA_DIR: tempDir(), API_PORT: String(port) });
      expect(await failsWithOneLine(proc)).toBe(`triage: API_PORT ${port} is already in use; set API_PORT to a free port (or 0 to pick one)`);
    } finally {
      blocker.close();
    }
  });
});

describe('npm start (scripts/start.mjs)', () => {
  let close: FaultUpstream;
  beforeAll(async () => {
    close = await startFaultUpstream();
  });
  afterAll(() => close.close());

  it.each(['SIGTERM', 'SIGINT'] as const)('runs the server and passes %s on to it, exiting with its code 0', async (signal) => {
    const proc = startServer({ TRIAGE_SKIP_BUILD: '1', CLOSE_API_KEY: 'k', CLOSE_API_URL: close.apiBaseUrl }, ['scripts/start.mjs']);
    const url = await listeningUrl(proc);
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
    expect(await stop(proc, signal)).toEqual({ code: 0, signal: null });
    // The server went down with it: nothing answers at its address any more.
    await expect(fetch(`${url}/api/health`)).rejects.toThrow();
  });

  it('passes the server’s failure on as its own exit code', async () => {
    const proc = startServer({ TRIAGE_SKIP_BUILD: '1', PORT: 'nope' }, ['scripts/start.mjs']);
    expect(await failsWithOneLine(proc)).toBe('triage: PORT must be a port number from 0 to 65535 (got "nope")');
  });

  it('rebuilds only when the build is missing or older than a client source', () => {
    const root = tempDir();
    const write = (file: string, mtimeSeconds: number) => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), '');
      fs.utimesSync(path.join(root, file), mtimeSeconds, mtimeSeconds);
    };
    write('src/app/main.tsx', 1_000);
    write('index.html', 1_000);
    expect(buildReason(root)).toBe('dist/index.html is missing');
    write('dist/index.html', 2_000);
    expect(buildReason(root)).toBe('dist/ssr/entry-server.js is missing');
    write('dist/ssr/entry-server.js', 2_000);
    expect(buildReason(root)).toBeNull();
    write('src/server/app.ts', 3_000);
    write('src/app/main.test.tsx', 3_000);
    expect(buildReason(root)).toBeNull();
    write('src/features/tasks/task-card.tsx', 3_000);
    expect(buildReason(root)).toBe('src changed since the last build');
    write('dist/index.html', 4_000);
    write('public/favicon.svg', 5_000);
    expect(buildReason(root)).toBe('public changed since the last build');
  });

  it('rebuilds the server when its build is missing or older than any source, its own or shared', () => {
    const root = tempDir();
    const write = (file: string, mtimeSeconds: number) => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), '');
      fs.utimesSync(path.join(root, file), mtimeSeconds, mtimeSeconds);
    };
    write('src/server/app.ts', 1_000);
    expect(serverBuildReason(root)).toBe('dist/server/index.js is missing');
    write('dist/server/index.js', 2_000);
    expect(serverBuildReason(root)).toBeNull();
    write('src/shared/close/dates.ts', 3_000);
    expect(serverBuildReason(root)).toBe('src changed since the server was built');
    write('dist/server/index.js', 4_000);
    write('src/server/app.ts', 5_000);
    expect(serverBuildReason(root)).toBe('src changed since the server was built');
  });
});

describe('the built server (scripts/build-server.mjs)', () => {
  // Inside the project, so its packages resolve from node_modules as they do from dist/.
  const outDir = path.join(ROOT, `.test-build-${process.pid}`);
  afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

  it('starts as plain JavaScript with the embedded API on its worker thread, and serves its demo media', async () => {
    await buildServer(outDir);
    const proc = startServer({ DATA_DIR: tempDir() }, [path.join(outDir, 'server', 'index.js')]);
    const url = await listeningUrl(proc);
    const me = (await (await fetch(`${url}/api/v1/me/`)).json()) as { first_name: string };
    expect(me.first_name).toBe('Alex');
    const tasks = (await (await fetch(`${url}/api/v1/task/?_type=voicemail&_limit=1`)).json()) as { data: Array<{ voicemail_url: string }> };
    const media = await fetch(`${url}/api/media?url=${encodeURIComponent(tasks.data[0]!.voicemail_url)}`);
    expect(media.status).toBe(200);
    expect(media.headers.get('content-type')).toMatch(/^audio\//);
    expect(await stop(proc)).toEqual({ code: 0, signal: null });
  }, 60_000);
});
