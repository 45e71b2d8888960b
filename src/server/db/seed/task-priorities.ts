/**
 * Gives the demo's deadline-and-money tasks Close's `high` priority (every other task keeps the
 * column's `medium`). By text, after the tasks are in: no draw from the seed's PRNG, so adding
 * priorities changes nothing else the seed makes.
 */
import { HIGH_PRIORITY_TASK_TEXTS } from '../demo-data';
import type { Db } from '../open-database';

export function markHighPriorityTasks(db: Db, organizationId: string): number {
  const texts = HIGH_PRIORITY_TASK_TEXTS;
  return db
    .prepare(`UPDATE tasks SET priority = 'high' WHERE organization_id = ? AND text IN (${texts.map(() => '?').join(',')})`)
    .run(organizationId, ...texts).changes;
}
