/** Where the figures came from: they mean little without the machine. */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import type { Machine } from './results-schema';

export function describeMachine(chromePath: string | null): Machine {
  const cpus = os.cpus();
  let chromium: string | null = null;
  if (chromePath) {
    const run = spawnSync(chromePath, ['--version'], { encoding: 'utf8', timeout: 20_000 });
    chromium = run.status === 0 ? run.stdout.trim() : null;
  }
  return {
    cpu: cpus[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU',
    cores: os.availableParallelism?.() ?? cpus.length,
    memoryGb: Math.round(os.totalmem() / 1e9),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium,
  };
}
