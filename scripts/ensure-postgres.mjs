// Makes sure the tests can start a throwaway PostgreSQL (src/server/testing/throwaway-postgres.ts):
// with DATABASE_URL set nothing is needed; otherwise it finds `initdb` (PG_BIN, Debian's
// /usr/lib/postgresql/<v>/bin, or `pg_config --bindir`) and, as root on Debian/Ubuntu, installs
// the `postgresql` package when it is absent, as ensure-chromium.mjs does for Chromium.
//
// CLI: `node scripts/ensure-postgres.mjs` prints the bin folder on stdout (notes go to stderr);
// exit 1 with one line if there is none.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const HOW_TO_INSTALL =
  'No PostgreSQL found (initdb): install it (Debian/Ubuntu: `sudo apt-get install postgresql`; macOS: ' +
  '`brew install postgresql`), set PG_BIN=/path/to/postgresql/bin, or set DATABASE_URL=postgres://… to a server';

/** @returns {string | undefined} */
export function findPostgresBinDir() {
  const candidates = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const debianRoot = '/usr/lib/postgresql';
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot)
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => join(debianRoot, v, 'bin')));
  }
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    // No pg_config on PATH: the other candidates decide.
  }
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
}

function canInstallWithApt() {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  if (spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status !== 0) return false;
  try {
    return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

function runToStderr(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 2, 2], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    child.on('error', () => resolve(1));
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/**
 * @returns {Promise<{ binDir: string } | { databaseUrl: true } | { error: string }>}
 */
export async function ensurePostgres() {
  if (process.env.DATABASE_URL?.trim()) return { databaseUrl: true };
  let binDir = findPostgresBinDir();
  if (!binDir && canInstallWithApt()) {
    process.stderr.write(
      "ensure-postgres: no PostgreSQL here; installing Debian's package as root: " +
        'apt-get update && apt-get install -y postgresql\n',
    );
    const updated = await runToStderr('apt-get', ['-qq', 'update']);
    const installed = updated === 0 ? await runToStderr('apt-get', ['-qq', 'install', '-y', 'postgresql']) : updated;
    if (installed !== 0) return { error: `apt-get could not install postgresql (exit ${installed}); ${HOW_TO_INSTALL}` };
    binDir = findPostgresBinDir();
  }
  return binDir ? { binDir } : { error: HOW_TO_INSTALL };
}

const isCli = process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url;
if (isCli) {
  const result = await ensurePostgres();
  if ('error' in result) {
    process.stderr.write(`${result.error}\n`);
    process.exit(1);
  }
  if ('databaseUrl' in result) {
    process.stderr.write('ensure-postgres: DATABASE_URL is set; tests create their databases there\n');
  } else {
    process.stderr.write(`ensure-postgres: initdb at ${result.binDir}\n`);
    process.stdout.write(`${result.binDir}\n`);
  }
}
