/**
 * ADR 0009's copies when the upstream can say nothing has changed (the embedded API's data
 * version): a copy the upstream confirmed is answered without asking again, and any write, by
 * anyone, through the proxy or not, sends the very next read upstream. Real SQLite, real HTTP;
 * a pass-through in front of the API counts what reaches it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { type TestApi, startTestCloseApi } from '../close-api/testing/test-close-api';
import { copyKeyOf } from '../auth/upstream-credential';
import { type EmbeddedDataVersion, openEmbeddedDataVersion } from '../embedded/embedded-data-version';
import { basicAuthorization } from './forward-request';
import { type TestApp, startTestApp } from '../testing/start-test-app';

let api: TestApi;
let counter: http.Server;
let proxy: TestApp;
let changes: EmbeddedDataVersion;
let reachedUpstream = 0;

/** The API behind a pass-through that counts the requests reaching it. */
async function start(options: { holds: boolean }) {
  api = await startTestCloseApi();
  const target = new URL(api.origin);
  const agent = new http.Agent({ keepAlive: true });
  counter = http.createServer((req, res) => {
    reachedUpstream++;
    const out = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers, agent }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(out);
  });
  await new Promise<void>((resolve) => counter.listen(0, '127.0.0.1', resolve));
  changes = openEmbeddedDataVersion(api.db.name);
  // The rep, or the manager for a request that says so: two people reading the same URLs.
  const as = (key: string) => ({ authorization: basicAuthorization(key), copyKey: copyKeyOf(basicAuthorization(key)), sessionId: null });
  const rep = as(api.users.rep.key);
  const manager = as(api.users.manager.key);
  proxy = await startTestApp({
    credentials: { resolve: (c) => (c.req.header('x-test-as') === 'manager' ? manager : rep), refused: async () => {} },
    mode: 'embedded',
    upstream: {
      baseUrl: `http://127.0.0.1:${(counter.address() as AddressInfo).port}/api/v1`,
      apiKey: api.users.rep.key,
      // Held for an hour, or not at all (the clock has turned the answer over).
      changes: { version: changes.version, holdsUntil: (sentAt) => (options.holds ? sentAt + 3_600_000 : sentAt) },
    },
  });
}
afterEach(async () => {
  await proxy?.close();
  counter?.closeAllConnections();
  await new Promise((resolve) => counter?.close(resolve));
  changes?.close();
  await api?.close();
  reachedUpstream = 0;
});

const INBOX = '/api/v1/task/?_type=all&_order_by=date';
type Tasks = { data: Array<{ id: string; text: string; is_complete: boolean }> };

async function readInbox(as: 'rep' | 'manager' = 'rep'): Promise<Tasks> {
  const res = await fetch(`${proxy.url}${INBOX}`, { headers: { 'x-tz-offset': '0', 'x-test-as': as } });
  expect(res.status).toBe(200);
  return (await res.json()) as Tasks;
}

it('answers a confirmed copy without asking again until the database changes, by any writer', async () => {
  await start({ holds: true });
  const first = api.addTask({ date: '2024-03-01', text: 'first' });
  expect((await readInbox()).data.map((t) => t.id)).toEqual([first]);
  expect(reachedUpstream).toBe(1);
  expect((await readInbox()).data.map((t) => t.id)).toEqual([first]);
  expect((await readInbox()).data.map((t) => t.id)).toEqual([first]);
  expect(reachedUpstream).toBe(1);

  // Straight into the database, not through the API or the proxy: still seen by the next read.
  const second = api.addTask({ date: '2024-03-02', text: 'second' });
  expect((await readInbox()).data.map((t) => t.id)).toEqual([first, second]);
  expect(reachedUpstream).toBe(2);
  expect((await readInbox()).data.map((t) => t.id)).toEqual([first, second]);
  expect(reachedUpstream).toBe(2);

  // Through the proxy.
  const put = await fetch(`${proxy.url}/api/v1/task/${first}/`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"is_complete":true}' });
  expect(put.status).toBe(200);
  expect((await readInbox()).data.find((t) => t.id === first)?.is_complete).toBe(true);
  expect(reachedUpstream).toBe(4);
});

it('asks the upstream about every read once the clock alone may have changed the answer', async () => {
  await start({ holds: false });
  api.addTask({ date: '2024-03-01' });
  for (let i = 1; i <= 3; i++) {
    await readInbox();
    expect(reachedUpstream).toBe(i);
  }
});

it('never answers one person from a copy another fetched, and a key revoked in the database stops at once', async () => {
  await start({ holds: true });
  api.addTask({ date: '2024-03-01', assignedTo: api.users.rep.id });
  await readInbox();
  await readInbox();
  expect(reachedUpstream).toBe(1);
  // The same URL as another person is that person's own first read, then their own copy.
  await readInbox('manager');
  expect(reachedUpstream).toBe(2);
  await readInbox('manager');
  await readInbox();
  expect(reachedUpstream).toBe(2);
  api.db.prepare('UPDATE users SET api_key = ? WHERE id = ?').run('key-rep-replaced', api.users.rep.id);
  const revoked = await fetch(`${proxy.url}${INBOX}`, { headers: { 'x-tz-offset': '0' } });
  expect(revoked.status).toBe(401);
  await revoked.arrayBuffer();
});
