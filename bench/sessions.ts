/**
 * Signed-in people (issue 14): a team of reps, each signed in with their own key
 * (`POST /auth/session`, the cookie kept), polling their own inbox through the proxy; then what a
 * session costs the proxy, once with the session store in SQLite (DATA_DIR) and once in a
 * throwaway PostgreSQL (DATABASE_URL), the way several instances would share it.
 *
 * - polling: every person asks for their inbox once per `intervalMs` (spread evenly over the
 *   interval, never two of their own requests at once), for `pollSeconds`: p50/p99 and errors;
 * - crossed answers: each person's /me/ and every task of their inbox must be their own;
 * - lookup: the same inbox page for the same user on one connection, without a session (the
 *   default key acts) and with one: the difference of the medians is the session's cost;
 * - throughput: several connections, each request carrying the next person's cookie, next to the
 *   same rotation straight to the embedded API with the people's keys (what the upstream alone
 *   manages) and the limit server (the same bytes, precomputed) in the same minute.
 * Times are reported, never asserted (docs/decisions/0005-benchmark-method.md).
 */
import crypto from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPostgresSessionStore } from '../src/server/auth/postgres-session-store';
import type { SessionStore } from '../src/server/auth/session-store';
import { openSqliteSessionStore } from '../src/server/auth/sqlite-session-store';
import { startThrowawayPostgres } from '../src/server/testing/throwaway-postgres';
import { type LoadSettings, type LoadTarget, fetchOnce, measureTargets } from './api-load';
import { TSX, childEnv, makeTempDir, removeTempDir, startChild } from './processes';
import type { LatencyFigures, PollFigures, SessionStoreResult, SessionsResult, Skipped } from './results-schema';
import { round, summarize } from './stats';
import { DEMO_API_KEY, startTriageServer } from './triage-server';

export type SessionsPlan = {
  people: number;
  pollSeconds: number;
  /** How often each person asks: 1 s is 30 times the app's own poll (TASK_POLL_MS, 30 s). */
  pollIntervalMs: number;
  load: LoadSettings;
  rounds: number;
  /** findSession calls timed on the store alone. */
  storeLookups: number;
};

export function sessionsPlan(quick: boolean): SessionsPlan {
  return quick
    ? {
        people: 20,
        pollSeconds: 5,
        pollIntervalMs: 1000,
        load: { warmupSeconds: 0.5, latencySeconds: 0.7, latencyMaxRequests: 2_000, loadSeconds: 1, loadMaxRequests: 50_000, connections: 10 },
        rounds: 1,
        storeLookups: 1_000,
      }
    : {
        people: 200,
        pollSeconds: 60,
        pollIntervalMs: 1000,
        load: { warmupSeconds: 1, latencySeconds: 4, latencyMaxRequests: 10_000, loadSeconds: 6, loadMaxRequests: 300_000, connections: 10 },
        rounds: 2,
        storeLookups: 10_000,
      };
}

/** The people's inboxes are in UTC (seed-users.ts gives them that zone). */
const TZ_OFFSET = '0';
const INBOX_QUERY = 'view=inbox&_type=all&_order_by=date&_limit=100';
const SEED_CLI = join('src', 'server', 'db', 'seed-cli.ts');

type Person = { key: string; id: string; cookie: string; inboxPath: string };
type Log = (line: string) => void;

function basicAuth(key: string): string {
  return `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
}

function inboxPath(userId: string): string {
  return `/api/v1/task/?${INBOX_QUERY}&assigned_to=${encodeURIComponent(userId)}`;
}

async function seedPeople(dataDir: string, people: number): Promise<void> {
  const child = startChild(`seed ${people} users`, TSX, [SEED_CLI, '--users', String(people)], childEnv({ DATA_DIR: dataDir }));
  const code = await child.exited(120_000);
  if (code !== 0) throw new Error(`seeding ${people} users failed (exit ${code}):\n${child.output().slice(-3000)}`);
}

/** `POST /auth/session` with the key, as the sign-in page sends it; returns the cookie and the user's id. */
async function signIn(appUrl: string, key: string): Promise<{ id: string; cookie: string }> {
  const response = await fetch(`${appUrl}/auth/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: appUrl },
    body: JSON.stringify({ api_key: key }),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`sign-in with ${key} answered ${response.status}: ${text.slice(0, 200)}`);
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('triage_session='));
  if (!cookie) throw new Error(`sign-in with ${key} set no triage_session cookie`);
  return { id: (JSON.parse(text) as { user: { id: string } }).user.id, cookie };
}

