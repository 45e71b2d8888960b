import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteSessionStore, sessionsFile } from './sqlite-session-store';
import { describeSessionStore } from './testing/session-store-suite';

describeSessionStore('SQLite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-sessions-'));
  const file = sessionsFile(dir);
  const store = openSqliteSessionStore(file);
  return {
    store,
    // The database file and its write-ahead log: where the rows are until a checkpoint.
    rawBytes: async () =>
      ['', '-wal']
        .map((suffix) => `${file}${suffix}`)
        .filter((f) => fs.existsSync(f))
        .map((f) => fs.readFileSync(f).toString('latin1'))
        .join('\n'),
    dispose: async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});
