/**
 * Seeds the embedded API's database: the demo organization (users, leads, contacts and ~600 tasks
 * of every type around `now`, in each user's own time zone) and, for benchmarks, a large one.
 *
 * Content is deterministic for a given `now` (a seeded PRNG makes every choice); only ids are
 * random, like Close's. Media URLs are stored root-relative (`/media/voicemail-03.wav`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { DAY_MS, formatCloseDateTime, zoneOffsetHours } from '@/shared/close/dates';
import { TASK_TYPES, type Attachment, type TaskType } from '@/shared/close/schemas';
import { formatInTimeZone } from 'date-fns-tz';
import {
  AREA_CODE_REGIONS,
  CALL_RECORDINGS,
  COMPANY_CORES,
  COMPANY_PREFIXES,
  COMPANY_SUFFIXES,
  DEMO_LEADS,
  DEMO_MEDIA_DIR,
  DEMO_USERS,
  FIRST_NAMES,
  FOLLOWUP_EMAILS,
  INCOMING_EMAILS,
  LAST_NAMES,
  LEAD_TASK_TEXTS,
  LOCAL_LEAD_TASK_TEXTS,
  LOCAL_SMS_TEXTS,
  MARKUP_INCOMING_EMAIL,
  MARKUP_LEAD_TASK_TEXT,
  MARKUP_SMS_TEXT,
  MEDIA_FILES,
  MEDIA_URL_PREFIX,
  MMS_MESSAGES,
  OPPORTUNITIES,
  ORGANIZATION_NAME,
  OUTGOING_CALL_NOTES,
  SMS_TEXTS,
  VOICEMAILS,
  type DemoUserKey,
  type DemoUserSpec,
  type EmailSpec,
  type PhoneRegion,
} from './demo-data';
import { seedDemoActivities } from './demo-activities';
import { newId } from './ids';
import { createTaskInserter, type NewTaskRow, type TaskExtraByType, type TaskInserter } from './insert-task';
import type { Db } from './open-database';

export { seedDemoActivitiesIfMissing } from './demo-activities';

export const DEFAULT_DEMO_API_KEY = 'triage-demo-key';

export interface DemoUser {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  role: 'manager' | 'rep';
  timeZone: string;
  apiKey: string;
}

export interface DemoSummary {
  organizationId: string;
  /** The default user (the manager, Alex) first. */
  users: DemoUser[];
}

export interface SeedDemoOptions {
  now?: Date;
  /** The default user's API key (EMBEDDED_API_KEY); `triage-demo-key` when absent. */
  defaultApiKey?: string;
}

export interface SeedLargeOptions {
  tasks: number;
  now?: Date;
}

export interface LargeSeedSummary {
  organizationId: string;
  tasksInserted: number;
  leadsInserted: number;
  contactsInserted: number;
}

/** How many tasks each demo user gets (about 600 in all). */
const TASKS_PER_USER = 100;
const MAX_LARGE_TASKS = 5_000_000;
const DEMO_SEED = 0x7a3d_2025;
const LARGE_SEED = 0x51de_0001;
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const AREA_CODES = Object.keys(AREA_CODE_REGIONS);

// ---- Public API ---------------------------------------------------------------------------------

export function isSeeded(db: Db): boolean {
  return db.prepare('SELECT 1 FROM organizations WHERE name = ? LIMIT 1').get(ORGANIZATION_NAME) !== undefined;
}

/** The demo organization and its users as stored (for starts after the first). */
export function demoSummary(db: Db): DemoSummary {
  const org = db.prepare('SELECT id FROM organizations WHERE name = ? LIMIT 1').get(ORGANIZATION_NAME) as
    | { id: string }
    | undefined;
  if (!org) throw new Error(`the database has no "${ORGANIZATION_NAME}" organization: seed it first`);
  const rows = db
    .prepare(
      `SELECT u.id, u.first_name, u.last_name, u.email, u.time_zone, u.api_key, m.role_id
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.organization_id = ?`,
    )
    .all(org.id) as Array<{
    id: string;
    first_name: string;
    last_name: string;
    email: string;
    time_zone: string | null;
    api_key: string;
    role_id: string;
  }>;
  const rank = (email: string) => {
    const i = DEMO_USERS.findIndex((u) => u.email === email);
    return i < 0 ? DEMO_USERS.length : i;
  };
  rows.sort((a, b) => rank(a.email) - rank(b.email) || a.email.localeCompare(b.email));
  return {
    organizationId: org.id,
    users: rows.map((r) => ({
      id: r.id,
      firstName: r.first_name,
      lastName: r.last_name,
      email: r.email,
      role: r.role_id === 'admin' ? 'manager' : 'rep',
      timeZone: r.time_zone ?? 'UTC',
      apiKey: r.api_key,
    })),
  };
}

