import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestApi, startTestCloseApi } from '../testing/test-close-api';

type Listed = { data: Array<Record<string, unknown>>; has_more: boolean };

let api: TestApi;
let nowMs = Date.UTC(2026, 10, 23, 12, 0); // Monday 2026-11-23 12:00 UTC

beforeEach(async () => {
  nowMs = Date.UTC(2026, 10, 23, 12, 0);
  api = await startTestCloseApi({ now: () => nowMs });
});
afterEach(() => api.close());

async function list(query: string, tz?: string): Promise<Listed> {
  const res = await api.fetch(`/task/?${query}`, tz === undefined ? {} : { tz });
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  return (await res.json()) as Listed;
}
const dates = (r: Listed) => r.data.map((t) => t.date);
const texts = (r: Listed) => r.data.map((t) => t.text);

describe('ordering by date (seed 000: the PST example)', () => {
  it('puts a date-only date at the start of its day in the user zone, before date-times at that instant', async () => {
    api.addTask({ date: '2015-01-12T08:00:00' });
    api.addTask({ date: '2015-01-12' });
    api.addTask({ date: '2015-01-12T07:00:00' });
    const pst = await list('_type=all&_order_by=date', '-8');
    expect(dates(pst)).toEqual(['2015-01-12T07:00:00+00:00', '2015-01-12', '2015-01-12T08:00:00+00:00']);
    const desc = await list('_type=all&_order_by=-date', '-8');
    expect(dates(desc)).toEqual(['2015-01-12T08:00:00+00:00', '2015-01-12', '2015-01-12T07:00:00+00:00']);
    // In UTC the day starts at 00:00Z, so the date-only task comes first.
    expect(dates(await list('_type=all&_order_by=date'))).toEqual([
      '2015-01-12',
      '2015-01-12T07:00:00+00:00',
      '2015-01-12T08:00:00+00:00',
    ]);
  });

  it('keeps a date-only date date-only and normalizes date-times to UTC', async () => {
    api.addTask({ date: '2015-01-12T09:30:00-05:00' });
    api.addTask({ date: '2016-09-21' });
    expect(dates(await list('_type=all'))).toEqual(['2015-01-12T14:30:00+00:00', '2016-09-21']);
  });

  it('filters with the same order it sorts by', async () => {
    api.addTask({ date: '2015-01-12T07:00:00' });
    api.addTask({ date: '2015-01-12' });
    api.addTask({ date: '2015-01-12T08:00:00' });
    expect(dates(await list('_type=all&date__lt=2015-01-12T08:00:00', '-8'))).toEqual(['2015-01-12T07:00:00+00:00', '2015-01-12']);
    expect(dates(await list('_type=all&date__gte=2015-01-12', '-8'))).toEqual(['2015-01-12', '2015-01-12T08:00:00+00:00']);
    expect(dates(await list('_type=all&date__gt=2015-01-12', '-8'))).toEqual(['2015-01-12T08:00:00+00:00']);
    expect(dates(await list('_type=all&date__lte=2015-01-12', '-8'))).toEqual(['2015-01-12T07:00:00+00:00', '2015-01-12']);
    expect(dates(await list('_type=all&date=2015-01-12', '-8'))).toEqual(['2015-01-12']);
  });

  it('orders by creation date both ways', async () => {
    api.addTask({ date: '2015-01-01', text: 'old', createdMs: Date.UTC(2014, 0, 1) });
    api.addTask({ date: '2014-01-01', text: 'new', createdMs: Date.UTC(2015, 5, 1) });
    expect(texts(await list('_order_by=date_created'))).toEqual(['old', 'new']);
    expect(texts(await list('_order_by=-date_created'))).toEqual(['new', 'old']);
    expect(texts(await list(`date_created__gte=${encodeURIComponent('2015-01-01T00:00:00Z')}`))).toEqual(['new']);
  });
});