/** Runs `work` over `items` with at most `concurrency` at a time. */
async function inPool<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index]!, index);
      }
    }),
  );
}

async function signInEveryone(appUrl: string, keys: string[]): Promise<{ people: Person[]; times: number[]; errors: number }> {
  const people: Person[] = [];
  const times: number[] = [];
  let errors = 0;
  await inPool(keys, 10, async (key) => {
    const started = performance.now();
    try {
      const { id, cookie } = await signIn(appUrl, key);
      times.push(performance.now() - started);
      people.push({ key, id, cookie, inboxPath: inboxPath(id) });
    } catch {
      errors++;
    }
  });
  return { people, times, errors };
}

/** Whether an answer is the asker's own: their /me/, or tasks all assigned to them. */
async function ownAnswer(response: Response, person: Person, kind: 'me' | 'inbox'): Promise<boolean> {
  const body = (await response.json()) as { id?: string; data?: { assigned_to?: string | null }[] };
  return kind === 'me' ? body.id === person.id : Array.isArray(body.data) && body.data.every((t) => t.assigned_to === person.id);
}

async function countCrossedMe(appUrl: string, people: Person[]): Promise<number> {
  let crossed = 0;
  await inPool(people, 10, async (person) => {
    const response = await fetch(`${appUrl}/api/v1/me/`, { headers: { cookie: person.cookie }, signal: AbortSignal.timeout(30_000) });
    if (response.status !== 200 || !(await ownAnswer(response, person, 'me'))) crossed++;
  });
  return crossed;
}

/** Everyone polls their own inbox on their own schedule until the time is up. */
async function poll(appUrl: string, people: Person[], seconds: number, intervalMs: number): Promise<{ figures: PollFigures; crossed: number }> {
  const times: number[] = [];
  const errorKinds: Record<string, number> = {};
  const failed = (kind: string) => (errorKinds[kind] = (errorKinds[kind] ?? 0) + 1);
  let crossed = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    people.map(async (person, i) => {
      // Spread evenly over the interval, as people who opened the app at different moments are.
      let due = start + (i * intervalMs) / people.length;
      while (due < end) {
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const sent = performance.now();
        try {
          const response = await fetch(appUrl + person.inboxPath, {
            headers: { cookie: person.cookie, 'x-tz-offset': TZ_OFFSET },
            signal: AbortSignal.timeout(30_000),
          });
          if (response.status !== 200) {
            failed(String(response.status));
            await response.arrayBuffer();
          } else {
            const own = await ownAnswer(response, person, 'inbox');
            times.push(performance.now() - sent);
            if (!own) crossed++;
          }
        } catch (error) {
          failed(error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'network');
        }
        due += intervalMs;
      }
    }),
  );
  const s = summarize(times);
  const errors = Object.values(errorKinds).reduce((sum, n) => sum + n, 0);
  return {
    figures: { people: people.length, seconds, intervalMs, requests: s.count, p50: round(s.p50), p99: round(s.p99), errors, errorKinds },
    crossed,
  };
}

/**
 * The store's own read of a session's row, without HTTP or the proxy: rows like the server's (a
 * sealed credential of the same size) for every person, then `findSession(id, { fresh: true })`
 * one after another, round-robin.
 */