/** Gives the default user (Alex) a new API key; EMBEDDED_API_KEY is applied this way at every start. */
export function setDefaultUserApiKey(db: Db, key: string): void {
  assertUsableApiKey(key);
  const defaultEmail = DEMO_USERS[0]!.email;
  const user = db.prepare('SELECT id FROM users WHERE email = ?').get(defaultEmail) as { id: string } | undefined;
  if (!user) throw new Error(`no default demo user (${defaultEmail}) in the database: seed it first`);
  const holder = db.prepare('SELECT email FROM users WHERE api_key = ? AND id <> ?').get(key, user.id) as
    | { email: string }
    | undefined;
  if (holder) throw new Error(`API key ${JSON.stringify(key)} already belongs to ${holder.email}; pick another`);
  db.prepare('UPDATE users SET api_key = ? WHERE id = ?').run(key, user.id);
}

/** Seeds an empty database with the demo organization; throws if it is already seeded. */
export function seedDemoData(db: Db, options: SeedDemoOptions = {}): DemoSummary {
  const nowMs = validNow(options.now);
  const defaultKey = options.defaultApiKey ?? DEFAULT_DEMO_API_KEY;
  assertUsableApiKey(defaultKey);
  const clash = DEMO_USERS.slice(1).find((u) => u.apiKey === defaultKey);
  if (clash) throw new Error(`API key ${JSON.stringify(defaultKey)} is reserved for demo user ${clash.email}; pick another`);
  if (isSeeded(db)) throw new Error('the database is already seeded; delete it (npm run seed -- --reset) to seed again');

  db.transaction(() => {
    const rng = new Rng(DEMO_SEED);
    const orgId = newId('orga');
    db.prepare('INSERT INTO organizations (id, name, date_created) VALUES (?, ?, ?)').run(
      orgId,
      ORGANIZATION_NAME,
      formatCloseDateTime(nowMs - 420 * DAY_MS),
    );
    const users = insertDemoUsers(db, orgId, nowMs, defaultKey);
    const phones = new PhoneBook();
    const leads = insertDemoLeads(db, orgId, nowMs, rng, phones);
    const ctx = new SeedContext(db, orgId, nowMs, rng, users, leads);
    for (const user of users) {
      for (const plan of demoPlansFor(user.spec.key, rng)) ctx.insertTask(user, plan);
    }
    seedDemoActivities(db, orgId, nowMs);
  })();
  return demoSummary(db);
}

/**
 * Adds `tasks` tasks (and tasks/20 leads) to the demo organization, seeding it first if needed:
 * dates over -60..+60 days, about 30% complete, every type, every user. One transaction.
 */
export function seedLargeOrganization(db: Db, options: SeedLargeOptions): LargeSeedSummary {
  const count = options.tasks;
  if (!Number.isSafeInteger(count) || count < 0 || count > MAX_LARGE_TASKS) {
    throw new RangeError(`tasks must be a whole number from 0 to ${MAX_LARGE_TASKS}, got ${String(count)}`);
  }
  const nowMs = validNow(options.now);
  if (!isSeeded(db)) seedDemoData(db, options.now ? { now: options.now } : {});
  const summary = demoSummary(db);
  // The demo team works the new tasks; reps added by seed-users.ts have no spec and are left out.
  const users = summary.users.flatMap((u): SeededUser[] => {
    const spec = DEMO_USERS.find((s) => s.email === u.email);
    return spec ? [{ id: u.id, spec, zone: new ZoneClock(u.timeZone, nowMs) }] : [];
  });
  const random = pooledRandomBytes();
  const leadCount = count === 0 ? 0 : Math.max(1, Math.ceil(count / 20));
  let contactsInserted = 0;

  withLargePageCache(db, () =>
    db.transaction(() => {
      const rng = new Rng(LARGE_SEED);
      const leads = insertLargeLeads(db, summary.organizationId, nowMs, leadCount, rng, random);
      contactsInserted = leads.reduce((sum, lead) => sum + lead.contacts.length, 0);
      const ctx = new SeedContext(db, summary.organizationId, nowMs, rng, users, leads, random);
      for (let i = 0; i < count; i++) {
        const user = users[Math.floor(rng.next() * users.length)]!;
        const type = rng.weighted(TYPE_WEIGHTS);
        const dayOffset = rng.int(-60, 60);
        const bucket: Bucket =
          rng.next() < 0.3 ? 'done' : dayOffset < 0 ? 'overdue' : dayOffset === 0 ? 'today' : 'future';
        ctx.insertTask(user, { type, bucket, dayOffset });
      }
    })(),
  );
  return { organizationId: summary.organizationId, tasksInserted: count, leadsInserted: leadCount, contactsInserted };
}

/**
 * Runs a bulk insert with a 256 MB page cache. Six indexes take random inserts; with SQLite's
 * default 2 MB cache their pages spill to the WAL and are read back, which doubles the time.
 */
function withLargePageCache(db: Db, run: () => void): void {
  const previous = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -262144');
  try {
    run();
  } finally {
    db.pragma(`cache_size = ${previous}`);
  }
}

