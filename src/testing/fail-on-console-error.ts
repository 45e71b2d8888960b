/**
 * Every Vitest test fails if it logs through console.error: an error that only shows up in the
 * log is a bug nobody sees. A test that expects one replaces console.error with its own spy
 * (vi.spyOn) and asserts on it; this guard then reports only what reached the real console.
 */
import { afterEach, beforeEach } from 'vitest';

const original = console.error;
let logged: string[] = [];

beforeEach(() => {
  logged = [];
  console.error = (...args: unknown[]) => {
    logged.push(args.map((a) => (a instanceof Error ? a.stack ?? a.message : String(a))).join(' '));
    original(...args);
  };
});

afterEach(() => {
  console.error = original;
  if (logged.length > 0) {
    throw new Error(`console.error was called during this test:\n${logged.join('\n')}`);
  }
});
