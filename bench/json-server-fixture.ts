/**
 * json-server's data: every task of the bench database as the embedded API serializes it, so both
 * servers send the same task objects. Written as `{ "tasks": [...] }`, json-server's format.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { openDatabase } from '../src/server/db/open-database';
import { createTaskRepository } from '../src/server/close-api/tasks/task-repository';
import { serializeTask } from '../src/server/close-api/tasks/serialize-task';

const BATCH = 1_000;

export async function writeJsonServerFixture(dbFile: string, outFile: string, ctx: { offsetHours: number; publicUrl: string }): Promise<number> {
  const db = openDatabase(dbFile);
  try {
    const repo = createTaskRepository(db);
    const seqs = (db.prepare('SELECT seq FROM tasks ORDER BY seq').all() as { seq: number }[]).map((r) => r.seq);
    const out = createWriteStream(outFile);
    const write = async (text: string) => {
      if (!out.write(text)) await once(out, 'drain');
    };
    const serializeCtx = { offsetHours: ctx.offsetHours, nowMs: Date.now(), publicUrl: ctx.publicUrl };
    await write('{"tasks":[');
    for (let i = 0; i < seqs.length; i += BATCH) {
      const rows = repo.rowsBySeq(seqs.slice(i, i + BATCH));
      const json = rows.map((row) => JSON.stringify(serializeTask(row, serializeCtx))).join(',');
      await write(i === 0 ? json : `,${json}`);
    }
    await write(']}');
    out.end();
    await once(out, 'finish');
    return seqs.length;
  } finally {
    db.close();
  }
}
