// Finds a Chromium for Playwright, installing Debian's package when we may.
// `npx playwright install` cannot work on machines without internet beyond package registries,
// so e2e runs on a system Chromium passed to Playwright as `executablePath`.
//
// CLI: `node scripts/ensure-chromium.mjs` prints the path on stdout (notes go to stderr), so a shell
// can do `export CHROME_PATH="$(node scripts/ensure-chromium.mjs)"`. Exit 1 with one line if none.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const SYSTEM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  join(homedir(), 'Applications/Google Chrome.app/Contents/MacOS/Google Chrome'),
  join(homedir(), 'Applications/Chromium.app/Contents/MacOS/Chromium'),
  ...(process.platform === 'win32'
    ? [process.env.PROGRAMFILES, process.env['PROGRAMFILES(X86)'], process.env.LOCALAPPDATA]
        .filter(Boolean)
        .map((dir) => join(String(dir), 'Google', 'Chrome', 'Application', 'chrome.exe'))
    : []),
];

/**
 * Flags for every headless Chromium we launch (tests and benchmark). Without the
 * background-networking flags its calls home are refused by a closed network many at a time;
 * --no-sandbox because CI runs as root.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const HOW_TO_INSTALL =
  'No Chromium found: install one (Debian/Ubuntu: `sudo apt-get install chromium`; macOS: Google Chrome) ' +
  'or set CHROME_PATH=/path/to/chrome';

/** Playwright's own downloaded browser, if someone could download it (a normal laptop can). */
function playwrightCachedChromium() {
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Synchronous lookup without installing anything (used by playwright.config.ts).
 * @returns {{ path: string, source: string } | { error: string }}
 */
export function findChromium() {
  const fromEnv = process.env.CHROME_PATH?.trim();
  if (fromEnv) {
    return existsSync(fromEnv)
      ? { path: fromEnv, source: 'CHROME_PATH' }
      : { error: `CHROME_PATH is set to ${fromEnv}, but no such file exists` };
  }
  const system = SYSTEM_CANDIDATES.find((candidate) => existsSync(candidate));
  if (system) return { path: system, source: 'system' };
  const cached = playwrightCachedChromium();
  if (cached) return { path: cached, source: "Playwright's browser cache" };
  return { error: HOW_TO_INSTALL };
}

function canInstallWithApt() {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  if (spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status !== 0) return false;
  try {
    const osRelease = readFileSync('/etc/os-release', 'utf8');
    return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(osRelease);
  } catch {
    return false;
  }
}

function runToStderr(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 2, 2],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    child.on('error', () => resolve(1));
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/** `chromium --version` catches shims that exist but cannot start (Ubuntu's snap wrapper in a container). */
function versionOf(path) {
  const result = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/**
 * Finds a Chromium, installing Debian's `chromium` as root when none is there.
 * Notes go to stderr. Sets process.env.CHROME_PATH on success.
 * @returns {Promise<{ path: string, version: string } | { error: string }>}
 */
export async function ensureChromium() {
  let found = findChromium();
  if ('error' in found && !process.env.CHROME_PATH && canInstallWithApt()) {
    process.stderr.write(
      "ensure-chromium: no Chromium here; installing Debian's package as root: " +
        'apt-get update && apt-get install -y chromium (about 30 s)\n',
    );
    const updated = await runToStderr('apt-get', ['-qq', 'update']);
    const installed = updated === 0 ? await runToStderr('apt-get', ['-qq', 'install', '-y', 'chromium']) : updated;
    if (installed !== 0) {
      return { error: `apt-get could not install chromium (exit ${installed}); ${HOW_TO_INSTALL}` };
    }
    found = findChromium();
  }
  if ('error' in found) return found;
  const version = versionOf(found.path);
  if (!version) return { error: `${found.path} (from ${found.source}) does not start; ${HOW_TO_INSTALL}` };
  process.env.CHROME_PATH = found.path;
  return { path: found.path, version };
}

const isCli = process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url;
if (isCli) {
  const result = await ensureChromium();
  if ('error' in result) {
    process.stderr.write(`${result.error}\n`);
    process.exit(1);
  }
  process.stderr.write(`ensure-chromium: ${result.version} at ${result.path}\n`);
  process.stdout.write(`${result.path}\n`);
}
