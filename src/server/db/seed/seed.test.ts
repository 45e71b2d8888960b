import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatInTimeZone, getTimezoneOffset } from 'date-fns-tz';
import {
  dayBoundsAt,
  DATE_ONLY,
  DAY_MS,
  formatCloseDate,
  formatCloseDateTime,
  instantOf,
  localDayAt,
  parseCloseDate,
} from '@/shared/close/dates';
import { TASK_TYPES, type TaskType } from '@/shared/close/schemas';
import { DEMO_MEDIA_DIR, DEMO_USERS, MEDIA_URL_PREFIX } from '../demo-data';
import { openDatabase, type Db } from '../open-database';
import { demoSummary, isSeeded, seedDemoData, setDefaultUserApiKey, type DemoSummary } from './demo-organization';
import { seedLargeOrganization } from './large-organization';

// The server may not use the browser's src/lib, so the zone helpers are spelled out here.
const tzOffsetHours = (zone: string, atMs: number) => getTimezoneOffset(zone, new Date(atMs)) / 3_600_000;
const dayInZone = (atMs: number, zone: string) => formatInTimeZone(new Date(atMs), zone, 'yyyy-MM-dd');

const NOW = new Date('2025-03-10T15:00:00Z'); // the day after the US switched to daylight time
const dirs: string[] = [];
const dbs: Db[] = [];

function freshDb(): Db {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-seed-'));
  dirs.push(dir);
  const db = openDatabase(path.join(dir, 'triage.db'));
  dbs.push(db);
  return db;
}

afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

interface TaskRow {
  seq: number;
  id: string;
  type: TaskType;
  assigned_to: string;
  lead_id: string | null;
  contact_id: string | null;
  created_by: string | null;
  updated_by: string | null;
  text: string | null;
  date_text: string;
  date_kind: number;
  date_sort: number;
  is_dateless: number;
  is_complete: number;
  date_created: string;
  date_created_ms: number;
  date_updated: string;
  date_updated_ms: number;
  object_type: string | null;
  object_id: string | null;
  extra: string;
}

function tasksOf(db: Db): TaskRow[] {
  return db.prepare('SELECT * FROM tasks ORDER BY seq').all() as TaskRow[];
}

type View = 'inbox' | 'future' | 'archive';

/** Close's views for a user at `now`, from their zone's offset at that moment (as the app sends it). */
function viewOf(row: TaskRow, timeZone: string, now: Date): View {
  if (row.is_complete) return 'archive';
  const offset = tzOffsetHours(timeZone, now.getTime());
  const { tomorrowStart } = dayBoundsAt(now.getTime(), offset);
  const date = parseCloseDate(row.date_text)!;
  return instantOf(date, offset) < tomorrowStart ? 'inbox' : 'future';
}

function extraOf(row: TaskRow): Record<string, unknown> {
  return JSON.parse(row.extra) as Record<string, unknown>;
}

const EXTRA_KEYS: Record<TaskType, string[]> = {
  lead: [],
  outgoing_call: [],
  incoming_email: ['body_preview', 'emails', 'subject'],
  email_followup: ['body_preview', 'email_id', 'subject'],
  missed_call: ['local_phone', 'phone', 'phone_formatted', 'phone_number_description'],
  answered_detached_call: ['phone', 'phone_formatted', 'phone_number_description', 'recording_url'],
  voicemail: ['local_phone', 'phone', 'phone_formatted', 'phone_number_description', 'voicemail_duration', 'voicemail_url'],
  opportunity_due: [
    'opportunity_note',
    'opportunity_value',
    'opportunity_value_currency',
    'opportunity_value_formatted',
    'opportunity_value_period',
  ],
  incoming_sms: ['local_phone', 'remote_phone', 'remote_phone_description', 'remote_phone_formatted'],
};

