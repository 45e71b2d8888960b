/**
 * Triage as users run it: the seed CLI fills a temporary DATA_DIR, then `tsx src/server/index.ts`
 * starts the app server (proxy) and the embedded Close API, each on a port the OS picks.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Child, ROOT, TSX, childEnv, startChild } from './processes';

export const DEMO_API_KEY = 'triage-demo-key';
export const BASIC_AUTH = `Basic ${Buffer.from(`${DEMO_API_KEY}:`).toString('base64')}`;

const SEED_CLI = join('src', 'server', 'db', 'seed-cli.ts');
const SERVER = join('src', 'server', 'index.ts');

export function serverPartsExist(): { ok: true } | { ok: false; missing: string } {
  for (const file of [SEED_CLI, SERVER]) if (!existsSync(join(ROOT, file))) return { ok: false, missing: file };
  return { ok: true };
}

export async function seedDatabase(dataDir: string, tasks: number): Promise<void> {
  const child = startChild(`seed ${tasks}`, TSX, [SEED_CLI, '--tasks', String(tasks)], childEnv({ DATA_DIR: dataDir }));
  const code = await child.exited(Math.max(60_000, tasks * 5));
  if (code !== 0) throw new Error(`seeding ${tasks} tasks failed (exit ${code}):\n${child.output().slice(-3000)}`);
}

export type TriageServer = { appUrl: string; apiUrl: string; child: Child; stop(): Promise<void> };

/**
 * `staticDir`: the built app to serve (the browser part); null = whatever the server defaults to.
 * `extraEnv`: more settings (e.g. DATABASE_URL for the session store).
 */
export async function startTriageServer(dataDir: string, staticDir: string | null, extraEnv: Record<string, string> = {}): Promise<TriageServer> {
  const env: Record<string, string> = {
    HOST: '127.0.0.1',
    PORT: '0',
    API_PORT: '0',
    DATA_DIR: dataDir,
    EMBEDDED_RATE_LIMIT: '0',
    TRIAGE_SKIP_BUILD: '1',
  };
  if (staticDir) env.STATIC_DIR = staticDir;
  const child = startChild('triage server', TSX, [SERVER], childEnv({ ...env, ...extraEnv }));
  try {
    const [, appUrl] = await child.waitFor(/Triage listening on (http:\/\/127\.0\.0\.1:\d+)/, 60_000);
    const [, apiUrl] = await child.waitFor(/embedded Close API (?:on|at) (http:\/\/127\.0\.0\.1:\d+)/i, 10_000);
    return { appUrl: appUrl!, apiUrl: apiUrl!, child, stop: () => child.stop() };
  } catch (error) {
    await child.stop();
    throw error;
  }
}
