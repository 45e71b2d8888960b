// Runs one tool of the test pipeline with its output on our terminal, and makes sure it (and
// everything it started: Playwright workers, test servers, Chromium) ends with it: on a time limit,
// on Ctrl-C, or when CI stops us. Each child gets its own process group so one kill of -pid reaches all.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const isWindows = process.platform === 'win32';

/** A tool from node_modules/.bin, never a global one. */
export function bin(name) {
  return join(ROOT, 'node_modules', '.bin', isWindows ? `${name}.cmd` : name);
}

const running = new Set();
let interruptedBy;

function signalGroup(child, signal) {
  try {
    if (isWindows) child.kill(signal);
    else process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    interruptedBy ??= signal;
    for (const child of running) signalGroup(child, signal);
    if (running.size === 0) process.exit(130);
  });
}

/** The signal that asked us to stop, if one did; callers stop starting new work then. */
export function interruption() {
  return interruptedBy;
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: Record<string, string | undefined>, timeoutMs?: number }} [options]
 * @returns {Promise<{ code: number, timedOut: boolean }>} code is 1 when the tool could not start
 *   or ended by a signal.
 */
export function runCommand(command, args, { env, timeoutMs } = {}) {
  return new Promise((resolve) => {
    let timedOut = false;
    let child;
    try {
      child = spawn(command, args, {
        cwd: ROOT,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'inherit', 'inherit'],
        detached: !isWindows,
        shell: isWindows,
      });
    } catch (error) {
      process.stderr.write(`could not start ${command}: ${error.message}\n`);
      resolve({ code: 1, timedOut });
      return;
    }
    running.add(child);
    const limit =
      timeoutMs &&
      setTimeout(() => {
        timedOut = true;
        process.stderr.write(`\n${command} ran past ${Math.round(timeoutMs / 60_000)} min; stopping it\n`);
        signalGroup(child, 'SIGTERM');
        setTimeout(() => signalGroup(child, 'SIGKILL'), 10_000).unref();
      }, timeoutMs);
    child.on('error', (error) => {
      process.stderr.write(`could not start ${command}: ${error.message}\n`);
    });
    child.on('close', (code) => {
      if (limit) clearTimeout(limit);
      running.delete(child);
      // Anything the tool left behind in its group (a test server it forgot) goes with it.
      signalGroup(child, 'SIGKILL');
      resolve({ code: code ?? 1, timedOut });
    });
  });
}