async function timeStoreLookups(open: () => Promise<SessionStore>, people: number, lookups: number): Promise<LatencyFigures> {
  const store = await open();
  try {
    const now = Date.now();
    const ids = Array.from({ length: people }, () => crypto.randomBytes(32).toString('hex'));
    for (const [i, id] of ids.entries()) {
      await store.createSession({
        id,
        user: { id: `user_bench_${i}`, email: `user-${i}@demo.triage.test`, first_name: 'Bench', last_name: String(i) },
        credentialKind: 'api_key',
        credential: crypto.randomBytes(60).toString('base64url'),
        accessExpiresAt: null,
        createdAt: now,
        lastSeenAt: now,
      });
    }
    const times: number[] = [];
    for (let i = 0; i < lookups; i++) {
      const started = performance.now();
      // The row itself, as a session's first request reads it; the server answers the rest from memory.
      if (!(await store.findSession(ids[i % ids.length]!, { fresh: true }))) throw new Error('the store lost a session it had just created');
      times.push(performance.now() - started);
    }
    const s = summarize(times);
    return { requests: s.count, p50: round(s.p50), p99: round(s.p99), mean: round(s.mean) };
  } finally {
    await store.close();
  }
}

async function measureStore(
  store: 'sqlite' | 'postgres',
  dataDir: string,
  databaseUrl: string,
  plan: SessionsPlan,
  keys: string[],
  log: Log,
): Promise<SessionStoreResult> {
  // STATIC_DIR empty: the API only; DATABASE_URL empty means "unset" (the SQLite store in DATA_DIR).
  const server = await startTriageServer(dataDir, null, { DATABASE_URL: databaseUrl, STATIC_DIR: '' });
  const work = makeTempDir('triage-bench-sessions-');
  try {
    const appUrl = server.appUrl;
    const signedIn = await signInEveryone(appUrl, keys);
    const signInTimes = summarize(signedIn.times);
    log(`sessions (${store}): ${signedIn.people.length} people signed in, p50 ${round(signInTimes.p50)} ms, p99 ${round(signInTimes.p99)} ms${signedIn.errors ? `, ${signedIn.errors} errors` : ''}`);
    if (signedIn.people.length === 0) throw new Error('nobody could sign in');
    const people = signedIn.people;
    let crossed = await countCrossedMe(appUrl, people);

    log(`sessions (${store}): ${people.length} people polling every ${plan.pollIntervalMs} ms for ${plan.pollSeconds} s …`);
    const polled = await poll(appUrl, people, plan.pollSeconds, plan.pollIntervalMs);
    crossed += polled.crossed + (await countCrossedMe(appUrl, people));
    const p = polled.figures;
    log(`sessions (${store}): ${p.requests} polls, p50 ${p.p50} ms, p99 ${p.p99} ms, ${p.errors} errors, ${crossed} crossed answers`);

    // The default user (the demo manager) with and without a session: the same page, the same
    // upstream key, so the difference is the session alone.
    const manager = await signIn(appUrl, DEMO_API_KEY);
    const managerInbox = inboxPath(manager.id);
    const bodyFile = join(work, 'body.json');
    const first = people[0]!;
    writeFileSync(bodyFile, await fetchOnce({ target: 'proxy', origin: appUrl, path: first.inboxPath, headers: { cookie: first.cookie, 'x-tz-offset': TZ_OFFSET } }));
    const limitServer = startChild('limit server', TSX, ['bench/limit-server.ts', bodyFile], childEnv({}));
    try {
      const [, limitUrl] = await limitServer.waitFor(/limit server on (http:\/\/127\.0\.0\.1:\d+)/, 30_000);
      const targets: LoadTarget[] = [
        { target: 'proxy', origin: appUrl, path: managerInbox, headers: { 'x-tz-offset': TZ_OFFSET } },
        { target: 'proxy', origin: appUrl, path: managerInbox, headers: { cookie: manager.cookie, 'x-tz-offset': TZ_OFFSET } },
        {
          target: 'proxy',
          origin: appUrl,
          path: first.inboxPath,
          headers: { cookie: first.cookie, 'x-tz-offset': TZ_OFFSET },
          rotate: people.map((person) => ({ path: person.inboxPath, headers: { cookie: person.cookie, 'x-tz-offset': TZ_OFFSET } })),
        },
        {
          target: 'direct',
          origin: server.apiUrl,
          path: first.inboxPath,
          headers: { authorization: basicAuth(first.key), 'x-tz-offset': TZ_OFFSET },
          rotate: people.map((person) => ({ path: person.inboxPath, headers: { authorization: basicAuth(person.key), 'x-tz-offset': TZ_OFFSET } })),
        },
        { target: 'limit', origin: limitUrl!, path: '/', headers: {} },
      ];
      const [without, withSession, rotating, direct, limit] = await measureTargets(targets, plan.load, plan.rounds);
      const storeLookup = await timeStoreLookups(
        store === 'sqlite' ? async () => openSqliteSessionStore(join(work, 'sessions.db')) : () => openPostgresSessionStore(databaseUrl),
        people.length,
        plan.storeLookups,
      );
      const result: SessionStoreResult = {
        store,
        signIn: { people: people.length, p50: round(signInTimes.p50), p99: round(signInTimes.p99), errors: signedIn.errors },
        polling: p,
        crossedAnswers: crossed,
        lookup: { withoutSession: without!.latency, withSession: withSession!.latency, costP50Ms: round(withSession!.latency.p50 - without!.latency.p50) },
        storeLookup,
        throughput: { withSessions: rotating!.load, withoutSession: without!.load, direct: direct!.load, limit: limit!.load, errors: rotating!.errors + without!.errors + withSession!.errors },
      };
      log(
        `sessions (${store}): session lookup ${result.lookup.costP50Ms} ms per request (p50 ${withSession!.latency.p50} vs ${without!.latency.p50} ms); ` +
          `${rotating!.load.rps} req/s with sessions, ${direct!.load.rps} direct, limit ${limit!.load.rps} req/s; ` +
          `the store alone: findSession p50 ${storeLookup.p50} ms, p99 ${storeLookup.p99} ms`,
      );
      return result;
    } finally {
      await limitServer.stop();
    }
  } finally {
    await server.stop();
    removeTempDir(work);
  }
}