const OBJECT_TYPES: Record<TaskType, string | null> = {
  lead: null,
  outgoing_call: 'call',
  incoming_email: 'emailthread',
  email_followup: 'emailthread',
  missed_call: 'call',
  answered_detached_call: 'call',
  voicemail: 'call',
  opportunity_due: 'opportunity',
  incoming_sms: 'sms',
};

/** Duration, channels, rate and bits of a PCM WAV, read independently of the seed's own reader. */
function wavInfo(file: string): { seconds: number; channels: number; rate: number; bits: number } {
  const buf = fs.readFileSync(file);
  expect(buf.toString('ascii', 0, 4)).toBe('RIFF');
  let at = 12;
  let info = { channels: 0, rate: 0, bits: 0, byteRate: 0 };
  let data = 0;
  while (at + 8 <= buf.length) {
    const id = buf.toString('ascii', at, at + 4);
    const size = buf.readUInt32LE(at + 4);
    if (id === 'fmt ') {
      info = {
        channels: buf.readUInt16LE(at + 10),
        rate: buf.readUInt32LE(at + 12),
        byteRate: buf.readUInt32LE(at + 16),
        bits: buf.readUInt16LE(at + 22),
      };
    }
    if (id === 'data') data = size;
    at += 8 + size + (size % 2);
  }
  return { seconds: data / info.byteRate, channels: info.channels, rate: info.rate, bits: info.bits };
}

