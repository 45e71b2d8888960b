import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../db/ids';
import { type TestApi, startTestCloseApi } from '../testing/test-close-api';

type Json = Record<string, unknown>;
type ErrorJson = { errors: string[]; 'field-errors': Record<string, string> };

let api: TestApi;
const nowMs = Date.UTC(2026, 10, 23, 12, 0);
const ORG_NUMBER = '+14155550100';
const CONTACT_PHONE = '+16503334444';
const SENDER = 'rita@example.test';
let otherLeadId: string;
let parentEmailId: string;

beforeEach(async () => {
  api = await startTestCloseApi({ now: () => nowMs });
  const db = api.db;
  db.prepare('INSERT INTO organization_phone_numbers (organization_id, number, user_id) VALUES (?, ?, ?)').run(api.organizationId, ORG_NUMBER, api.users.rep.id);
  db.prepare('INSERT INTO email_senders (organization_id, email, name, user_id) VALUES (?, ?, ?, ?)').run(api.organizationId, SENDER, 'Rita Rep', api.users.rep.id);
  otherLeadId = newId('lead');
  db.prepare('INSERT INTO leads (id, organization_id, name, date_created, date_updated) VALUES (?, ?, ?, ?, ?)').run(
    otherLeadId, api.organizationId, 'Other Lead', '2015-01-01T00:00:00+00:00', '2015-01-01T00:00:00+00:00',
  );
  db.prepare('INSERT INTO contacts (id, lead_id, organization_id, name, phones, emails) VALUES (?, ?, ?, ?, ?, ?)').run(
    newId('cont'), otherLeadId, api.organizationId, 'Someone Else', '[{"phone":"+16505550199","type":"office"}]', '[]',
  );
  parentEmailId = newId('acti');
  db.prepare(
    `INSERT INTO email_activities (id, organization_id, lead_id, contact_id, thread_id, direction, status, sender, recipients, subject,
       body_text, body_html, attachments, date_created_ms, date_updated_ms, date_sent_ms)
     VALUES (?, ?, ?, ?, 'acti_thread', 'incoming', 'inbox', '"Dana Buyer" <dana@acme.example>', ?, 'Pricing', 'Hello there',
       '<p>Hello <b>there</b></p>', ?, ?, ?, ?)`,
  ).run(
    parentEmailId, api.organizationId, api.leadId, api.contactId, JSON.stringify({ to: [SENDER], cc: [], bcc: [] }),
    JSON.stringify([{ content_type: 'application/pdf', filename: 'Quote.pdf', size: 1234, url: '/media/quote.pdf' }]),
    nowMs - 3_600_000, nowMs - 3_600_000, nowMs - 3_600_000,
  );
});
afterEach(() => api.close());

/** Everything a refused write must leave as it was. */
const snapshot = () => ({
  sms: api.db.prepare('SELECT * FROM sms_activities ORDER BY seq').all(),
  email: api.db.prepare('SELECT * FROM email_activities ORDER BY seq').all(),
});
const post = (path: string, body: unknown, key?: string) =>
  api.fetch(path, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), ...(key ? { key } : {}) });

async function expect400(res: Response, field: string): Promise<ErrorJson> {
  expect(res.status).toBe(400);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const body = (await res.json()) as ErrorJson;
  expect(Object.keys(body['field-errors'])).toContain(field);
  expect(body.errors.length).toBeGreaterThan(0);
  return body;
}

const goodSms = () => ({ status: 'outbox', lead_id: api.leadId, contact_id: api.contactId, local_phone: ORG_NUMBER, remote_phone: CONTACT_PHONE, text: 'On my way' });
const goodEmail = () => ({
  status: 'outbox', lead_id: api.leadId, contact_id: api.contactId, sender: `"Rita Rep" <${SENDER}>`, to: ['dana@acme.example'],
  subject: 'Re: Pricing', body_text: 'Here it is.', in_reply_to_id: parentEmailId,
});