function insertLargeLeads(
  db: Db,
  orgId: string,
  nowMs: number,
  count: number,
  rng: Rng,
  random: (n: number) => Uint8Array,
): SeededLead[] {
  const insertLead = db.prepare(
    'INSERT INTO leads (id, organization_id, name, date_created, date_updated) VALUES (?, ?, ?, ?, ?)',
  );
  const insertContact = db.prepare(
    'INSERT INTO contacts (id, lead_id, organization_id, name, title, phones, emails) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const phones = new PhoneBook();
  const leads: SeededLead[] = [];
  for (let i = 0; i < count; i++) {
    const name = largeCompanyName(i);
    const id = newId('lead', random);
    const created = formatCloseDateTime(nowMs - Math.floor((30 + rng.next() * 700) * DAY_MS));
    insertLead.run(id, orgId, name, created, created);
    const domain = slug(name);
    const contacts: SeededContact[] = [];
    const contactCount = rng.next() < 0.6 ? 1 : 2;
    for (let k = 0; k < contactCount; k++) {
      const first = rng.pick(FIRST_NAMES);
      const last = rng.pick(LAST_NAMES);
      const phone = phones.next(`us:${AREA_CODES[(i + k) % AREA_CODES.length]!}`);
      const email = `${first.toLowerCase()}.${last.toLowerCase()}@${domain}.example`;
      const contact: SeededContact = { id: newId('cont', random), name: `${first} ${last}`, firstName: first, phone, email };
      insertContact.run(
        contact.id, id, orgId, contact.name, null,
        JSON.stringify([{ phone: phone.phone, phone_formatted: phone.formatted, type: 'office' }]),
        JSON.stringify([{ email, type: 'office' }]),
      );
      contacts.push(contact);
    }
    leads.push({ id, name, owner: DEMO_USERS[i % DEMO_USERS.length]!.key, contacts });
  }
  return leads;
}

// ---- Users and leads ----------------------------------------------------------------------------

interface SeededUser {
  id: string;
  spec: DemoUserSpec;
  zone: ZoneClock;
}

interface SeededContact {
  id: string;
  name: string;
  firstName: string;
  phone: PhoneNumber | null;
  email: string | null;
}

interface SeededLead {
  id: string;
  name: string;
  owner: DemoUserKey;
  /** The first is the primary contact and always has a phone. */
  contacts: SeededContact[];
}

function insertDemoUsers(db: Db, orgId: string, nowMs: number, defaultKey: string): SeededUser[] {
  const insertUser = db.prepare(
    `INSERT INTO users (id, email, first_name, last_name, image, time_zone, api_key, date_created, date_updated)
     VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?)`,
  );
  const insertMembership = db.prepare(
    'INSERT INTO memberships (id, organization_id, user_id, role_id) VALUES (?, ?, ?, ?)',
  );
  return DEMO_USERS.map((spec, i) => {
    const id = newId('user');
    const created = formatCloseDateTime(nowMs - 400 * DAY_MS + i * HOUR_MS);
    const apiKey = i === 0 ? defaultKey : spec.apiKey;
    insertUser.run(id, spec.email, spec.firstName, spec.lastName, spec.timeZone, apiKey, created, created);
    insertMembership.run(newId('memb'), orgId, id, spec.role === 'manager' ? 'admin' : 'user');
    return { id, spec, zone: new ZoneClock(spec.timeZone, nowMs) };
  });
}

function insertDemoLeads(db: Db, orgId: string, nowMs: number, rng: Rng, phones: PhoneBook): SeededLead[] {
  const insertLead = db.prepare(
    'INSERT INTO leads (id, organization_id, name, date_created, date_updated) VALUES (?, ?, ?, ?, ?)',
  );
  const insertContact = db.prepare(
    'INSERT INTO contacts (id, lead_id, organization_id, name, title, phones, emails) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  return DEMO_LEADS.map((spec) => {
    const id = newId('lead');
    const created = nowMs - Math.floor((30 + rng.next() * 370) * DAY_MS);
    const updated = created + Math.floor(rng.next() * (nowMs - created));
    insertLead.run(id, orgId, spec.name, formatCloseDateTime(created), formatCloseDateTime(updated));
    const contacts = spec.contacts.map((cs, i): SeededContact => {
      const phone = i === 0 || cs.phone !== false ? phones.next(spec.region) : null;
      const firstName = cs.name.split(' ')[0]!;
      const email =
        cs.email === false ? null : `${emailLocalPart(cs.name)}@${spec.domain}.example`;
      const contact = { id: newId('cont'), name: cs.name, firstName, phone, email };
      insertContact.run(
        contact.id, id, orgId, cs.name, cs.title,
        JSON.stringify(phone ? [{ phone: phone.phone, phone_formatted: phone.formatted, type: i === 0 ? 'office' : 'mobile' }] : []),
        JSON.stringify(email ? [{ email, type: 'office' }] : []),
      );
      return contact;
    });
    return { id, name: spec.name, owner: spec.owner, contacts };
  });
}