describe('views and the user day', () => {
  // now = 2026-11-23T12:00Z. For each offset: the last instant of the local today, the first of
  // local tomorrow, and date-only today/tomorrow.
  const cases: Array<[string, number]> = [
    ['-8', -8],
    ['-5.0', -5],
    ['5.5', 5.5],
    ['-0.0', 0],
    ['14', 14],
    ['-9.5', -9.5],
  ];
  for (const [header, hours] of cases) {
    it(`splits inbox and future at local midnight for x-tz-offset ${header}`, async () => {
      const shift = hours * 3_600_000;
      const localMidnightTomorrow = Math.floor((nowMs + shift) / 86_400_000 + 1) * 86_400_000 - shift;
      const today = new Date(nowMs + shift).toISOString().slice(0, 10);
      const tomorrow = new Date(nowMs + shift + 86_400_000).toISOString().slice(0, 10);
      api.addTask({ date: new Date(localMidnightTomorrow - 1000).toISOString(), text: 'last second of today' });
      api.addTask({ date: new Date(localMidnightTomorrow).toISOString(), text: 'first instant of tomorrow' });
      api.addTask({ date: today, text: 'date-only today' });
      api.addTask({ date: tomorrow, text: 'date-only tomorrow' });
      api.addTask({ date: today, text: 'done today', isComplete: true });
      const inbox = await list('_type=all&view=inbox', header);
      expect(texts(inbox).sort()).toEqual(['date-only today', 'last second of today'].sort());
      expect(inbox.data.every((t) => t.view === 'inbox')).toBe(true);
      const future = await list('_type=all&view=future', header);
      expect(texts(future)).toEqual(['date-only tomorrow', 'first instant of tomorrow']);
      expect(future.data.every((t) => t.view === 'future')).toBe(true);
      const archive = await list('_type=all&view=archive', header);
      expect(texts(archive)).toEqual(['done today']);
      expect(archive.data[0]!.view).toBe('archive');
    });
  }

  it('uses UTC without the header', async () => {
    api.addTask({ date: '2026-11-23T23:30:00Z', text: 'late today UTC' });
    expect(texts(await list('_type=all&view=inbox'))).toEqual(['late today UTC']);
    expect(texts(await list('_type=all&view=inbox', '2'))).toEqual([]);
  });

  it('lets inbox and future override date__lt and date__gte', async () => {
    api.addTask({ date: '2026-11-20', text: 'overdue' });
    api.addTask({ date: '2026-11-30', text: 'next week' });
    expect(texts(await list('_type=all&view=inbox&date__gte=2026-11-22'))).toEqual(['overdue']);
    expect(texts(await list('_type=all&view=future&date__lt=2026-11-25'))).toEqual(['next week']);
    // Other bounds still apply.
    expect(texts(await list('_type=all&view=future&date__gt=2026-12-01'))).toEqual([]);
  });

  it('moves a task from future to inbox as the day turns', async () => {
    api.addTask({ date: '2026-11-24', text: 'tomorrow' });
    expect(texts(await list('_type=all&view=future', '-8'))).toEqual(['tomorrow']);
    nowMs = Date.UTC(2026, 10, 24, 8, 0); // local midnight in PST
    expect(texts(await list('_type=all&view=inbox', '-8'))).toEqual(['tomorrow']);
  });
});

