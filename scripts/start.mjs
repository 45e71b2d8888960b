// `npm start`: builds the app and the server when a build is missing or older than its sources,
// then runs the built server (dist/server/index.js, plain JavaScript: nothing is compiled at run
// time) and relays stop signals to it, exiting with its code.
//
// The freshness checks are cheap mtime comparisons: dist/index.html against every file of the
// client (src/ without src/server and tests, index.html, the Vite/Tailwind configs, public/), and
// dist/server/index.js against every source file (the server shares src/shared and src/lib).
// TRIAGE_SKIP_BUILD=1 skips them (tests build once, then start many servers); with no server
// build then, the server runs from its sources as `node --import tsx` (not through the tsx CLI,
// which relays signals to a second process and SIGKILLs it when that process does not confirm
// within 30 ms, which a busy machine misses, so a clean shutdown would become a kill).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { RENDERER_FILE } from './build-app.mjs';
import { SERVER_ENTRY_FILE, buildServer } from './build-server.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);

const CLIENT_SOURCES = ['src', 'index.html', 'vite.config.ts', 'tailwind.config.ts', 'public'];
const SKIPPED = [path.join('src', 'server')];
const TEST_FILE = /\.test\.[cm]?[jt]sx?$/;

/** Newest modification time (ms) among the files under `entry` (less `skipped`); 0 when it does not exist. */
function newestMtime(root, entry, skipped = SKIPPED) {
  const full = path.join(root, entry);
  let stat;
  try {
    stat = fs.statSync(full);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return TEST_FILE.test(entry) ? 0 : stat.mtimeMs;
  let newest = 0;
  for (const name of fs.readdirSync(full)) {
    const child = path.join(entry, name);
    if (skipped.includes(child)) continue;
    newest = Math.max(newest, newestMtime(root, child, skipped));
  }
  return newest;
}

/** Why the app must be (re)built, or null when dist/ is up to date. */
export function buildReason(root = ROOT) {
  let built;
  try {
    built = fs.statSync(path.join(root, 'dist', 'index.html')).mtimeMs;
  } catch {
    return 'dist/index.html is missing';
  }
  if (!fs.existsSync(path.join(root, 'dist', RENDERER_FILE))) return `dist/${RENDERER_FILE} is missing`;
  for (const entry of CLIENT_SOURCES) {
    if (newestMtime(root, entry) > built) return `${entry} changed since the last build`;
  }
  return null;
}

/** Why the server must be (re)built, or null when dist/server/ is up to date. */
export function serverBuildReason(root = ROOT) {
  let built;
  try {
    built = fs.statSync(path.join(root, 'dist', SERVER_ENTRY_FILE)).mtimeMs;
  } catch {
    return `dist/${SERVER_ENTRY_FILE} is missing`;
  }
  return newestMtime(root, 'src', []) > built ? 'src changed since the server was built' : null;
}

function requireInstalled(name) {
  if (!fs.existsSync(bin(name))) {
    process.stderr.write(`triage: ${path.join('node_modules', '.bin', name)} is missing; run \`npm install\` first\n`);
    process.exit(1);
  }
}

async function main() {
  if (process.env.TRIAGE_SKIP_BUILD !== '1') {
    const reason = buildReason();
    if (reason) {
      requireInstalled('vite');
      // The app's build builds the server too.
      process.stdout.write(`triage: building the app (${reason})\n`);
      const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-app.mjs')], { cwd: ROOT, stdio: 'inherit' });
      if (build.status !== 0) {
        process.stderr.write('triage: the build failed (see above); fix it or start with TRIAGE_SKIP_BUILD=1\n');
        process.exit(build.status ?? 1);
      }
    } else {
      const serverReason = serverBuildReason();
      if (serverReason) {
        process.stdout.write(`triage: building the server (${serverReason})\n`);
        await buildServer().catch((error) => {
          process.stderr.write(`triage: the server's build failed: ${error instanceof Error ? error.message : String(error)}\n`);
          process.exit(1);
        });
      }
    }
  }

  const built = path.join(ROOT, 'dist', SERVER_ENTRY_FILE);
  const fromSources = !fs.existsSync(built);
  if (fromSources) requireInstalled('tsx');
  // Its own process group: a Ctrl-C in the terminal reaches only us, and we pass it on once.
  const server = spawn(process.execPath, fromSources ? ['--import', 'tsx', 'src/server/index.ts'] : [built], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (server.exitCode === null && server.signalCode === null) server.kill(signal);
    });
  }
  server.on('error', (error) => {
    process.stderr.write(`triage: cannot start the server: ${error.message}\n`);
    process.exit(1);
  });
  server.on('exit', (code, signal) => {
    process.exit(code ?? 128 + (signal ? (os.constants.signals[signal] ?? 0) : 1));
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) void main();