function emailLocalPart(name: string): string {
  const ascii = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const cleaned = ascii.replace(/<[^>]*>/g, '').replace(/[^a-z0-9]+/g, '.').replace(/^\.+|\.+$/g, '');
  return cleaned || 'info';
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

function largeCompanyName(i: number): string {
  const p = COMPANY_PREFIXES.length;
  const c = COMPANY_CORES.length;
  const s = COMPANY_SUFFIXES.length;
  const base = `${COMPANY_PREFIXES[i % p]!} ${COMPANY_CORES[Math.floor(i / p) % c]!} ${COMPANY_SUFFIXES[Math.floor(i / (p * c)) % s]!}`;
  const round = Math.floor(i / (p * c * s));
  return round === 0 ? base : `${base} ${round + 1}`;
}

// ---- Phones -------------------------------------------------------------------------------------

interface PhoneNumber {
  phone: string;
  formatted: string;
  description: string | null;
}

/** Hands out distinct numbers from the ranges reserved for fiction, per region. */
class PhoneBook {
  private readonly counters = new Map<string, number>();

  next(region: PhoneRegion): PhoneNumber {
    const n = this.counters.get(region) ?? 0;
    this.counters.set(region, n + 1);
    return fictionalNumber(region, n);
  }
}

function fictionalNumber(region: PhoneRegion, n: number): PhoneNumber {
  if (region === 'uk') {
    const line = String(200 + (n % 800)).padStart(4, '0');
    return { phone: `+44207946${line}`, formatted: `+44 20 7946 ${line}`, description: 'United Kingdom' };
  }
  if (region === 'ie') {
    const line = String(1000 + (n % 9000));
    return { phone: `+35320910${line}`, formatted: `+353 20 910 ${line}`, description: 'Ireland' };
  }
  if (region === 'au') {
    const line = String(1000 + (n % 9000));
    return { phone: `+6125550${line}`, formatted: `+61 2 5550 ${line}`, description: 'Australia' };
  }
  const area = region.slice(3);
  const line = String(101 + (n % 99)).padStart(4, '0');
  return { phone: `+1${area}555${line}`, formatted: `+1 ${area}-555-${line}`, description: AREA_CODE_REGIONS[area] ?? null };
}

// ---- Time ---------------------------------------------------------------------------------------

/**
 * Wall-clock times in one user's zone, relative to their today. Offsets are looked up once per day
 * (at 12:00 UTC, after any 2-3 a.m. DST switch in the demo zones), which keeps 100k rows fast.
 */
class ZoneClock {
  readonly todayUtcMidnight: number;
  private readonly offsets = new Map<number, number>();

  constructor(
    readonly zone: string,
    nowMs: number,
  ) {
    zoneOffsetHours(zone, nowMs); // throws a RangeError for a zone Intl does not know
    this.todayUtcMidnight = Date.parse(`${formatInTimeZone(new Date(nowMs), zone, 'yyyy-MM-dd')}T00:00:00Z`);
  }

  day(dayOffset: number): string {
    return new Date(this.todayUtcMidnight + dayOffset * DAY_MS).toISOString().slice(0, 10);
  }

  at(dayOffset: number, hour: number, minute: number, second = 0, ms = 0): number {
    const midnight = this.todayUtcMidnight + dayOffset * DAY_MS;
    let offsetMs = this.offsets.get(dayOffset);
    if (offsetMs === undefined) {
      // The offset at the day's local noon (DST changes happen at night): two readings settle it.
      const noon = midnight + 12 * HOUR_MS;
      offsetMs = zoneOffsetHours(this.zone, noon - zoneOffsetHours(this.zone, noon) * HOUR_MS) * HOUR_MS;
      this.offsets.set(dayOffset, offsetMs);
    }
    return midnight + ((hour * 60 + minute) * 60 + second) * 1000 + ms - offsetMs;
  }
}

// ---- Randomness ---------------------------------------------------------------------------------

/** mulberry32: small, fast, and the same sequence on every machine for a seed. */
class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** A whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  weighted<T>(pairs: ReadonlyArray<readonly [T, number]>): T {
    const total = pairs.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [value, w] of pairs) {
      r -= w;
      if (r < 0) return value;
    }
    return pairs[pairs.length - 1]![0];
  }
}

/** Random bytes for ids drawn from a refilled pool: one syscall per ~1,500 ids instead of one each. */
function pooledRandomBytes(): (n: number) => Uint8Array {
  let pool = randomBytes(65_536);
  let at = 0;
  return (n) => {
    if (at + n > pool.length) {
      pool = randomBytes(65_536);
      at = 0;
    }
    const out = pool.subarray(at, at + n);
    at += n;
    return out;
  };
}

// ---- Media --------------------------------------------------------------------------------------

const mediaSizes = new Map<string, number>();
const wavDurations = new Map<string, number>();

/** The byte size of a demo media file (Close's attachment `size`). */
export function demoMediaSize(file: string): number {
  let size = mediaSizes.get(file);
  if (size === undefined) {
    size = fs.statSync(path.join(DEMO_MEDIA_DIR, file)).size;
    mediaSizes.set(file, size);
  }
  return size;
}

