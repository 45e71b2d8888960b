/**
 * A message as an outbox record, end to end over real HTTP: the real outbox engine sends through
 * the app's API client to the real embedded Close API, behind a small loopback front that adds the
 * API key (as the proxy does) and can fail a request the ways networks and gateways do: refuse it
 * before it arrives (503), lose the answer after Close stored the message (504, or the connection
 * cut), or refuse it outright (422).
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Task } from '@/shared/close/schemas';
import { ApiError, setDefaultApiOrigin } from '@/lib/api-client';
import { Outbox, type OutboxRecord } from '@/lib/outbox/outbox';
import { memoryOutboxStorage } from '@/lib/outbox/outbox-storage';
// An integration test: the browser's code against the real embedded API, on purpose.
import { type TestApi, startTestCloseApi } from '@/server/close-api/testing/test-close-api';
import type { MessageDraft } from '../api/send-message';
import type { MessageSendPayload } from './message-send-ops';
import { type TaskChangePayload, sendTaskChange, taskIdsOf } from './task-change-ops';

const ORG_NUMBER = '+14155550100';
const CONTACT_PHONE = '+16503334444';
const SENDER = 'rita@example.test';

/** What the front does with the next request that `matches`: the rest go through untouched. */
type Fault = { matches: (method: string, path: string) => boolean; act: 'refuse-503' | 'lose-answer-504' | 'cut-after' | 'cut-before' | 'refuse-422' };

let api: TestApi;
let front: Server;
let faults: Fault[];
let seen: { method: string; path: string }[];