describe('POST /activity/sms/', () => {
  it('stores an outbox SMS, which is sent at once, in Close’s shape; GET by id and by lead return it', async () => {
    const res = await post('/activity/sms/', goodSms());
    expect(res.status).toBe(200);
    const sms = (await res.json()) as Json;
    expect(sms).toMatchObject({
      _type: 'SMS', lead_id: api.leadId, contact_id: api.contactId, local_phone: ORG_NUMBER, remote_phone: CONTACT_PHONE,
      text: 'On my way', status: 'sent', direction: 'outbound', user_id: api.users.rep.id, attachments: [],
      date_created: '2026-11-23T12:00:00+00:00', date_sent: '2026-11-23T12:00:00+00:00',
    });
    expect(sms.id).toMatch(/^acti_/);
    const one = await api.fetch(`/activity/sms/${sms.id as string}/`);
    expect(await one.json()).toEqual(sms);
    const list = (await (await api.fetch(`/activity/sms/?lead_id=${api.leadId}`)).json()) as { data: Json[]; has_more: boolean };
    expect(list).toEqual({ data: [sms], has_more: false });
  });

  it('pages a lead’s thread newest first with _skip/_limit and has_more', async () => {
    for (let i = 0; i < 3; i++) expect((await post('/activity/sms/', { ...goodSms(), text: `m${i}` })).status).toBe(200);
    const page = async (q: string) => (await (await api.fetch(`/activity/sms/?lead_id=${api.leadId}&${q}`)).json()) as { data: Json[]; has_more: boolean };
    const first = await page('_limit=2');
    expect(first.data.map((s) => s.text)).toEqual(['m2', 'm1']);
    expect(first.has_more).toBe(true);
    const second = await page('_limit=2&_skip=2');
    expect(second.data.map((s) => s.text)).toEqual(['m0']);
    expect(second.has_more).toBe(false);
    expect((await page('')).data).toHaveLength(3);
    expect((await (await api.fetch(`/activity/sms/?lead_id=${otherLeadId}`)).json())).toEqual({ data: [], has_more: false });
    await expect400(await api.fetch('/activity/sms/?_limit=x'), '_limit');
  });

  it('keeps a posted date_created (to the millisecond) and filters on it and on activity_at', async () => {
    const marker = '2026-11-23T11:59:58.123+00:00';
    const marked = (await (await post('/activity/sms/', { ...goodSms(), text: 'marked', date_created: marker })).json()) as Json;
    expect(marked).toMatchObject({ date_created: '2026-11-23T11:59:58.123000+00:00', date_sent: '2026-11-23T12:00:00+00:00', activity_at: '2026-11-23T12:00:00+00:00' });
    await post('/activity/sms/', { ...goodSms(), text: 'plain' });
    const texts = async (q: string) =>
      ((await (await api.fetch(`/activity/sms/?lead_id=${api.leadId}&${q}`)).json()) as { data: Json[] }).data.map((s) => s.text);
    expect(await texts('date_created__gte=2026-11-23T11:59:58.123Z&date_created__lte=2026-11-23T11:59:58.123Z')).toEqual(['marked']);
    expect(await texts('date_created__gt=2026-11-23T11:59:58.123Z')).toEqual(['plain']);
    expect(await texts('date_created__lt=2026-11-23T12:00:00Z')).toEqual(['marked']);
    expect(await texts('activity_at__gte=2026-11-23T12:00:00Z')).toEqual(['plain', 'marked']);
    expect(await texts('activity_at__lt=2026-11-23')).toEqual([]);
    await expect400(await api.fetch('/activity/sms/?date_created__gte=soon'), 'date_created__gte');
  });

  it('is scoped to the caller’s organization', async () => {
    const sms = (await (await post('/activity/sms/', goodSms())).json()) as Json;
    expect((await api.fetch(`/activity/sms/${sms.id as string}/`, { key: api.users.other.key })).status).toBe(404);
    expect(await (await api.fetch(`/activity/sms/?lead_id=${api.leadId}`, { key: api.users.other.key })).json()).toEqual({ data: [], has_more: false });
    await expect400(await post('/activity/sms/', goodSms(), api.users.other.key), 'lead_id');
  });

  const bad: [string, Json, string][] = [
    ['empty text', { text: '   ' }, 'text'],
    ['no text', { text: undefined }, 'text'],
    ['over 10 segments (GSM-7: 1,531 characters)', { text: 'a'.repeat(1531) }, 'text'],
    ['over 10 segments (Unicode: 671 characters)', { text: 'é'.repeat(600) + '👍'.repeat(36) }, 'text'],
    ['a number that is not the lead’s', { remote_phone: '+16505550199' }, 'remote_phone'],
    ['a remote number not in E.164', { remote_phone: '650 333 4444' }, 'remote_phone'],
    ['no remote number', { remote_phone: undefined }, 'remote_phone'],
    ['a local number the organization does not have', { local_phone: '+14155550111' }, 'local_phone'],
    ['no local number', { local_phone: null }, 'local_phone'],
    ['an unknown lead', { lead_id: 'lead_nope' }, 'lead_id'],
    ['a contact of another lead', { contact_id: 'cont_nope' }, 'contact_id'],
    ['an unknown status', { status: 'queued' }, 'status'],
    ['an unknown field', { send_in: 5 }, 'send_in'],
    ['a date_created that is not a date-time', { date_created: 'yesterday' }, 'date_created'],
  ];
  it.each(bad)('refuses %s with a 400 naming the field, and stores nothing', async (_name, change, field) => {
    const before = snapshot();
    await expect400(await post('/activity/sms/', { ...goodSms(), ...change }), field);
    expect(snapshot()).toEqual(before);
  });

  it('takes exactly 10 segments (1,530 GSM-7 characters)', async () => {
    expect((await post('/activity/sms/', { ...goodSms(), text: 'a'.repeat(1530) })).status).toBe(200);
  });

  it('refuses a body that is not a JSON object', async () => {
    await expect400(await post('/activity/sms/', 'nope'), '__all__');
    await expect400(await post('/activity/sms/', '[]'), '__all__');
  });
});