/** Whole seconds of a PCM WAV file in demo-media/, read from its header. */
export function demoWavSeconds(file: string): number {
  let seconds = wavDurations.get(file);
  if (seconds !== undefined) return seconds;
  const buf = fs.readFileSync(path.join(DEMO_MEDIA_DIR, file));
  if (buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error(`${file} is not a WAV file`);
  }
  let byteRate = 0;
  let dataBytes = 0;
  for (let at = 12; at + 8 <= buf.length; ) {
    const id = buf.toString('ascii', at, at + 4);
    const size = buf.readUInt32LE(at + 4);
    if (id === 'fmt ') byteRate = buf.readUInt32LE(at + 16);
    if (id === 'data') dataBytes = Math.min(size, buf.length - at - 8);
    at += 8 + size + (size % 2);
  }
  if (!byteRate || !dataBytes) throw new Error(`${file} has no fmt or data chunk`);
  seconds = Math.round(dataBytes / byteRate);
  wavDurations.set(file, seconds);
  return seconds;
}

function mediaUrl(file: string): string {
  return `${MEDIA_URL_PREFIX}${file}`;
}

// ---- Tasks --------------------------------------------------------------------------------------

type Bucket = 'overdue' | 'today' | 'future' | 'done';

interface TaskPlan {
  type: TaskType;
  bucket: Bucket;
  /** Explicit day relative to the user's today (the large seed); otherwise drawn from the bucket. */
  dayOffset?: number;
  dateOnly?: boolean;
  dateless?: boolean;
  /** The lead, by name (else one of the user's own leads, now and then someone else's). */
  leadName?: string;
  /** Index into the type's pool: emails, voicemails, MMS messages, recordings. */
  item?: number;
  /** incoming_sms: an MMS from MMS_MESSAGES. */
  mms?: boolean;
  /** Use the type's text that looks like markup. */
  markup?: boolean;
}

const TYPE_WEIGHTS: ReadonlyArray<readonly [TaskType, number]> = [
  ['lead', 28],
  ['incoming_email', 14],
  ['email_followup', 8],
  ['missed_call', 10],
  ['voicemail', 7],
  ['answered_detached_call', 4],
  ['opportunity_due', 8],
  ['incoming_sms', 12],
  ['outgoing_call', 9],
];

const BUCKET_WEIGHTS: ReadonlyArray<readonly [Bucket, number]> = [
  ['overdue', 22],
  ['today', 18],
  ['future', 30],
  ['done', 30],
];

/** Share of date-only dates per type: to-dos and deals are usually for a day, events at a time. */
const DATE_ONLY_SHARE: Readonly<Record<TaskType, number>> = {
  lead: 0.55,
  opportunity_due: 0.8,
  outgoing_call: 0.25,
  incoming_sms: 0.1,
  incoming_email: 0,
  email_followup: 0.05,
  missed_call: 0,
  answered_detached_call: 0,
  voicemail: 0,
};

/** Types Close creates on its own (created_by null), as in its example response. */
const SYSTEM_TYPES: ReadonlySet<TaskType> = new Set([
  'incoming_email',
  'email_followup',
  'missed_call',
  'answered_detached_call',
  'voicemail',
  'incoming_sms',
]);

/** Every user gets every type in the inbox, plus future and archive work; Alex gets a showcase. */
function demoPlansFor(user: DemoUserKey, rng: Rng): TaskPlan[] {
  const plans: TaskPlan[] = TASK_TYPES.map((type, i) => ({ type, bucket: i % 2 === 0 ? 'today' : 'overdue' }));
  plans.push(
    { type: 'lead', bucket: 'today', dateOnly: true },
    { type: 'lead', bucket: 'today', dateOnly: true },
    { type: 'opportunity_due', bucket: 'today', dateOnly: true },
    { type: 'incoming_sms', bucket: 'today', mms: true },
    { type: 'lead', bucket: 'future' },
    { type: 'incoming_email', bucket: 'future' },
    { type: 'lead', bucket: 'done' },
    { type: 'missed_call', bucket: 'done' },
  );
  if (user === 'alex') {
    plans.push(
      { type: 'voicemail', bucket: 'today', item: 0 },
      { type: 'voicemail', bucket: 'overdue', item: 1 },
      { type: 'voicemail', bucket: 'today', item: 4 },
      { type: 'answered_detached_call', bucket: 'today', item: 0 },
      { type: 'incoming_sms', bucket: 'today', mms: true, item: 0 },
      { type: 'incoming_sms', bucket: 'overdue', mms: true, item: 1 },
      { type: 'incoming_sms', bucket: 'today', mms: true, item: 2 },
      { type: 'incoming_sms', bucket: 'overdue', mms: true, item: 3 },
      { type: 'incoming_email', bucket: 'today', markup: true },
      { type: 'incoming_sms', bucket: 'overdue', markup: true },
      { type: 'lead', bucket: 'today', leadName: '<b>Bold</b> Robotics', markup: true },
      { type: 'lead', bucket: 'overdue', dateless: true },
    );
  }
  if (user === 'jonas') {
    plans.push({ type: 'voicemail', bucket: 'today', item: 7 }, { type: 'lead', bucket: 'overdue', dateless: true });
  }
  while (plans.length < TASKS_PER_USER) {
    plans.push({ type: rng.weighted(TYPE_WEIGHTS), bucket: rng.weighted(BUCKET_WEIGHTS) });
  }
  return plans;
}

