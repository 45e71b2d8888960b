/**
 * Child processes and temporary folders of one bench run. Every child gets its own process group
 * (tsx starts node under itself), is stopped by that group's id, and is stopped on exit, Ctrl-C or a
 * failure, like every temporary folder is removed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

export type Child = {
  name: string;
  pid: number;
  /** The tail of what it printed (stdout and stderr). */
  output(): string;
  /** Resolves with the first match of `pattern` in the output, or rejects on timeout or exit. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** Resolves with the exit code once the process ends (rejects after `timeoutMs`, then stops it). */
  exited(timeoutMs: number): Promise<number>;
  stop(): Promise<void>;
};

const children = new Set<Child>();
const tempDirs = new Set<string>();

export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

/** Without these, a developer's real Close account could end up under the bench's load. */
const SCRUBBED_ENV = ['CLOSE_API_KEY', 'CLOSE_API_URL', 'EMBEDDED_API_KEY', 'STATIC_DIR', 'PUBLIC_ORIGIN', 'PORT', 'API_PORT', 'DATA_DIR'];

export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of SCRUBBED_ENV) delete env[name];
  return { ...env, ...extra };
}

export function startChild(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Child {
  const proc: ChildProcess = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
  if (proc.pid === undefined) throw new Error(`could not start ${name} (${command})`);
  const pid = proc.pid;
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-50_000);
    for (const listener of listeners) listener();
  };
  proc.stdout?.on('data', onData);
  proc.stderr?.on('data', onData);
  if (process.env.BENCH_VERBOSE) {
    proc.stdout?.on('data', (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk}`));
    proc.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk}`));
  }
  let exitCode: number | null = null;
  const exitPromise = new Promise<number>((resolve) => {
    proc.on('exit', (code, signal) => {
      exitCode = code ?? (signal ? 128 : 1);
      for (const listener of listeners) listener();
      resolve(exitCode);
    });
  });

  const signal = (sig: NodeJS.Signals) => {
    try {
      if (process.platform === 'win32') proc.kill(sig);
      else process.kill(-pid, sig);
    } catch {
      // already gone
    }
  };

  const child: Child = {
    name,
    pid,
    output: () => output,
    waitFor(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = output.match(pattern);
          if (match) {
            done();
            resolve(match);
          } else if (exitCode !== null) {
            done();
            reject(new Error(`${name} exited with code ${exitCode} before printing ${pattern}:\n${output.slice(-3000)}`));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`${name} did not print ${pattern} within ${timeoutMs / 1000} s:\n${output.slice(-3000)}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
    async exited(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${name} did not finish within ${timeoutMs / 1000} s:\n${output.slice(-3000)}`)), timeoutMs);
      });
      try {
        return await Promise.race([exitPromise, timeout]);
      } catch (error) {
        await child.stop();
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
    async stop() {
      children.delete(child);
      if (exitCode !== null) return;
      signal('SIGTERM');
      const killed = await Promise.race([exitPromise.then(() => true), sleep(5000).then(() => false)]);
      if (!killed) {
        signal('SIGKILL');
        await Promise.race([exitPromise, sleep(2000)]);
      }
    },
  };
  children.add(child);
  return child;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Stops every child still running and removes every temporary folder. */
export async function cleanUp(): Promise<void> {
  await Promise.all([...children].map((c) => c.stop()));
  for (const dir of [...tempDirs]) removeTempDir(dir);
}

let hooked = false;
/** On Ctrl-C or a kill, stop the children before going. */
export function cleanUpOnSignals(): void {
  if (hooked) return;
  hooked = true;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      process.stderr.write(`\nbench: ${sig}, stopping servers\n`);
      void cleanUp().finally(() => process.exit(130));
    });
  }
}
