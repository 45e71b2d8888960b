// `npm run dev`: the API server (restarting on change, API only) and Vite's dev server together.
// Open http://127.0.0.1:5173; Vite proxies /api to the server (TRIAGE_DEV_API). Ctrl-C stops
// both; if either ends, the other is stopped too.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);

const serverPort = process.env.PORT || '3000';
const devOrigins = 'http://127.0.0.1:5173,http://localhost:5173';

const children = [
  spawn(bin('tsx'), ['watch', '--clear-screen=false', 'src/server/index.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      STATIC_DIR: '',
      PORT: serverPort,
      PUBLIC_ORIGIN: process.env.PUBLIC_ORIGIN || devOrigins,
    },
    // Own process group, so the terminal's Ctrl-C reaches it once, through us.
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  }),
  spawn(bin('vite'), [], {
    cwd: ROOT,
    env: { ...process.env, TRIAGE_DEV_API: process.env.TRIAGE_DEV_API || `http://127.0.0.1:${serverPort}` },
    stdio: 'inherit',
  }),
];

let exitCode = null;
const ended = new Set();
const alive = (child) => !ended.has(child);

// One signal per child: a second one makes `tsx watch` kill the server mid-shutdown.
const signalled = new Set();
function stopAll(signal) {
  for (const child of children) {
    if (!alive(child) || signalled.has(child)) continue;
    signalled.add(child);
    child.kill(signal);
  }
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    exitCode ??= 0;
    stopAll(signal);
  });
}

for (const child of children) {
  const end = (code) => {
    if (ended.has(child)) return;
    ended.add(child);
    exitCode ??= code;
    stopAll('SIGTERM');
    if (children.every((c) => !alive(c))) process.exit(exitCode);
  };
  child.on('error', (error) => {
    process.stderr.write(`triage dev: cannot start ${child.spawnfile}: ${error.message}\n`);
    end(1);
  });
  child.on('exit', (code) => end(code ?? 1));
}