interface TaskBody {
  lead: SeededLead | null;
  contact: SeededContact | null;
  text: string | null;
  objectType: string | null;
  objectId: string | null;
}

/** A task's type-specific part, with `extra` matching `_type`. */
type TypedTaskBody = { [T in TaskType]: TaskBody & { _type: T; extra: TaskExtraByType[T] } }[TaskType];

/** Draws every detail of a task from the PRNG and inserts it. */
class SeedContext {
  private readonly insert: TaskInserter;
  private readonly leadsByOwner = new Map<DemoUserKey, SeededLead[]>();
  private readonly leadsByName = new Map<string, SeededLead>();
  private readonly manager: SeededUser;

  constructor(
    db: Db,
    private readonly orgId: string,
    private readonly nowMs: number,
    private readonly rng: Rng,
    users: readonly SeededUser[],
    private readonly leads: readonly SeededLead[],
    private readonly random: (n: number) => Uint8Array = randomBytes,
  ) {
    this.insert = createTaskInserter(db);
    this.manager = users.find((u) => u.spec.role === 'manager') ?? users[0]!;
    for (const lead of leads) {
      const own = this.leadsByOwner.get(lead.owner) ?? [];
      own.push(lead);
      this.leadsByOwner.set(lead.owner, own);
      this.leadsByName.set(lead.name, lead);
    }
  }

  insertTask(user: SeededUser, plan: TaskPlan): void {
    const { rng, nowMs } = this;
    const { type } = plan;
    const complete = plan.bucket === 'done';
    const dayOffset = plan.dayOffset ?? drawDayOffset(plan.bucket, rng);
    const dateOnly = !plan.dateless && (plan.dateOnly ?? rng.next() < DATE_ONLY_SHARE[type]);
    const system = SYSTEM_TYPES.has(type);

    // The moment the task stands for: a time that day for date-times, the working day for dates.
    const hour = rng.int(8, 17);
    const minute = system ? rng.int(0, 59) : rng.pick([0, 15, 30, 45]);
    const second = system ? rng.int(0, 59) : 0;
    const millis = system ? rng.int(0, 999) : 0;
    const momentMs = user.zone.at(dayOffset, hour, minute, second, millis);
    const date = dateOnly ? user.zone.day(dayOffset) : formatCloseDateTime(momentMs);

    // Close dates an arriving email, call or text at its arrival; a later date means it was snoozed.
    let createdMs: number;
    if (system) {
      createdMs = momentMs <= nowMs - MINUTE_MS ? momentMs : nowMs - Math.floor((0.5 + rng.next() * 47.5) * HOUR_MS);
    } else {
      createdMs = Math.min(momentMs, nowMs) - Math.floor((1 + rng.next() * 14 * 24) * HOUR_MS);
    }
    if (plan.dateless) createdMs = nowMs - Math.floor((1 + rng.next() * 5 * 24) * HOUR_MS);
    createdMs = Math.min(createdMs, nowMs - MINUTE_MS);

    const createdBy = system
      ? null
      : type === 'opportunity_due' || user === this.manager || rng.next() >= 0.25
        ? user.id
        : this.manager.id;
    let updatedMs: number;
    let updatedBy: string | null;
    if (complete) {
      const from = Math.max(createdMs, Math.min(momentMs, nowMs));
      updatedMs = Math.min(from + Math.floor(rng.next() * 2 * DAY_MS), nowMs - MINUTE_MS);
      updatedBy = user.id;
    } else if (system && (dateOnly || momentMs !== createdMs)) {
      updatedMs = createdMs + Math.floor(rng.next() * (nowMs - createdMs));
      updatedBy = user.id;
    } else if (system) {
      updatedMs = Math.min(createdMs + rng.int(1, 90_000), nowMs);
      updatedBy = null;
    } else {
      updatedMs = rng.next() < 0.3 ? createdMs + Math.floor(rng.next() * (nowMs - createdMs)) : createdMs;
      updatedBy = createdBy;
    }
    updatedMs = Math.max(updatedMs, createdMs);

    const body = this.describe(user, plan);
    // One literal of one shape: spreading per row doubled the large seed's time. describe() pairs
    // _type and extra correctly, which TypeScript cannot follow through the two properties.
    this.insert({
      id: newId(type === 'lead' || type === 'outgoing_call' ? 'task' : 'noti', this.random),
      _type: body._type,
      organization_id: this.orgId,
      assigned_to: user.id,
      lead_id: body.lead?.id ?? null,
      contact_id: body.contact?.id ?? null,
      created_by: createdBy,
      updated_by: updatedBy,
      text: body.text,
      date: plan.dateless ? null : date,
      is_complete: complete,
      date_created_ms: createdMs,
      date_updated_ms: updatedMs,
      object_type: body.objectType,
      object_id: body.objectId,
      extra: body.extra,
    } as NewTaskRow);
  }

