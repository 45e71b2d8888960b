/**
 * A PostgreSQL database that exists for one test file (or one bench run) and is gone afterwards.
 *
 * - `DATABASE_URL` set: a fresh database `triage_test_<random>` is created on that server, and
 *   `stop()` drops it (the server itself is left alone).
 * - Otherwise: a temporary cluster of the system's PostgreSQL (Debian's /usr/lib/postgresql/<v>/bin,
 *   or PG_BIN, or `pg_config --bindir`) in a temp folder, on a port the OS picked, listening on
 *   127.0.0.1 only with trust auth, its socket inside the folder. `initdb` refuses to run as
 *   root, so as root the cluster belongs to the `postgres` user. `stop()` stops it
 *   (`pg_ctl stop -m fast`) and removes the folder. Durability is off (fsync): the data is
 *   thrown away anyway. `scripts/ensure-postgres.mjs` installs the package when it is absent.
 */
import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { HOW_TO_INSTALL, findPostgresBinDir } from '../../../scripts/ensure-postgres.mjs';

export interface ThrowawayPostgres {
  /** postgres://… of a database this call created and nobody else uses. */
  url: string;
  stop(): Promise<void>;
}

const READY_DEADLINE_MS = 60_000;

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const shared = process.env.DATABASE_URL?.trim();
  return shared ? freshDatabaseOn(shared) : startTemporaryCluster();
}

async function freshDatabaseOn(serverUrl: string): Promise<ThrowawayPostgres> {
  const name = `triage_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let stopped = false;
  return {
    url: url.toString(),
    async stop() {
      if (stopped) return;
      stopped = true;
      // FORCE ends connections a test left open (PostgreSQL 13+).
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function startTemporaryCluster(): Promise<ThrowawayPostgres> {
  const binDir = findPostgresBinDir();
  if (!binDir) {
    throw new Error(`${HOW_TO_INSTALL} (npm test installs it as root on Debian: node scripts/ensure-postgres.mjs)`);
  }
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-pg-'));
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'postgres.log');
  const run = (tool: string, args: string[]) => runAsClusterOwner(path.join(binDir, tool), args, { cwd: dir, asRoot });
  try {
    if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
    await run('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
    const port = await startOnFreePort((candidate) => {
      const serverOptions = [
        '-c listen_addresses=127.0.0.1',
        `-c port=${candidate}`,
        `-c unix_socket_directories=${dir}`,
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
      ].join(' ');
      // -w: pg_ctl returns once the server accepts connections (or fails within -t seconds).
      return run('pg_ctl', ['start', '-D', dataDir, '-l', logFile, '-w', '-t', String(READY_DEADLINE_MS / 1000), '-o', serverOptions]);
    });
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    await waitUntilAccepting(url);
    let stopped = false;
    return {
      url,
      async stop() {
        if (stopped) return;
        stopped = true;
        try {
          await run('pg_ctl', ['stop', '-D', dataDir, '-m', 'fast', '-w']);
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-5).join('\n') : '';
    if (fs.existsSync(path.join(dataDir, 'postmaster.pid'))) {
      await run('pg_ctl', ['stop', '-D', dataDir, '-m', 'immediate']).catch(() => undefined);
    }
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start a throwaway PostgreSQL: ${(error as Error).message}${log ? `\n${log}` : ''}`, { cause: error });
  }
}

function runAsClusterOwner(binary: string, args: string[], opts: { cwd: string; asRoot: boolean }): Promise<void> {
  const [command, commandArgs] = opts.asRoot ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
  return new Promise((resolve, reject) => {
    // pg_ctl start leaves the server running with these pipes inherited unless output goes elsewhere;
    // stdout/stderr are read here only until the tool itself exits.
    const child = spawn(command, commandArgs, { cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(binary)} exited with ${code}: ${output.trim().split('\n').slice(-3).join(' | ')}`));
    });
  });
}

/**
 * The OS's free port can be taken by someone else before the server binds it (tests start
 * several clusters at once), so a failed start is tried again on another port, a few times.
 */
async function startOnFreePort(start: (port: number) => Promise<void>): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      await start(port);
      return port;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/** A port the OS has just handed out on loopback. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** pg_ctl -w already waited; this confirms a client gets in over TCP, retrying until a deadline. */
async function waitUntilAccepting(url: string): Promise<void> {
  const deadline = Date.now() + READY_DEADLINE_MS;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('select 1');
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