describe('seedDemoData', () => {
  it('creates the organization and the six demo users with distinct keys', () => {
    const db = freshDb();
    expect(isSeeded(db)).toBe(false);
    const summary = seedDemoData(db, { now: NOW });
    expect(isSeeded(db)).toBe(true);
    expect(summary.organizationId).toMatch(/^orga_[0-9A-Za-z]{43}$/);
    expect(summary.users.map((u) => [u.firstName, u.lastName, u.role, u.timeZone, u.apiKey])).toEqual([
      ['Alex', 'Morgan', 'manager', 'America/New_York', 'triage-demo-key'],
      ['Maya', 'Patel', 'rep', 'America/Los_Angeles', 'demo-key-maya'],
      ['Jonas', 'Weber', 'rep', 'Europe/Berlin', 'demo-key-jonas'],
      ['Priya', 'Sharma', 'rep', 'Asia/Kolkata', 'demo-key-priya'],
      ['Kenji', 'Tanaka', 'rep', 'Asia/Tokyo', 'demo-key-kenji'],
      ['Lucía', 'Fernández', 'rep', 'America/Sao_Paulo', 'demo-key-lucia'],
    ]);
    expect(summary.users[0]!.email).toBe('alex@demo.triage.test');
    expect(new Set(summary.users.map((u) => u.apiKey)).size).toBe(6);
    const roles = db.prepare('SELECT u.email, m.role_id FROM memberships m JOIN users u ON u.id = m.user_id').all();
    expect(roles).toContainEqual({ email: 'alex@demo.triage.test', role_id: 'admin' });
    expect(roles.filter((r) => (r as { role_id: string }).role_id === 'user')).toHaveLength(5);
    expect(demoSummary(db)).toEqual(summary);
  });

  it('gives the default user the key it is asked for', () => {
    const db = freshDb();
    const summary = seedDemoData(db, { now: NOW, defaultApiKey: 'my-own-key' });
    expect(summary.users[0]!.apiKey).toBe('my-own-key');
  });

  it('refuses a key reserved for another demo user, an unusable key, or a second seed', () => {
    const db = freshDb();
    expect(() => seedDemoData(db, { now: NOW, defaultApiKey: 'demo-key-maya' })).toThrow(/reserved for demo user maya/);
    expect(() => seedDemoData(db, { now: NOW, defaultApiKey: 'has:colon' })).toThrow(/not usable/);
    expect(() => seedDemoData(db, { now: NOW, defaultApiKey: '' })).toThrow(/not usable/);
    expect(isSeeded(db)).toBe(false);
    seedDemoData(db, { now: NOW });
    const before = tasksOf(db).length;
    expect(() => seedDemoData(db, { now: NOW })).toThrow(/already seeded/);
    expect(tasksOf(db)).toHaveLength(before);
  });

  it('makes leads with 1-3 contacts and about 600 tasks', () => {
    const db = freshDb();
    seedDemoData(db, { now: NOW });
    const perLead = db.prepare('SELECT COUNT(*) AS n FROM contacts GROUP BY lead_id').all() as { n: number }[];
    expect(perLead.length).toBeGreaterThanOrEqual(55);
    expect(Math.min(...perLead.map((r) => r.n))).toBeGreaterThanOrEqual(1);
    expect(Math.max(...perLead.map((r) => r.n))).toBeLessThanOrEqual(3);
    const phones = db.prepare("SELECT phones FROM contacts WHERE phones <> '[]'").all() as { phones: string }[];
    for (const { phones: json } of phones) {
      for (const p of JSON.parse(json) as { phone: string; phone_formatted: string }[]) {
        expect(p.phone).toMatch(/^\+[1-9]\d{7,14}$/);
        expect(p.phone_formatted.replace(/[ -]/g, '')).toBe(p.phone);
      }
    }
    const count = tasksOf(db).length;
    expect(count).toBeGreaterThanOrEqual(550);
    expect(count).toBeLessThanOrEqual(700);
  });

  // A morning in the Americas, a DST-change night in New York, and just before midnight UTC.
  it.each([NOW, new Date('2025-11-02T05:30:00Z'), new Date('2025-06-30T23:50:00Z')])(
    'gives every user every type in the inbox, plus future and archive work, in their own zone (now = %s)',
    (now) => {
      const db = freshDb();
      const summary = seedDemoData(db, { now });
      const rows = tasksOf(db);
      for (const user of summary.users) {
        const mine = rows.filter((r) => r.assigned_to === user.id);
        const views = new Map<View, TaskRow[]>([['inbox', []], ['future', []], ['archive', []]]);
        for (const r of mine) views.get(viewOf(r, user.timeZone, now))!.push(r);
        const inboxTypes = new Set(views.get('inbox')!.map((r) => r.type));
        expect([...inboxTypes].sort(), user.email).toEqual([...TASK_TYPES].sort());
        expect(views.get('future')!.length, user.email).toBeGreaterThanOrEqual(10);
        expect(views.get('archive')!.length, user.email).toBeGreaterThanOrEqual(10);
        // Overdue and today are both in the inbox.
        const today = dayInZone(now.getTime(), user.timeZone);
        const offset = tzOffsetHours(user.timeZone, now.getTime());
        const dayOf = (r: TaskRow) => {
          const d = parseCloseDate(r.date_text)!;
          return d.kind === DATE_ONLY ? d.day : localDayAt(d.epochMs, offset);
        };
        const inbox = views.get('inbox')!;
        expect(inbox.some((r) => dayOf(r) < today), user.email).toBe(true);
        expect(inbox.filter((r) => r.date_kind === DATE_ONLY && r.date_text === today).length, user.email).toBeGreaterThanOrEqual(2);
        // Today's timed tasks fall in the user's working hours, spread over the day.
        const hours = inbox
          .filter((r) => r.date_kind === 1 && !r.is_dateless && dayOf(r) === today)
          .map((r) => Number(new Intl.DateTimeFormat('en-GB', { timeZone: user.timeZone, hour: '2-digit', hourCycle: 'h23' }).format(new Date(r.date_sort))));
        expect(hours.length, user.email).toBeGreaterThanOrEqual(5);
        expect(Math.min(...hours)).toBeGreaterThanOrEqual(8);
        expect(Math.max(...hours)).toBeLessThanOrEqual(17);
        expect(new Set(hours).size, user.email).toBeGreaterThanOrEqual(3);
        // Future work reaches tomorrow and about three weeks out; done work the past month.
        const futureDays = views.get('future')!.map(dayOf).sort();
        expect(futureDays[futureDays.length - 1]! > today).toBe(true);
        const lastFuture = parseCloseDate(futureDays[futureDays.length - 1]!)!.epochMs;
        expect(lastFuture - parseCloseDate(today)!.epochMs).toBeLessThanOrEqual(22 * DAY_MS);
        const doneUpdated = views.get('archive')!.map((r) => r.date_updated_ms);
        expect(Math.min(...doneUpdated)).toBeGreaterThan(now.getTime() - 33 * DAY_MS);
      }
    },
  );

  it("fills Alex's inbox with media, a detached call with a recording, MMS pictures and markup-like text", () => {
    const db = freshDb();
    const summary = seedDemoData(db, { now: NOW });
    const alex = summary.users[0]!;
    const inbox = tasksOf(db).filter((r) => r.assigned_to === alex.id && viewOf(r, alex.timeZone, NOW) === 'inbox');
    const ofType = (t: TaskType) => inbox.filter((r) => r.type === t).map((r) => ({ row: r, extra: extraOf(r) }));
    expect(ofType('voicemail').some((v) => String(v.extra.voicemail_url).endsWith('.wav'))).toBe(true);
    expect(ofType('voicemail').some((v) => v.row.lead_id === null && v.row.contact_id === null)).toBe(true);
    expect(ofType('answered_detached_call').some((c) => typeof c.extra.recording_url === 'string')).toBe(true);
    const mms = ofType('incoming_sms').filter((s) => Array.isArray(s.extra.attachments));
    const images = (s: { extra: Record<string, unknown> }) =>
      (s.extra.attachments as { content_type: string }[]).filter((a) => a.content_type.startsWith('image/'));
    expect(mms.some((s) => images(s).length >= 2)).toBe(true);
    expect(mms.some((s) => (s.extra.attachments as { content_type: string }[]).some((a) => !a.content_type.startsWith('image/')))).toBe(true);
    const leadNames = db.prepare('SELECT name FROM leads').all() as { name: string }[];
    expect(leadNames.some((l) => l.name.includes('<b>'))).toBe(true);
    expect(ofType('incoming_email').some((e) => String(e.extra.subject).includes('<img src=x onerror=alert(1)>'))).toBe(true);
    expect(ofType('incoming_sms').some((s) => s.row.text?.includes('<b>'))).toBe(true);
    expect(inbox.some((r) => r.type === 'lead' && r.is_dateless === 1)).toBe(true);
  });

  it('stores every task in canonical form with Close’s fields for its type', () => {
    const db = freshDb();
    seedDemoData(db, { now: NOW });
    // The team, and the member who left (inactive-member.ts): their open tasks are still theirs.
    const inactive = (db.prepare('SELECT user_id FROM inactive_memberships').all() as { user_id: string }[]).map((m) => m.user_id);
    const users = new Set([...demoSummary(db).users.map((u) => u.id), ...inactive]);
    for (const r of tasksOf(db)) {
      const where = `${r.type} ${r.id}`;
      const date = parseCloseDate(r.date_text);
      expect(date, where).not.toBeNull();
      expect(formatCloseDate(date!), where).toBe(r.date_text);
      expect([date!.kind, date!.epochMs], where).toEqual([r.date_kind, r.date_sort]);
      expect(r.date_created, where).toBe(formatCloseDateTime(r.date_created_ms));
      expect(r.date_updated, where).toBe(formatCloseDateTime(r.date_updated_ms));
      expect(r.date_created_ms, where).toBeLessThanOrEqual(NOW.getTime());
      expect(r.date_updated_ms, where).toBeGreaterThanOrEqual(r.date_created_ms);
      expect(r.date_updated_ms, where).toBeLessThanOrEqual(NOW.getTime());
      if (r.is_dateless) expect(r.date_text, where).toBe(r.date_created);
      expect(r.id, where).toMatch(r.type === 'lead' || r.type === 'outgoing_call' ? /^task_/ : /^noti_/);
      expect(r.object_type, where).toBe(OBJECT_TYPES[r.type]);
      if (r.object_type) expect(r.object_id, where).toMatch(r.type === 'opportunity_due' ? /^oppo_/ : /^acti_/);
      expect(users.has(r.assigned_to), where).toBe(true);
      const system = !['lead', 'outgoing_call', 'opportunity_due'].includes(r.type);
      if (system) expect(r.created_by, where).toBeNull();
      else expect(users.has(r.created_by!), where).toBe(true);
      const extra = extraOf(r);
      const keys = Object.keys(extra).filter((k) => k !== 'attachments').sort();
      expect(keys, where).toEqual(EXTRA_KEYS[r.type]);
      expect(r.text === null, where).toBe(!['lead', 'outgoing_call', 'incoming_sms'].includes(r.type));
      if (r.type === 'opportunity_due') {
        expect(Number.isInteger(extra.opportunity_value) && (extra.opportunity_value as number) > 0, where).toBe(true);
        expect(['one_time', 'monthly', 'annual']).toContain(extra.opportunity_value_period);
      }
      if (r.type === 'answered_detached_call') expect([r.lead_id, r.contact_id], where).toEqual([null, null]);
      if (r.contact_id) {
        const contact = db.prepare('SELECT lead_id FROM contacts WHERE id = ?').get(r.contact_id) as { lead_id: string };
        expect(contact.lead_id, where).toBe(r.lead_id);
      }
    }
  });

  it('references only media that exist, with their real sizes and durations', () => {
    const db = freshDb();
    seedDemoData(db, { now: NOW });
    const voicemails = new Set<string>();
    const recordings = new Set<string>();
    let attachments = 0;
    const fileOf = (url: unknown) => {
      expect(typeof url).toBe('string');
      expect(String(url).startsWith(MEDIA_URL_PREFIX)).toBe(true);
      const file = path.join(DEMO_MEDIA_DIR, String(url).slice(MEDIA_URL_PREFIX.length));
      expect(fs.existsSync(file), String(url)).toBe(true);
      return file;
    };
    for (const r of tasksOf(db)) {
      const extra = extraOf(r);
      if (r.type === 'voicemail') {
        const info = wavInfo(fileOf(extra.voicemail_url));
        expect(extra.voicemail_duration).toBe(Math.round(info.seconds));
        voicemails.add(String(extra.voicemail_url));
      }
      if (r.type === 'answered_detached_call' && extra.recording_url !== null) {
        fileOf(extra.recording_url);
        recordings.add(String(extra.recording_url));
      }
      for (const a of (extra.attachments ?? []) as Array<Record<string, unknown>>) {
        attachments++;
        expect(a.size).toBe(fs.statSync(fileOf(a.url)).size);
        expect(a.media_id).toMatch(/^media_/);
        if (String(a.content_type).startsWith('image/')) fileOf(a.thumbnail_url);
      }
    }
    expect(voicemails.size).toBeGreaterThanOrEqual(6);
    expect(recordings.size).toBe(3);
    expect(attachments).toBeGreaterThan(10);
  });

  it('is deterministic for a fixed now (ids aside)', () => {
    const content = (db: Db) => {
      const names = new Map<string, string>();
      for (const t of ['users', 'leads', 'contacts'] as const) {
        const col = t === 'users' ? 'email' : 'name';
        for (const r of db.prepare(`SELECT id, ${col} AS name FROM ${t}`).all() as { id: string; name: string }[]) {
          names.set(r.id, r.name);
        }
      }
      const named = (id: string | null) => (id ? (names.get(id) ?? '?') : null);
      return tasksOf(db).map((r) => [
        r.type, named(r.assigned_to), named(r.lead_id), named(r.contact_id), named(r.created_by), named(r.updated_by),
        r.text, r.date_text, r.is_complete, r.is_dateless, r.date_created, r.date_updated, r.object_type,
        r.extra.replace(/\b(acti|media)_[0-9A-Za-z]+/g, '$1_*'),
      ]);
    };
    const a = freshDb();
    const b = freshDb();
    seedDemoData(a, { now: NOW });
    seedDemoData(b, { now: NOW });
    expect(content(b)).toEqual(content(a));
    const c = freshDb();
    seedDemoData(c, { now: new Date(NOW.getTime() + DAY_MS) });
    expect(content(c)).not.toEqual(content(a));
  });
});