describe('GET /activity/email/{id}/', () => {
  it('returns the whole email in Close’s shape, attachments with absolute URLs', async () => {
    const res = await api.fetch(`/activity/email/${parentEmailId}/`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      _type: 'Email', id: parentEmailId, lead_id: api.leadId, contact_id: api.contactId, thread_id: 'acti_thread', in_reply_to_id: null,
      direction: 'incoming', status: 'inbox', sender: '"Dana Buyer" <dana@acme.example>', to: [SENDER], cc: [], bcc: [],
      subject: 'Pricing', body_text: 'Hello there', body_html: '<p>Hello <b>there</b></p>',
      attachments: [{ filename: 'Quote.pdf', content_type: 'application/pdf', size: 1234, url: `${api.origin}/media/quote.pdf` }],
      date_sent: '2026-11-23T11:00:00+00:00',
    });
  });
  it('answers 404 for an unknown id or another organization’s', async () => {
    expect((await api.fetch('/activity/email/acti_nope/')).status).toBe(404);
    expect((await api.fetch(`/activity/email/${parentEmailId}/`, { key: api.users.other.key })).status).toBe(404);
  });
});

describe('GET /activity/email/', () => {
  it('lists emails newest first in Close’s shape, by lead, contact, user or ids, paged with has_more', async () => {
    const reply = (await (await post('/activity/email/', goodEmail())).json()) as Json;
    const page = async (q: string, key?: string) =>
      (await (await api.fetch(`/activity/email/?${q}`, key ? { key } : {})).json()) as { data: Json[]; has_more: boolean };
    const all = await page(`lead_id=${api.leadId}`);
    expect(all.data.map((e) => e.id)).toEqual([reply.id, parentEmailId]);
    expect(all.data[0]).toEqual(reply);
    expect(all.has_more).toBe(false);
    expect(await page(`lead_id=${api.leadId}&_limit=1`)).toMatchObject({ data: [{ id: reply.id }], has_more: true });
    expect(await page(`lead_id=${api.leadId}&_limit=1&_skip=1`)).toMatchObject({ data: [{ id: parentEmailId }], has_more: false });
    expect((await page(`id__in=${parentEmailId},acti_nope`)).data.map((e) => e.id)).toEqual([parentEmailId]);
    expect((await page(`user_id=${api.users.rep.id}`)).data.map((e) => e.id)).toEqual([reply.id]);
    expect((await page(`contact_id=${api.contactId}&_fields=id,status`)).data).toEqual([{ id: reply.id, status: 'sent' }, { id: parentEmailId, status: 'inbox' }]);
    expect(await page(`lead_id=${otherLeadId}`)).toEqual({ data: [], has_more: false });
    expect(await page(`lead_id=${api.leadId}`, api.users.other.key)).toEqual({ data: [], has_more: false });
  });

  it('keeps a posted date_created and filters on date_created and activity_at ranges', async () => {
    const marker = '2026-11-23T11:59:59.500Z';
    const marked = (await (await post('/activity/email/', { ...goodEmail(), date_created: marker })).json()) as Json;
    expect(marked.date_created).toBe('2026-11-23T11:59:59.500000+00:00');
    const ids = async (q: string) => ((await (await api.fetch(`/activity/email/?lead_id=${api.leadId}&${q}`)).json()) as { data: Json[] }).data.map((e) => e.id);
    expect(await ids(`date_created__gte=${marker}&date_created__lte=${marker}`)).toEqual([marked.id]);
    expect(await ids('date_created__lt=2026-11-23T11:30:00Z')).toEqual([parentEmailId]);
    expect(await ids('activity_at__gt=2026-11-23T11:00:00Z')).toEqual([marked.id]);
    await expect400(await api.fetch('/activity/email/?activity_at__lte=2026-13-01'), 'activity_at__lte');
    await expect400(await api.fetch('/activity/email/?_skip=-1'), '_skip');
  });
});

