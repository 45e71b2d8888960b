/**
 * A tiny Outreach on a loopback port for the connector's tests: a few JSON:API tasks, users and
 * the API root, every request recorded, and faults on demand (a 429 with Outreach's rate-limit
 * headers, a 5xx, tokens that have expired). Its OAuth token endpoint (`POST /oauth/token`) hands
 * out `fresh-N` tokens for any refresh token, can hold its answers until the test lets them go,
 * and can refuse (a revoked grant).
 */
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = { status: number; headers?: Record<string, string>; body?: unknown };
export type SeenRequest = { method: string; path: string; query: URLSearchParams; authorization: string | undefined; contentType: string | undefined };

export interface FakeOutreach {
  baseUrl: string;
  seen: SeenRequest[];
  /** Answered, in order, instead of the next requests. */
  faults: Fault[];
  /** Bearer tokens Outreach takes; any other is a 401. */
  validTokens: Set<string>;
  /** Tasks by id, as JSON:API resources (attributes and relationships). */
  tasks: Map<number, { attributes: Record<string, unknown>; relationships: Record<string, { data: { type: string; id: number } | null }> }>;
  /** `PATCH /tasks/{id}` bodies as received. */
  patches: unknown[];
  /** `GET /taskPriorities` is a 403: the token lacks `taskPriorities.read`. */
  refusePriorities: boolean;
  /** `POST /oauth/token` forms as received. */
  tokenRequests: URLSearchParams[];
  /** The token endpoint answers 400 invalid_grant (the grant was revoked). */
  refuseRefresh: boolean;
  /** The token endpoint waits for `releaseTokens()` before answering. */
  holdTokens: boolean;
  releaseTokens(): void;
  tokenUrl: string;
  close(): Promise<void>;
}

const PROSPECT = { type: 'prospect', id: 7, attributes: { name: 'Dana Scully', company: 'FBI', mobilePhones: ['+15551234567'] } };
const ACCOUNT = { type: 'account', id: 3, attributes: { name: 'FBI' } };
const USERS = [
  { type: 'user', id: 1, attributes: { email: 'alex@example.com', firstName: 'Alex', lastName: 'Morgan' } },
  { type: 'user', id: 2, attributes: { email: 'sam@example.com', firstName: 'Sam', lastName: 'Lee' } },
];

const rel = (type: string, id: number | null) => ({ data: id === null ? null : { type, id } });
/** The organization's priorities, ids out of weight order: the heaviest is found by weight, not id. */
export const FAKE_PRIORITIES = { low: 5, high: 6, medium: 7 } as const;
const PRIORITIES = [
  { type: 'taskPriority', id: FAKE_PRIORITIES.low, attributes: { name: 'Low', weight: 10 } },
  { type: 'taskPriority', id: FAKE_PRIORITIES.high, attributes: { name: 'High', weight: 30 } },
  { type: 'taskPriority', id: FAKE_PRIORITIES.medium, attributes: { name: 'Medium', weight: 20 } },
];
const SEQUENCE = { type: 'sequence', id: 21, attributes: { name: 'Enterprise outbound' } };
const SEQUENCE_STEP = { type: 'sequenceStep', id: 12, attributes: { order: 2 }, relationships: { sequence: rel('sequence', 21) } };

export function outreachTask(
  id: number,
  action: string,
  dueAt: string,
  extra: { state?: string; sequence?: boolean; note?: string | null; owner?: number; priority?: number | null } = {},
) {
  return {
    attributes: { action, dueAt, state: extra.state ?? 'incomplete', note: extra.note ?? null, createdAt: '2026-03-01T10:00:00.000Z', updatedAt: '2026-03-01T10:00:00.000Z' },
    relationships: {
      owner: rel('user', extra.owner ?? 1),
      prospect: rel('prospect', 7),
      account: rel('account', 3),
      sequenceState: rel('sequenceState', extra.sequence ? 11 : null),
      sequence: rel('sequence', extra.sequence ? 21 : null),
      sequenceStep: rel('sequenceStep', extra.sequence ? 12 : null),
      taskPriority: rel('taskPriority', extra.priority ?? null),
    },
  };
}

