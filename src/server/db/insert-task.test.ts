import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATE_ONLY, DATE_TIME } from '@/shared/close/dates';
import { createTaskInserter, type NewTaskRow } from './insert-task';
import { openDatabase, type Db } from './open-database';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-insert-task-'));
  db = openDatabase(path.join(dir, 'test.db'));
  db.prepare("INSERT INTO organizations (id, name, date_created) VALUES ('orga_1', 'Org', '2025-01-01')").run();
  db.prepare(
    `INSERT INTO users (id, email, first_name, last_name, api_key, date_created, date_updated)
     VALUES ('user_1', 'a@example.test', 'A', 'B', 'key', '2025-01-01', '2025-01-01')`,
  ).run();
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const CREATED = Date.UTC(2025, 2, 1, 12, 0, 0, 250);

function leadTask(id: string, date: string | null): NewTaskRow {
  return {
    id,
    _type: 'lead',
    organization_id: 'orga_1',
    assigned_to: 'user_1',
    lead_id: null,
    contact_id: null,
    created_by: 'user_1',
    updated_by: 'user_1',
    text: 'Call back',
    date,
    is_complete: false,
    date_created_ms: CREATED,
    date_updated_ms: CREATED + 1000,
    object_type: null,
    object_id: null,
    extra: {},
  };
}

type StoredRow = {
  date_text: string;
  date_kind: number;
  date_sort: number;
  is_dateless: number;
  is_complete: number;
  date_created: string;
  date_created_ms: number;
  date_updated: string;
  type: string;
  extra: string;
};

function stored(id: string): StoredRow {
  return db.prepare('SELECT * FROM tasks WHERE id = ?').get(id) as StoredRow;
}

describe('createTaskInserter', () => {
  it('stores a date-only date as its day at midnight UTC, kind date-only', () => {
    createTaskInserter(db)(leadTask('task_a', '2025-03-10'));
    expect(stored('task_a')).toMatchObject({
      date_text: '2025-03-10',
      date_kind: DATE_ONLY,
      date_sort: Date.UTC(2025, 2, 10),
      is_dateless: 0,
    });
  });

  it('stores a date-time with an offset as the UTC instant in Close wire form', () => {
    const insert = createTaskInserter(db);
    insert(leadTask('task_b', '2025-03-10T09:30:00-05:00'));
    insert(leadTask('task_c', '2025-03-10T09:30:00.123+05:30'));
    insert(leadTask('task_d', '2025-03-10T09:30'));
    expect(stored('task_b')).toMatchObject({
      date_text: '2025-03-10T14:30:00+00:00',
      date_kind: DATE_TIME,
      date_sort: Date.UTC(2025, 2, 10, 14, 30),
    });
    expect(stored('task_c')).toMatchObject({
      date_text: '2025-03-10T04:00:00.123000+00:00',
      date_kind: DATE_TIME,
      date_sort: Date.UTC(2025, 2, 10, 4, 0, 0, 123),
    });
    // Without an offset a date-time is UTC, as in Close's own example.
    expect(stored('task_d')).toMatchObject({ date_text: '2025-03-10T09:30:00+00:00', date_sort: Date.UTC(2025, 2, 10, 9, 30) });
  });

  it('dates a dateless task at its creation', () => {
    createTaskInserter(db)(leadTask('task_e', null));
    expect(stored('task_e')).toMatchObject({
      date_text: '2025-03-01T12:00:00.250000+00:00',
      date_kind: DATE_TIME,
      date_sort: CREATED,
      is_dateless: 1,
    });
  });

  it('writes created/updated wire strings, the flag and the type fields as JSON', () => {
    createTaskInserter(db)({
      ...leadTask('noti_f', '2025-03-10T18:33:52.937Z'),
      _type: 'missed_call',
      is_complete: true,
      object_type: 'call',
      object_id: 'acti_1',
      extra: { phone: '+16503334444', phone_formatted: '+1 650-333-4444', phone_number_description: 'California', local_phone: '+19193332031' },
    });
    const row = stored('noti_f');
    expect(row).toMatchObject({
      type: 'missed_call',
      is_complete: 1,
      date_text: '2025-03-10T18:33:52.937000+00:00',
      date_created: '2025-03-01T12:00:00.250000+00:00',
      date_created_ms: CREATED,
      date_updated: '2025-03-01T12:00:01.250000+00:00',
    });
    expect(JSON.parse(row.extra)).toEqual({
      phone: '+16503334444',
      phone_formatted: '+1 650-333-4444',
      phone_number_description: 'California',
      local_phone: '+19193332031',
    });
  });

  it('rejects a date Close would reject and inserts nothing', () => {
    const insert = createTaskInserter(db);
    expect(() => insert(leadTask('task_g', '2025-02-30'))).toThrow(/invalid task date/);
    expect(() => insert(leadTask('task_h', 'tomorrow'))).toThrow(/invalid task date/);
    expect(() => insert({ ...leadTask('task_i', '2025-03-10'), date_created_ms: Number.NaN })).toThrow(/finite/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM tasks').get()).toEqual({ n: 0 });
  });

  it('orders each kind by date_sort the way Close orders it', () => {
    const insert = createTaskInserter(db);
    // In PST (-8): 07:00Z < 2015-01-12 (= 08:00Z) < 08:00Z (seed 000's example).
    insert(leadTask('task_1', '2015-01-12T08:00:00'));
    insert(leadTask('task_2', '2015-01-12'));
    insert(leadTask('task_3', '2015-01-12T07:00:00'));
    insert(leadTask('task_4', '2015-01-11'));
    const byKind = (kind: number) =>
      (db.prepare('SELECT id FROM tasks WHERE date_kind = ? ORDER BY date_sort').all(kind) as { id: string }[]).map((r) => r.id);
    expect(byKind(DATE_ONLY)).toEqual(['task_4', 'task_2']);
    expect(byKind(DATE_TIME)).toEqual(['task_3', 'task_1']);
  });
});
