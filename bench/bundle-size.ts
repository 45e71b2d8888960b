/**
 * The bundle: `vite build --manifest` into a folder of the bench's own (dist/ is left alone), then
 * the sizes scripts/check-bundle-size.mjs computes. The quick run reuses dist/ when it is newer
 * than every source file (CI has just built it for the e2e suite).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RENDERER_FILE } from '../scripts/build-app.mjs';
import { bundleReport } from '../scripts/check-bundle-size.mjs';
import { ROOT, startChild, childEnv } from './processes';
import type { BundleResult } from './results-schema';

const BUILD_APP = join(ROOT, 'scripts', 'build-app.mjs');

/** Newest modification time under the paths that make up the app build. */
export function newestSourceMtime(paths: string[]): number {
  let newest = 0;
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const p of paths) visit(p);
  return newest;
}

const BUILD_INPUTS = ['src/app', 'src/features', 'src/components', 'src/lib', 'src/shared', 'index.html', 'vite.config.ts', 'tailwind.config.ts', 'public', 'package-lock.json'];

/** dist/ when it exists and is newer than every build input, else null. */
export function freshDist(): string | null {
  const dist = join(ROOT, 'dist');
  const index = join(dist, 'index.html');
  if (!existsSync(index) || !existsSync(join(dist, RENDERER_FILE))) return null;
  const built = statSync(index).mtimeMs;
  return built >= newestSourceMtime(BUILD_INPUTS.map((p) => join(ROOT, p))) ? dist : null;
}

export async function buildApp(outDir: string): Promise<void> {
  // Both builds (scripts/build-app.mjs): the browser part serves this build, first view included.
  const child = startChild('build', process.execPath, [BUILD_APP, '--manifest', '--outDir', outDir, '--logLevel', 'warn'], childEnv({}));
  const code = await child.exited(5 * 60_000);
  if (code !== 0) throw new Error(`vite build failed (exit ${code}):\n${child.output().slice(-3000)}`);
}

export function measureBundle(distDir: string, built: boolean): BundleResult {
  return { ...bundleReport(distDir), built };
}