export async function startFakeOutreach(): Promise<FakeOutreach> {
  const fake = {
    seen: [] as SeenRequest[],
    faults: [] as Fault[],
    validTokens: new Set(['good-token']),
    tasks: new Map(),
    patches: [] as unknown[],
    refusePriorities: false,
    tokenRequests: [] as URLSearchParams[],
    refuseRefresh: false,
    holdTokens: false,
  } as unknown as FakeOutreach;
  let held: Array<() => void> = [];
  fake.releaseTokens = () => {
    fake.holdTokens = false;
    for (const go of held.splice(0)) go();
  };
  let issued = 0;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (url.pathname === '/oauth/token' && req.method === 'POST') {
      let text = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (text += chunk));
      req.on('end', () => {
        const form = new URLSearchParams(text);
        fake.tokenRequests.push(form);
        const answer = () => {
          res.setHeader('content-type', 'application/json');
          if (fake.refuseRefresh) return res.writeHead(400).end(JSON.stringify({ error: 'invalid_grant' }));
          const token = `fresh-${++issued}`;
          fake.validTokens.add(token);
          res.writeHead(200).end(JSON.stringify({ access_token: token, refresh_token: `refresh-${issued}`, expires_in: 7200, token_type: 'bearer' }));
        };
        if (fake.holdTokens) held.push(answer);
        else answer();
      });
      return;
    }
    const authorization = req.headers.authorization;
    fake.seen.push({ method: req.method ?? '', path: url.pathname, query: url.searchParams, authorization, contentType: req.headers['content-type'] });
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      res.writeHead(status, { 'content-type': 'application/vnd.api+json', ...headers }).end(JSON.stringify(body));
    req.resume();
    const fault = fake.faults.shift();
    if (fault) return send(fault.status, fault.body ?? { errors: [{ id: 'fault', title: 'Fault', detail: `Injected ${fault.status}.` }] }, fault.headers);
    if (!authorization?.startsWith('Bearer ') || !fake.validTokens.has(authorization.slice(7))) {
      return send(401, { errors: [{ id: 'unauthorized', title: 'Unauthorized', detail: 'The token has expired.' }] });
    }
    const resource = (id: number) => ({ type: 'task', id, ...fake.tasks.get(id)! });
    const path = url.pathname.replace(/^\/api\/v2/, '');
    if (path === '' || path === '/') return send(200, { meta: { user: { id: 1, email: 'alex@example.com', firstName: 'Alex', lastName: 'Morgan' } } });
    if (path === '/users') return send(200, { data: USERS, links: {} });
    if (path === '/taskPriorities' && fake.refusePriorities) {
      return send(403, { errors: [{ id: 'unauthorizedOauthScope', title: 'Unauthorized OAuth Scope', detail: "Your authorization does not include the required scope 'taskPriorities.read'." }] });
    }
    if (path === '/taskPriorities') return send(200, { data: PRIORITIES, links: {} });
    if (path === '/tasks') {
      const size = Number(url.searchParams.get('page[size]') ?? 50);
      const after = Number(url.searchParams.get('page[after]') ?? 0);
      const ids = [...fake.tasks.keys()].sort((a, b) => a - b).filter((id) => id > after);
      const page = ids.slice(0, size);
      const next = ids.length > size ? new URL(url.href.replace('http://fake', `http://127.0.0.1:${(server.address() as AddressInfo).port}`)) : null;
      next?.searchParams.set('page[after]', String(page.at(-1)));
      return send(200, { data: page.map(resource), included: [PROSPECT, ACCOUNT, SEQUENCE, SEQUENCE_STEP], links: next ? { next: next.href } : {} });
    }
    const task = /^\/tasks\/(\d+)$/.exec(path);
    if (task && req.method === 'PATCH' && fake.tasks.has(Number(task[1]))) {
      let text = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (text += chunk));
      req.on('end', () => {
        const body = JSON.parse(text) as { data: { relationships?: Record<string, { data: { type: string; id: number } | null }> } };
        fake.patches.push(body);
        Object.assign(fake.tasks.get(Number(task[1]))!.relationships, body.data.relationships ?? {});
        send(200, { data: resource(Number(task[1])) });
      });
      return;
    }
    if (task && fake.tasks.has(Number(task[1]))) return send(200, { data: resource(Number(task[1])), included: [PROSPECT, ACCOUNT, SEQUENCE, SEQUENCE_STEP] });
    const action = /^\/tasks\/(\d+)\/actions\/(\w+)$/.exec(path);
    if (action && req.method === 'POST' && fake.tasks.has(Number(action[1]))) {
      const t = fake.tasks.get(Number(action[1]))!;
      if (action[2] === 'markComplete') t.attributes.state = 'complete';
      if (action[2] === 'reschedule') t.attributes.dueAt = url.searchParams.get('actionParams[dueAt]');
      if (action[2] === 'updateNote') t.attributes.note = url.searchParams.get('actionParams[note]');
      if (action[2] === 'reassignOwner') t.relationships.owner = rel('user', Number(url.searchParams.get('actionParams[ownerId]')));
      return send(200, { data: resource(Number(action[1])) });
    }
    return send(404, { errors: [{ id: 'resourceNotFound', title: 'Not Found', detail: `No ${path}.` }] });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2`;
  fake.tokenUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oauth/token`;
  fake.close = () => {
    fake.releaseTokens();
    held = [];
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return fake;
}