  private lead(user: SeededUser, plan: TaskPlan): SeededLead {
    if (plan.leadName !== undefined) {
      const named = this.leadsByName.get(plan.leadName);
      if (!named) throw new Error(`no demo lead named ${plan.leadName}`);
      return named;
    }
    const own = this.leadsByOwner.get(user.spec.key);
    return own && own.length > 0 && this.rng.next() < 0.8 ? this.rng.pick(own) : this.rng.pick(this.leads);
  }

  private contactWith(lead: SeededLead, has: 'phone' | 'email'): SeededContact | null {
    const candidates = lead.contacts.filter((c) => c[has] !== null);
    return candidates.length > 0 ? this.rng.pick(candidates) : null;
  }

  private unknownCaller(): PhoneNumber {
    return fictionalNumber(`us:${this.rng.pick(AREA_CODES)}`, this.rng.int(0, 98));
  }

  private acti(): string {
    return newId('acti', this.random);
  }

  /** The type's own part of the row: lead, contact, text, object and wire fields. */
  private describe(user: SeededUser, plan: TaskPlan): TypedTaskBody {
    const { rng } = this;
    const localPhone = user.spec.localPhone;

    switch (plan.type) {
      case 'lead': {
        const lead = this.lead(user, plan);
        const local = LOCAL_LEAD_TASK_TEXTS[user.spec.key];
        const template = plan.markup
          ? MARKUP_LEAD_TASK_TEXT
          : local && rng.next() < 0.2
            ? rng.pick(local)
            : rng.pick(LEAD_TASK_TEXTS);
        const text = template.replaceAll('{first}', lead.contacts[0]?.firstName ?? 'them');
        return { _type: 'lead', lead, contact: null, text, objectType: null, objectId: null, extra: {} };
      }
      case 'outgoing_call': {
        const lead = this.lead(user, plan);
        const contact = this.contactWith(lead, 'phone');
        const text = rng.pick(OUTGOING_CALL_NOTES);
        return { _type: 'outgoing_call', lead, contact, text, objectType: 'call', objectId: this.acti(), extra: {} };
      }
      case 'incoming_email': {
        const lead = this.lead(user, plan);
        const contact = this.contactWith(lead, 'email');
        const email = plan.markup ? MARKUP_INCOMING_EMAIL : pickItem(emailsFor(user.spec.key), plan.item, rng);
        const emails = Array.from({ length: rng.next() < 0.75 ? 1 : rng.int(2, 3) }, () => this.acti());
        const extra: TaskExtraByType['incoming_email'] = { emails, subject: email.subject, body_preview: email.body_preview };
        return { _type: 'incoming_email', lead, contact, text: null, objectType: 'emailthread', objectId: this.acti(), extra };
      }
      case 'email_followup': {
        const lead = this.lead(user, plan);
        const contact = this.contactWith(lead, 'email');
        const email = pickItem(FOLLOWUP_EMAILS, plan.item, rng);
        const extra: TaskExtraByType['email_followup'] = { email_id: this.acti(), subject: email.subject, body_preview: email.body_preview };
        return { _type: 'email_followup', lead, contact, text: null, objectType: 'emailthread', objectId: this.acti(), extra };
      }
      case 'missed_call': {
        const known = rng.next() < 0.85;
        const lead = known ? this.lead(user, plan) : null;
        const contact = lead ? this.contactWith(lead, 'phone') : null;
        const phone = contact?.phone ?? this.unknownCaller();
        const extra: TaskExtraByType['missed_call'] = {
          phone: phone.phone,
          phone_formatted: phone.formatted,
          phone_number_description: phone.description,
          local_phone: localPhone,
        };
        return { _type: 'missed_call', lead: contact ? lead : null, contact, text: null, objectType: 'call', objectId: this.acti(), extra };
      }
      case 'answered_detached_call': {
        // Detached: the number belongs to no contact, so there is no lead or contact.
        const phone = this.unknownCaller();
        const withRecording = plan.item !== undefined || rng.next() < 0.85;
        const extra: TaskExtraByType['answered_detached_call'] = {
          phone: phone.phone,
          phone_formatted: phone.formatted,
          phone_number_description: phone.description,
          recording_url: withRecording ? mediaUrl(pickItem(CALL_RECORDINGS, plan.item, rng)) : null,
        };
        return { _type: 'answered_detached_call', lead: null, contact: null, text: null, objectType: 'call', objectId: this.acti(), extra };
      }
      case 'voicemail': {
        const eligible = VOICEMAILS.filter((v) => !v.onlyFor || v.onlyFor === user.spec.key);
        const voicemail = plan.item !== undefined ? VOICEMAILS[plan.item]! : rng.pick(eligible);
        const lead = voicemail.leadName ? (this.leadsByName.get(voicemail.leadName) ?? null) : null;
        const contact = lead?.contacts.find((c) => c.name === voicemail.contactName) ?? null;
        const phone = contact?.phone ?? this.unknownCaller();
        const extra: TaskExtraByType['voicemail'] = {
          phone: phone.phone,
          phone_formatted: phone.formatted,
          phone_number_description: phone.description,
          local_phone: localPhone,
          voicemail_duration: demoWavSeconds(voicemail.file),
          voicemail_url: mediaUrl(voicemail.file),
        };
        return { _type: 'voicemail', lead, contact, text: null, objectType: 'call', objectId: this.acti(), extra };
      }
      case 'opportunity_due': {
        const lead = this.lead(user, plan);
        const contact = rng.next() < 0.8 ? (lead.contacts[0] ?? null) : null;
        const opportunity = pickItem(OPPORTUNITIES, plan.item, rng);
        const scale = user.spec.currency === 'JPY' ? 150 : user.spec.currency === 'BRL' ? 5 : 1;
        const value = opportunity.value * scale;
        const extra: TaskExtraByType['opportunity_due'] = {
          opportunity_note: opportunity.note,
          opportunity_value: value * 100,
          opportunity_value_currency: user.spec.currency,
          opportunity_value_formatted: formatMoney(value, user.spec.currency),
          opportunity_value_period: opportunity.period,
        };
        return { _type: 'opportunity_due', lead, contact, text: null, objectType: 'opportunity', objectId: newId('oppo', this.random), extra };
      }
      case 'incoming_sms': {
        const mms = plan.mms || (!plan.markup && rng.next() < 0.2);
        const known = plan.item !== undefined || plan.markup || rng.next() < 0.9;
        const lead = known ? this.lead(user, plan) : null;
        const contact = lead ? this.contactWith(lead, 'phone') : null;
        const remote = contact?.phone ?? this.unknownCaller();
        let text: string;
        let attachments: Attachment[] | undefined;
        if (mms) {
          const message = plan.item !== undefined ? MMS_MESSAGES[plan.item]! : rng.pick(MMS_MESSAGES);
          text = message.text;
          attachments = message.media.map((key) => this.attachment(key));
        } else {
          const local = LOCAL_SMS_TEXTS[user.spec.key];
          text = plan.markup ? MARKUP_SMS_TEXT : local && rng.next() < 0.25 ? rng.pick(local) : rng.pick(SMS_TEXTS);
        }
        const extra: TaskExtraByType['incoming_sms'] = {
          remote_phone: remote.phone,
          remote_phone_formatted: remote.formatted,
          remote_phone_description: remote.description,
          local_phone: localPhone,
          ...(attachments ? { attachments } : {}),
        };
        return { _type: 'incoming_sms', lead: contact ? lead : null, contact, text, objectType: 'sms', objectId: this.acti(), extra };
      }
    }
  }