async function forward(req: IncomingMessage, body: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${api.origin}${req.url ?? '/'}`, {
    method: req.method ?? 'GET',
    headers: { authorization: `Basic ${Buffer.from('key-rep:').toString('base64')}`, 'content-type': 'application/json', accept: 'application/json' },
    ...(body ? { body } : {}),
  });
  return { status: res.status, text: await res.text() };
}

function handle(req: IncomingMessage, res: ServerResponse, body: string): void {
  const method = req.method ?? 'GET';
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  seen.push({ method, path });
  const i = faults.findIndex((f) => f.matches(method, path));
  const fault = i >= 0 ? faults.splice(i, 1)[0] : undefined;
  const json = (status: number, value: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
  if (fault?.act === 'refuse-503') return void json(503, { error: 'Service unavailable' });
  if (fault?.act === 'refuse-422') return void json(422, { errors: ['This number has opted out of texts.'], 'field-errors': {} });
  if (fault?.act === 'cut-before') return void res.socket?.destroy();
  void forward(req, body).then(({ status, text }) => {
    if (fault?.act === 'lose-answer-504') return json(504, { error: 'Gateway timeout' });
    if (fault?.act === 'cut-after') return void res.socket?.destroy();
    res.writeHead(status, { 'content-type': 'application/json' }).end(text);
  });
}

beforeEach(async () => {
  api = await startTestCloseApi();
  api.db.prepare('INSERT INTO organization_phone_numbers (organization_id, number, user_id) VALUES (?, ?, ?)').run(api.organizationId, ORG_NUMBER, api.users.rep.id);
  api.db.prepare('INSERT INTO email_senders (organization_id, email, name, user_id) VALUES (?, ?, ?, ?)').run(api.organizationId, SENDER, 'Rita Rep', api.users.rep.id);
  faults = [];
  seen = [];
  front = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => handle(req, res, body));
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
  setDefaultApiOrigin(() => origin);
});
afterEach(async () => {
  front.closeAllConnections();
  await new Promise<void>((resolve) => front.close(() => resolve()));
  await api.close();
});

const task = (): Task =>
  ({ id: 'task_1', _type: 'incoming_sms', lead_id: api.leadId, is_complete: false, date: '2026-11-23', date_created: '2026-11-23T10:00:00+00:00', date_updated: '2026-11-23T10:00:00+00:00', organization_id: api.organizationId }) as Task;

const sms = (text: string): MessageDraft => ({
  kind: 'sms',
  draft: { lead_id: api.leadId, contact_id: api.contactId, local_phone: ORG_NUMBER, remote_phone: CONTACT_PHONE, text },
});
const email = (body: string): MessageDraft => ({
  kind: 'email',
  draft: { lead_id: api.leadId, contact_id: api.contactId, sender: `"Rita Rep" <${SENDER}>`, to: ['dana@acme.example'], subject: 'Re: Pricing', body_text: body, in_reply_to_id: null },
});

let sends = 0;
function payloadOf(message: MessageDraft, markedAt = Date.now()): MessageSendPayload {
  return { kind: 'send', sendId: `send-${++sends}`, message, markedAt, task: task(), completeTask: false, what: 'SMS to Dana Buyer', timeZone: 'UTC' };
}

/** The real engine, retrying at once (random 0 halves the first 1 s backoff; tests wait for the outcome, not a time). */
function outbox(stored: OutboxRecord<TaskChangePayload>[] = []) {
  const storage = memoryOutboxStorage(stored);
  const box = new Outbox<TaskChangePayload>({ storage, execute: (record, context) => sendTaskChange(record, context), keysOf: taskIdsOf, random: () => 0 });
  return { box, storage };
}

const smsTexts = () => (api.db.prepare('SELECT text FROM sms_activities ORDER BY seq').pluck().all() as string[]);
const emailBodies = () => (api.db.prepare("SELECT body_text FROM email_activities WHERE direction = 'outgoing' ORDER BY seq").pluck().all() as string[]);
const posts = (kind: 'sms' | 'email') => seen.filter((s) => s.method === 'POST' && s.path === `/api/v1/activity/${kind}/`).length;
const lookups = (kind: 'sms' | 'email') => seen.filter((s) => s.method === 'GET' && s.path === `/api/v1/activity/${kind}/`).length;
const isPost = (kind: 'sms' | 'email') => (method: string, path: string) => method === 'POST' && path === `/api/v1/activity/${kind}/`;

describe('a message in the outbox', () => {
  it('a 503 (nothing stored) and then a 200: sent once, with no look-up', async () => {
    faults.push({ matches: isPost('sms'), act: 'refuse-503' });
    const { box, storage } = outbox();
    await box.start();
    const sent = (await box.enqueue(payloadOf(sms('On my way')), 'send the SMS to Dana Buyer').result) as { id: string; status: string };
    expect(sent.status).toBe('sent');
    expect(smsTexts()).toEqual(['On my way']);
    expect(posts('sms')).toBe(2);
    expect(lookups('sms')).toBe(0);
    expect(storage.records.size).toBe(0);
  });

  it('an answer lost after Close stored it (504): looked up by its mark, found, not sent again', async () => {
    faults.push({ matches: isPost('sms'), act: 'lose-answer-504' });
    const { box } = outbox();
    await box.start();
    const payload = payloadOf(sms('Lost answer'));
    const sent = (await box.enqueue(payload, 'send the SMS').result) as { id: string; date_created: string };
    expect(smsTexts()).toEqual(['Lost answer']);
    expect(posts('sms')).toBe(1);
    expect(lookups('sms')).toBe(1);
    expect(Date.parse(sent.date_created)).toBe(payload.markedAt);
  });

  it('a connection cut before the request arrived: the look-up finds nothing, so it is sent, once', async () => {
    faults.push({ matches: isPost('sms'), act: 'cut-before' });
    const { box } = outbox();
    await box.start();
    await box.enqueue(payloadOf(sms('Never arrived')), 'send the SMS').result;
    expect(smsTexts()).toEqual(['Never arrived']);
    expect(lookups('sms')).toBe(1);
    expect(posts('sms')).toBe(2);
  });

  it('the same words sent earlier are not taken for this message: only its own mark matches', async () => {
    const { box } = outbox();
    await box.start();
    await box.enqueue(payloadOf(sms('Same words'), Date.now() - 60_000), 'send the SMS').result;
    faults.push({ matches: isPost('sms'), act: 'cut-before' });
    await box.enqueue(payloadOf(sms('Same words')), 'send the SMS').result;
    expect(smsTexts()).toEqual(['Same words', 'Same words']);
  });

  it('an email whose connection was cut after Close stored it: found with GET /activity/email/, not sent again', async () => {
    faults.push({ matches: isPost('email'), act: 'cut-after' });
    const { box } = outbox();
    await box.start();
    await box.enqueue(payloadOf(email('Here it is.')), 'send the email').result;
    expect(emailBodies()).toEqual(['Here it is.']);
    expect(posts('email')).toBe(1);
    expect(lookups('email')).toBe(1);
  });

  it('a page closed mid-send left it "sending": the next page looks it up first and does not send it again', async () => {
    const payload = payloadOf(sms('Tab closed'));
    // What the closed page's attempt did: Close stored the message; its answer went with the page.
    const res = await api.fetch('/activity/sms/', { method: 'POST', body: JSON.stringify({ status: 'outbox', ...payload.message.draft, date_created: new Date(payload.markedAt).toISOString() }) });
    expect(res.status).toBe(200);
    const left: OutboxRecord<TaskChangePayload> = {
      id: 'rec-1', createdAt: payload.markedAt, seq: 1, payload, label: 'send the SMS', state: 'sending', attempts: 0, retryingSince: null,
      nextAttemptAt: null, reason: null, uncertain: false, pausedForSignIn: false, resumedAfterSignIn: false, progress: null,
    };
    const settled = new Promise<boolean>((resolve) => {
      const { box, storage } = outbox([left]);
      const stop = box.subscribe(() => {
        if (box.pendingRecords().length === 0 && storage.records.size === 0 && lookups('sms') > 0) {
          stop();
          resolve(true);
        }
      });
      void box.start();
    });
    expect(await settled).toBe(true);
    expect(smsTexts()).toEqual(['Tab closed']);
    expect(posts('sms')).toBe(0);
  });

  it('a refusal (422) rolls back with Close’s reason: nothing stored, nothing retried', async () => {
    faults.push({ matches: isPost('sms'), act: 'refuse-422' });
    const { box, storage } = outbox();
    await box.start();
    const error = await box.enqueue(payloadOf(sms('Opted out')), 'send the SMS').result.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(422);
    expect((error as ApiError).message).toBe('This number has opted out of texts.');
    expect(smsTexts()).toEqual([]);
    expect(posts('sms')).toBe(1);
    expect(storage.records.size).toBe(0);
  });

  it('the embedded API’s own 400 (a number that is not the lead’s) names the field and sends nothing', async () => {
    const { box } = outbox();
    await box.start();
    const message = sms('Wrong number');
    if (message.kind === 'sms') message.draft.remote_phone = '+16505550199';
    const error = await box.enqueue(payloadOf(message), 'send the SMS').result.then(() => null, (e: unknown) => e);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).message).toMatch(/remote_phone/);
    expect(smsTexts()).toEqual([]);
  });
});