/** Seeds `people` reps, then measures with the SQLite store and with a throwaway PostgreSQL. */
export async function measureSessions(opts: { plan: SessionsPlan; deadlineMs: number; log: Log }): Promise<SessionsResult> {
  const { plan, log } = opts;
  const dataDir = makeTempDir('triage-bench-sessions-data-');
  const stores: SessionsResult['stores'] = [];
  try {
    log(`\nsessions: seeding ${plan.people} people …`);
    await seedPeople(dataDir, plan.people);
    const keys = Array.from({ length: plan.people }, (_, i) => `demo-key-user-${i + 1}`);
    stores.push(await measureStore('sqlite', dataDir, '', plan, keys, log));

    if (Date.now() > opts.deadlineMs) {
      stores.push({ store: 'postgres', skipped: 'the run is out of time' });
    } else {
      let postgres: Awaited<ReturnType<typeof startThrowawayPostgres>> | null = null;
      try {
        postgres = await startThrowawayPostgres();
      } catch (error) {
        stores.push({ store: 'postgres', skipped: `no PostgreSQL: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}` });
      }
      if (postgres) {
        try {
          stores.push(await measureStore('postgres', dataDir, postgres.url, plan, keys, log));
        } finally {
          await postgres.stop();
        }
      }
    }
  } finally {
    removeTempDir(dataDir);
  }
  return { people: plan.people, request: `GET /api/v1/task/?${INBOX_QUERY}&assigned_to=<their id>`, stores };
}

export function isStoreSkipped(s: SessionsResult['stores'][number]): s is Skipped & { store: 'sqlite' | 'postgres' } {
  return 'skipped' in s;
}
