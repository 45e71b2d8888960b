// `npm run build`: the browser app into dist/ (or --outDir), the server's renderer of the first
// view into <outDir>/ssr/ (docs/decisions/0011-server-rendered-first-view.md), and the server
// itself into <outDir>/server/ (build-server.mjs). Other arguments go to the browser build (the
// bench adds --manifest). Exits with the first failure.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from './build-server.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const VITE = path.join(ROOT, 'node_modules', '.bin', 'vite');
const SSR_ENTRY = 'src/app/entry-server.tsx';
/** Where the renderer goes inside a build (src/server/first-view.ts loads it from there). */
export const RENDERER_DIR = 'ssr';
export const RENDERER_FILE = `${RENDERER_DIR}/entry-server.js`;

/** The renderer's build takes only the log level of the browser build's arguments. */
function logLevel(args) {
  const at = args.indexOf('--logLevel');
  return at >= 0 ? args.slice(at, at + 2) : [];
}

/** The two `vite build` argument lists for a build into `outDir`. */
function buildSteps(outDir, extra) {
  return [
    ['build', '--outDir', outDir, '--emptyOutDir', ...extra],
    ['build', '--ssr', SSR_ENTRY, '--outDir', path.join(outDir, RENDERER_DIR), '--emptyOutDir', ...logLevel(extra)],
  ];
}

async function main(argv) {
  const at = argv.indexOf('--outDir');
  const outDir = at >= 0 ? argv[at + 1] : 'dist';
  const extra = at >= 0 ? [...argv.slice(0, at), ...argv.slice(at + 2)] : argv;
  for (const args of buildSteps(outDir, extra)) {
    const run = spawnSync(VITE, args, { cwd: ROOT, stdio: 'inherit' });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
  await buildServer(outDir).catch((error) => {
    process.stderr.write(`the server's build failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main(process.argv.slice(2));