describe('filters', () => {
  it('returns only lead tasks without _type, every type with _type=all, and lists with _type__in', async () => {
    api.addTask({ type: 'lead', date: '2026-11-20' });
    api.addTask({ type: 'voicemail', date: '2026-11-21' });
    api.addTask({ type: 'missed_call', date: '2026-11-22' });
    const types = (r: Listed) => r.data.map((t) => t._type);
    expect(types(await list(''))).toEqual(['lead']);
    expect(types(await list('_type=all'))).toEqual(['lead', 'voicemail', 'missed_call']);
    expect(types(await list('_type=voicemail'))).toEqual(['voicemail']);
    expect(types(await list('_type__in=missed_call,voicemail'))).toEqual(['voicemail', 'missed_call']);
    expect(types(await list('_type__in=missed_call%2Cvoicemail'))).toEqual(['voicemail', 'missed_call']);
  });

  it('reads is_complete as Close clients send it', async () => {
    api.addTask({ date: '2026-11-20', text: 'open' });
    api.addTask({ date: '2026-11-20', text: 'done', isComplete: true });
    for (const v of ['false', 'False', '0']) expect(texts(await list(`is_complete=${v}`))).toEqual(['open']);
    for (const v of ['true', 'True', '1']) expect(texts(await list(`is_complete=${v}`))).toEqual(['done']);
  });

  it('filters by id, id__in (encoded commas too), lead, assignee and organization', async () => {
    const a = api.addTask({ date: '2026-11-20', text: 'a', assignedTo: api.users.manager.id });
    const b = api.addTask({ date: '2026-11-21', text: 'b' });
    api.addTask({ date: '2026-11-22', text: 'c' });
    expect(texts(await list(`id=${a}`))).toEqual(['a']);
    expect(texts(await list(`id__in=${a},${b}`))).toEqual(['a', 'b']);
    expect(texts(await list(`id__in=${a}%2C${b}`))).toEqual(['a', 'b']);
    expect(texts(await list(`assigned_to=${api.users.manager.id}`))).toEqual(['a']);
    expect(texts(await list(`lead_id=${api.leadId}`))).toHaveLength(3);
    expect(texts(await list('lead_id=lead_nope'))).toEqual([]);
    expect(texts(await list(`organization_id=${api.organizationId}`))).toHaveLength(3);
    expect(texts(await list('organization_id=orga_someoneelse'))).toEqual([]);
  });

  it('never shows another organization its tasks', async () => {
    const id = api.addTask({ date: '2026-11-20' });
    const res = await api.fetch('/task/?_type=all', { key: api.users.other.key });
    expect(((await res.json()) as Listed).data).toEqual([]);
    expect((await api.fetch(`/task/${id}/`, { key: api.users.other.key })).status).toBe(404);
  });

  it('pages with _limit, _skip and has_more, and projects with _fields', async () => {
    for (let i = 1; i <= 5; i++) api.addTask({ date: `2026-11-0${i}`, text: `t${i}` });
    const first = await list('_limit=2');
    expect(texts(first)).toEqual(['t1', 't2']);
    expect(first.has_more).toBe(true);
    const last = await list('_limit=2&_skip=4');
    expect(texts(last)).toEqual(['t5']);
    expect(last.has_more).toBe(false);
    const projected = await list('_limit=1&_fields=id,date');
    expect(Object.keys(projected.data[0]!).sort()).toEqual(['date', 'id']);
    expect((await list('_limit=0')).has_more).toBe(true);
  });

  it('pages through a mix of kinds and states without gaps or repeats', async () => {
    const made: string[] = [];
    for (let i = 0; i < 40; i++) {
      const day = String(1 + (i % 20)).padStart(2, '0');
      made.push(api.addTask({ date: i % 3 === 0 ? `2026-10-${day}` : `2026-10-${day}T0${i % 10}:00:00Z`, isComplete: i % 4 === 0 }));
    }
    const seen: string[] = [];
    for (let skip = 0; ; skip += 7) {
      const page = await list(`_type=all&_limit=7&_skip=${skip}`, '5.5');
      seen.push(...page.data.map((t) => t.id as string));
      if (!page.has_more) break;
    }
    expect(seen.sort()).toEqual([...made].sort());
    const all = await list('_type=all&_limit=200', '5.5');
    expect(all.data.map((t) => t.id)).toEqual((await list('_type=all&_limit=200', '5.5')).data.map((t) => t.id));
  });

  it('defaults to 100 per page and refuses more than 200', async () => {
    const insertMany = api.db.transaction(() => {
      for (let i = 0; i < 120; i++) api.addTask({ date: '2026-11-01' });
    });
    insertMany();
    const page = await list('');
    expect(page.data).toHaveLength(100);
    expect(page.has_more).toBe(true);
    expect((await list('_limit=200')).data).toHaveLength(120);
    const res = await api.fetch('/task/?_limit=201');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { 'field-errors': Record<string, string> })['field-errors']._limit).toMatch(/200/);
  });
});