describe('POST /activity/email/', () => {
  it('stores a reply, sent at once, on its parent’s thread', async () => {
    const res = await post('/activity/email/', goodEmail());
    expect(res.status).toBe(200);
    const email = (await res.json()) as Json;
    expect(email).toMatchObject({
      _type: 'Email', status: 'sent', direction: 'outgoing', thread_id: 'acti_thread', in_reply_to_id: parentEmailId,
      sender: `"Rita Rep" <${SENDER}>`, to: ['dana@acme.example'], subject: 'Re: Pricing', body_text: 'Here it is.',
      user_id: api.users.rep.id, date_sent: '2026-11-23T12:00:00+00:00',
    });
    expect(await (await api.fetch(`/activity/email/${email.id as string}/`)).json()).toEqual(email);
  });

  it('takes an HTML body without a text one', async () => {
    expect((await post('/activity/email/', { ...goodEmail(), body_text: undefined, body_html: '<p>Hi</p>' })).status).toBe(200);
  });

  const bad: [string, Json, string][] = [
    ['an empty body', { body_text: ' ', body_html: '' }, 'body_text'],
    ['no recipient', { to: [] }, 'to'],
    ['a recipient that is not an address', { to: ['dana'] }, 'to'],
    ['a cc that is not an address', { cc: ['x@'] }, 'cc'],
    ['a sender the organization does not have', { sender: 'someone@elsewhere.example' }, 'sender'],
    ['a sender that is not an address', { sender: 'Rita' }, 'sender'],
    ['no sender', { sender: undefined }, 'sender'],
    ['an unknown lead', { lead_id: 'lead_nope' }, 'lead_id'],
    ['a contact of another lead', { contact_id: 'cont_nope' }, 'contact_id'],
    ['an unknown parent email', { in_reply_to_id: 'acti_nope' }, 'in_reply_to_id'],
    ['an unknown status', { status: 'scheduled' }, 'status'],
    ['a date_created that is only a date', { date_created: '2026-11-23' }, 'date_created'],
  ];
  it.each(bad)('refuses %s with a 400 naming the field, and stores nothing', async (_name, change, field) => {
    const before = snapshot();
    await expect400(await post('/activity/email/', { ...goodEmail(), ...change }), field);
    expect(snapshot()).toEqual(before);
  });
});

describe('templates', () => {
  it('GET /sms_template/ and /email_template/ list the organization’s templates by name, paged', async () => {
    const add = (table: string, name: string, extra: Record<string, string>) => {
      const cols = Object.keys(extra);
      api.db.prepare(`INSERT INTO ${table} (id, organization_id, name, ${cols.join(', ')}, date_created_ms) VALUES (?, ?, ?, ${cols.map(() => '?').join(', ')}, ?)`)
        .run(newId('tmpl'), api.organizationId, name, ...Object.values(extra), nowMs);
    };
    add('sms_templates', 'Thanks', { text: 'Thanks!' });
    add('sms_templates', 'Call me', { text: 'Call me back' });
    add('email_templates', 'Follow-up', { subject: 'Hello', body: 'Hi there' });
    const sms = (await (await api.fetch('/sms_template/')).json()) as { data: Json[]; has_more: boolean };
    expect(sms.data.map((t) => [t.name, t.text])).toEqual([['Call me', 'Call me back'], ['Thanks', 'Thanks!']]);
    expect(sms.has_more).toBe(false);
    const paged = (await (await api.fetch('/sms_template/?_limit=1')).json()) as { data: Json[]; has_more: boolean };
    expect(paged.data).toHaveLength(1);
    expect(paged.has_more).toBe(true);
    const email = (await (await api.fetch('/email_template/')).json()) as { data: Json[] };
    expect(email.data).toMatchObject([{ name: 'Follow-up', subject: 'Hello', body: 'Hi there', is_archived: false }]);
    expect(await (await api.fetch('/email_template/', { key: api.users.other.key })).json()).toEqual({ data: [], has_more: false });
  });
});

describe('methods', () => {
  it('answers 405 for methods it does not implement on these paths', async () => {
    expect((await api.fetch(`/activity/sms/x/`, { method: 'DELETE' })).status).toBe(405);
    expect((await api.fetch('/sms_template/', { method: 'POST', body: '{}' })).status).toBe(405);
  });
});