  private attachment(key: string): Attachment {
    const media = MEDIA_FILES[key];
    if (!media) throw new Error(`no demo media ${key}`);
    return {
      content_type: media.contentType,
      filename: media.filename,
      media_id: newId('media', this.random).slice(0, 28),
      size: demoMediaSize(media.file),
      thumbnail_url: media.thumb ? mediaUrl(media.thumb) : null,
      url: mediaUrl(media.file),
    };
  }
}

const emailPools = new Map<DemoUserKey, readonly EmailSpec[]>();

/** The incoming emails a user can get: the English ones and those in their own language. */
function emailsFor(user: DemoUserKey): readonly EmailSpec[] {
  let pool = emailPools.get(user);
  if (!pool) {
    pool = INCOMING_EMAILS.filter((e) => !e.onlyFor || e.onlyFor === user);
    emailPools.set(user, pool);
  }
  return pool;
}

function pickItem<T>(items: readonly T[], index: number | undefined, rng: Rng): T {
  if (index === undefined) return rng.pick(items);
  const item = items[index];
  if (item === undefined) throw new Error(`no demo item ${index}`);
  return item;
}

function drawDayOffset(bucket: Bucket, rng: Rng): number {
  switch (bucket) {
    case 'overdue':
      return -(1 + Math.floor(rng.next() ** 2 * 14));
    case 'today':
      return 0;
    case 'future':
      return 1 + Math.floor(rng.next() ** 1.6 * 21);
    case 'done':
      return -Math.floor(rng.next() * 30);
  }
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Close's `opportunity_value_formatted`: whole units with the currency sign, e.g. `$1,300`. */
function formatMoney(value: number, currency: string): string {
  let format = moneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0 });
    moneyFormats.set(currency, format);
  }
  return format.format(value);
}

// ---- Checks -------------------------------------------------------------------------------------

function validNow(now: Date | undefined): number {
  const ms = now ? now.getTime() : Date.now();
  if (!Number.isFinite(ms)) throw new RangeError('now must be a valid Date');
  return ms;
}

/** Keys travel as the HTTP Basic username, so no colon, no whitespace, nothing empty. */
function assertUsableApiKey(key: string): void {
  if (typeof key !== 'string' || !/^[\x21-\x39\x3b-\x7e]{1,200}$/.test(key)) {
    throw new Error(
      `API key ${JSON.stringify(key)} is not usable: 1-200 printable ASCII characters, no spaces or colons`,
    );
  }
}