describe('bad filters', () => {
  const bad: Array<[string, string, string?]> = [
    ['_type=robots', '_type'],
    ['_type__in=lead,robots', '_type__in'],
    ['is_complete=maybe', 'is_complete'],
    ['view=later', 'view'],
    ['_order_by=priority', '_order_by'],
    ['_limit=-1', '_limit'],
    ['_limit=ten', '_limit'],
    ['_skip=x', '_skip'],
    ['_skip=100000000000000000000', '_skip'],
    ['_limit=100000000000000000000', '_limit'],
    ['date__lt=yesterday', 'date__lt'],
    ['date=2015-02-30', 'date'],
    ['date_created__gte=2015-13-01T00:00:00', 'date_created__gte'],
    ['', 'x-tz-offset', 'eight'],
    ['', 'x-tz-offset', '-13'],
  ];
  for (const [query, field, tz] of bad) {
    it(`answers 400 naming ${field} for ${query || `x-tz-offset: ${tz}`}`, async () => {
      const res = await api.fetch(`/task/?${query}`, tz ? { tz } : {});
      expect(res.status).toBe(400);
      const body = (await res.json()) as { errors: string[]; 'field-errors': Record<string, string> };
      expect(Object.keys(body['field-errors'])).toContain(field);
      expect(body.errors.length).toBeGreaterThan(0);
    });
  }
});

describe('the answer cache', () => {
  it('serves a repeated list until the data changes, through the API or from another connection', async () => {
    api.addTask({ date: '2026-11-20', text: 'first' });
    expect(texts(await list('_type=all'))).toEqual(['first']);
    expect(texts(await list('_type=all'))).toEqual(['first']);
    const created = await api.fetch('/task/', { method: 'POST', body: JSON.stringify({ lead_id: api.leadId, text: 'second', date: '2026-11-21' }) });
    expect(created.status).toBe(200);
    expect(texts(await list('_type=all'))).toEqual(['first', 'second']);
    const { default: Database } = await import('better-sqlite3');
    const other = new Database(api.db.name);
    other.prepare("UPDATE tasks SET text = 'changed elsewhere' WHERE text = 'first'").run();
    other.close();
    expect(texts(await list('_type=all'))).toEqual(['changed elsewhere', 'second']);
  });

  it('keeps views right as the day turns, and answers other organizations their own data', async () => {
    api.addTask({ date: '2026-11-24', text: 'tomorrow' });
    expect(texts(await list('_type=all&view=inbox'))).toEqual([]);
    nowMs = Date.UTC(2026, 10, 24, 0, 1);
    expect(texts(await list('_type=all&view=inbox'))).toEqual(['tomorrow']);
    const res = await api.fetch('/task/?_type=all&view=inbox', { key: api.users.other.key });
    expect(((await res.json()) as Listed).data).toEqual([]);
  });
});

describe('revalidation with ETag', () => {
  const inbox = (headers: Record<string, string> = {}) => api.fetch('/task/?_type=all&view=inbox', { tz: '0', headers });

  it('answers If-None-Match with the current ETag by a 304 without a body, and a changed list by a 200 with a new tag', async () => {
    api.addTask({ date: '2026-11-20', text: 'first' });
    const first = await inbox();
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(texts((await first.json()) as Listed)).toEqual(['first']);

    const unchanged = await inbox({ 'If-None-Match': etag! });
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe('');
    expect(unchanged.headers.get('etag')).toBe(etag);

    api.addTask({ date: '2026-11-21', text: 'second' });
    const changed = await inbox({ 'If-None-Match': etag! });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(texts((await changed.json()) as Listed)).toEqual(['first', 'second']);
  });

  it('does not take a tag for another query, another day or another time zone', async () => {
    api.addTask({ date: '2026-11-20', text: 'first' });
    const etag = (await inbox()).headers.get('etag')!;
    expect((await api.fetch('/task/?_type=all&view=future', { tz: '0', headers: { 'If-None-Match': etag } })).status).toBe(200);
    expect((await api.fetch('/task/?_type=all&view=inbox', { tz: '5.5', headers: { 'If-None-Match': etag } })).status).toBe(200);
    nowMs = Date.UTC(2026, 10, 24, 0, 1);
    expect((await inbox({ 'If-None-Match': etag })).status).toBe(200);
  });
});