describe('setDefaultUserApiKey', () => {
  it("changes only the default user's key", () => {
    const db = freshDb();
    seedDemoData(db, { now: NOW });
    setDefaultUserApiKey(db, 'rotated-key');
    const keys = demoSummary(db).users.map((u) => u.apiKey);
    expect(keys).toEqual(['rotated-key', ...DEMO_USERS.slice(1).map((u) => u.apiKey)]);
    setDefaultUserApiKey(db, 'rotated-key'); // setting the same key again is fine
  });

  it("refuses another user's key or an unusable key, and changes nothing", () => {
    const db = freshDb();
    const before: DemoSummary = seedDemoData(db, { now: NOW });
    expect(() => setDefaultUserApiKey(db, 'demo-key-kenji')).toThrow(/already belongs to kenji@demo.triage.test/);
    expect(() => setDefaultUserApiKey(db, 'with space')).toThrow(/not usable/);
    expect(demoSummary(db)).toEqual(before);
  });

  it('needs a seeded database', () => {
    const db = freshDb();
    expect(() => setDefaultUserApiKey(db, 'k')).toThrow(/seed it first/);
    expect(() => demoSummary(db)).toThrow(/seed it first/);
  });
});

describe('seedLargeOrganization', () => {
  it('adds N tasks over every user and type, dated -60..+60 days, about 30% complete', () => {
    const db = freshDb();
    const n = 6000;
    const result = seedLargeOrganization(db, { tasks: n, now: NOW });
    const summary = demoSummary(db);
    expect(result.organizationId).toBe(summary.organizationId);
    expect(result).toMatchObject({ tasksInserted: n, leadsInserted: n / 20 });
    const demoCount = (() => {
      const other = freshDb();
      seedDemoData(other, { now: NOW });
      return tasksOf(other).length;
    })();
    const rows = tasksOf(db);
    expect(rows).toHaveLength(demoCount + n);
    const added = rows.slice(demoCount);
    expect(new Set(added.map((r) => r.type))).toEqual(new Set(TASK_TYPES));
    expect(new Set(added.map((r) => r.assigned_to))).toEqual(new Set(summary.users.map((u) => u.id)));
    const done = added.filter((r) => r.is_complete).length / n;
    expect(done).toBeGreaterThan(0.25);
    expect(done).toBeLessThan(0.35);
    const spans = added.map((r) => (r.date_sort - NOW.getTime()) / DAY_MS);
    expect(Math.min(...spans)).toBeGreaterThan(-62);
    expect(Math.max(...spans)).toBeLessThan(62);
    expect(added.some((r) => r.date_kind === DATE_ONLY)).toBe(true);
    expect(db.prepare('SELECT COUNT(*) AS n FROM leads').get()).toEqual({ n: 60 + n / 20 });
    // Adding more later appends to the same organization.
    seedLargeOrganization(db, { tasks: 100, now: NOW });
    expect(tasksOf(db)).toHaveLength(demoCount + n + 100);
  });

  it('rejects a task count that is not a whole number in range, inserting nothing', () => {
    const db = freshDb();
    for (const tasks of [-1, 1.5, Number.NaN, 10_000_001]) {
      expect(() => seedLargeOrganization(db, { tasks, now: NOW })).toThrow(/whole number/);
    }
    expect(isSeeded(db)).toBe(false);
  });
});
