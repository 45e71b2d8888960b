/**
 * Outreach behind the contract (BACKEND=outreach, and BACKEND=outreach-demo against the embedded
 * stand-in): the browser's Close-shaped requests under `/api/v1` are answered from Outreach's
 * JSON:API, each as the person whose session made it (their OAuth token, sent as Bearer).
 *
 *   GET /me/, GET /user/, GET /user/{id}/        the person, and everyone (Outreach users)
 *   GET /task/ (view, types, assignee, ids, order, page, fields), GET /task/{id}/
 *   PUT /task/{id}/                              reassign, reschedule, note, priority, complete (outreach-writes.ts)
 *   PUT /task/ with `_params.id__in`             the same change on each named task
 *
 * Anything else the contract has and Outreach does not (creating and deleting tasks, activities,
 * leads) answers 404/405 with a reason, and the capabilities say so up front.
 */
import type { Context } from 'hono';
import { parseTzOffset, TZ_OFFSET_ERROR } from '@/shared/close/dates';
import { BulkUpdateTaskBodySchema, UpdateTaskBodySchema, fieldErrorsFrom } from '@/shared/close/schemas';
import { parseTaskFilters, parseTaskListQuery } from '@/shared/close/task-filters';
import type { AppEnv } from '../../app-env';
import { AuthCallFailure, bearerAuthorization, type OAuthClientSettings } from '../../auth/upstream-auth-calls';
import { OAUTH_CALLBACK_PATH } from '../../auth/oauth-paths';
import { type CredentialRefusal, type CredentialResolver, SIGN_IN_EXPIRED, type UpstreamCredential, isRefusal } from '../../auth/upstream-credential';
import { API_SECURITY_HEADERS } from '../../security-headers';
import type { Connector, ContractHandler, ContractHandlerDeps } from '../connector';
import { OUTREACH_CAPABILITIES } from './outreach-capabilities';
import { type OutreachAuth, OutreachFailure, createOutreachClient } from './outreach-client';
import { OUTREACH_ORGANIZATION_ID, createOutreachReads, whoIsOnOutreach } from './outreach-reads';
import { organizationOf } from './outreach-organization';
import { ContractFieldError, createOutreachWrites } from './outreach-writes';

const API_PREFIX = '/api/v1';

/**
 * What a Triage sign-in asks Outreach for: tasks to read and change, the people and companies they
 * name, the sequences and steps they belong to, and the priorities they carry.
 */
export const OUTREACH_SCOPES = 'tasks.read tasks.write users.read prospects.read accounts.read sequences.read sequenceSteps.read taskPriorities.read';
const MAX_BODY_BYTES = 1024 * 1024;

export interface OutreachConnectorOptions {
  /** e.g. https://api.outreach.io/api/v2, or the stand-in's. */
  baseUrl: string;
  /** Outreach's OAuth client; null: tokens come from elsewhere (the stand-in's demo token). */
  oauth: OAuthClientSettings | null;
  /**
   * A new credential for one Outreach refused (its access token expired early): asked at most
   * once per request. Absent: the session machinery's forced refresh (`credentials.renew`).
   */
  refreshCredential?: (credential: UpstreamCredential) => Promise<UpstreamCredential | null>;
  now?: () => number;
}

class ContractAnswer {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

const notFound = (what: string) => new ContractAnswer(404, { error: `Not found: ${what} is not something Outreach has.` });

export function createOutreachConnector(options: OutreachConnectorOptions): Connector {
  const now = options.now ?? Date.now;
  return {
    name: 'outreach',
    capabilities: OUTREACH_CAPABILITIES,
    signIn: {
      provider: 'Outreach',
      apiKey: false,
      help: {
        apiKey: null,
        oauth:
          "Outreach has no API keys: you sign in on Outreach's own page, which asks you to let Triage read and change your tasks and read the users, prospects and accounts they name. If it says the app is not allowed, an Outreach admin has to approve Triage for your organization.",
      },
      callbackPath: OAUTH_CALLBACK_PATH,
      oauth: options.oauth,
      authorizationOf: (credential) => bearerAuthorization('accessToken' in credential ? credential.accessToken : credential.apiKey),
      whoIs: async (authorization, timeoutMs) => {
        try {
          return await whoIsOnOutreach(createOutreachClient({ baseUrl: options.baseUrl, timeoutMs }), { authorization, refresh: null });
        } catch (error) {
          if (!(error instanceof OutreachFailure)) throw error;
          throw new AuthCallFailure(error.status === 401 ? 'refused' : error.status === 504 ? 'timeout' : 'bad-answer', error.message);
        }
      },
    },
    organizationMemberIds: async (authorization, timeoutMs) => {
      try {
        const reads = createOutreachReads(createOutreachClient({ baseUrl: options.baseUrl, timeoutMs }), now);
        return (await reads.listMembers({ authorization, refresh: null }, authorization)).map((m) => m.user.id);
      } catch (error) {
        if (!(error instanceof OutreachFailure)) throw error;
        throw new AuthCallFailure(error.status === 401 ? 'refused' : error.status === 504 ? 'timeout' : 'bad-answer', error.message);
      }
    },
    contractHandler: (deps) => createOutreachHandler(options, deps, now),
  };
}

function createOutreachHandler(options: OutreachConnectorOptions, deps: ContractHandlerDeps, now: () => number): ContractHandler {
  const client = createOutreachClient({ baseUrl: options.baseUrl, timeoutMs: deps.timeoutMs });
  const reads = createOutreachReads(client, now);
  const writes = createOutreachWrites(client, reads);

  async function answer(c: Context<AppEnv>, target: string, credential: UpstreamCredential): Promise<ContractAnswer> {
    const url = new URL(target, 'http://contract');
    const path = url.pathname.slice(API_PREFIX.length).replace(/\/?$/, '/');
    const params = Object.fromEntries(url.searchParams);
    const method = c.req.method;
    const offsetHours = parseTzOffset(c.req.header('x-tz-offset'));
    if (offsetHours === null) return new ContractAnswer(400, { errors: [], 'field-errors': { 'x-tz-offset': TZ_OFFSET_ERROR } });
    let authorization = credential.authorization;
    const refresh = options.refreshCredential ?? (deps.credentials.renew ? renewWith(deps.credentials.renew) : undefined);
    let refreshed = false;
    const auth: OutreachAuth = {
      get authorization() {
        return authorization;
      },
      refresh: refresh
        ? async () => {
            if (refreshed) return null;
            refreshed = true;
            const renewed = await refresh(credential);
            if (renewed) authorization = renewed.authorization;
            return renewed?.authorization ?? null;
          }
        : null,
    };
    const person = credential.copyKey;
    const segments = path.split('/').filter(Boolean);
    const [resource, id] = segments;
    if (segments.length > 2) return notFound(path);

    if (resource === 'me' && !id && method === 'GET') {
      const me = await whoIsOnOutreach(client, auth);
      return new ContractAnswer(200, { ...me, organizations: [{ id: OUTREACH_ORGANIZATION_ID, name: 'Outreach' }], memberships: [] });
    }
    if (resource === 'user' && method === 'GET') {
      const users = await reads.listUsers(auth, person);
      if (id) {
        const user = users.find((u) => u.id === id);
        return user ? new ContractAnswer(200, user) : new ContractAnswer(404, { error: 'User not found.' });
      }
      const fieldErrors: Record<string, string> = {};
      const { page } = parseTaskListQuery(params, fieldErrors);
      if (fieldErrors._limit || fieldErrors._skip) return badRequest({ ...(fieldErrors._limit ? { _limit: fieldErrors._limit } : {}), ...(fieldErrors._skip ? { _skip: fieldErrors._skip } : {}) });
      return new ContractAnswer(200, { data: users.slice(page.skip, page.skip + page.limit), has_more: page.skip + page.limit < users.length });
    }
    if (resource === 'organization' && id === OUTREACH_ORGANIZATION_ID && method === 'GET') {
      return new ContractAnswer(200, organizationOf(await reads.listMembers(auth, person), params._expand));
    }
    if (resource !== 'task') return notFound(path);

    if (method === 'GET' && !id) {
      const fieldErrors: Record<string, string> = {};
      const query = parseTaskListQuery(params, fieldErrors);
      if (Object.keys(fieldErrors).length > 0) return badRequest(fieldErrors);
      const page = await reads.listTasks(query, offsetHours, auth, person);
      return new ContractAnswer(200, query.fields ? { ...page, data: page.data.map((t) => pick(t, query.fields!)) } : page);
    }
    if (method === 'GET' && id) return new ContractAnswer(200, (await reads.getTask(id, auth, person)).task);
    if (method === 'PUT' && id) {
      const parsed = UpdateTaskBodySchema.safeParse(await readJson(c));
      if (!parsed.success) return badRequest(fieldErrorsFrom(parsed.error));
      return new ContractAnswer(200, await writes.updateTask(id, parsed.data, offsetHours, auth, person));
    }
    if (method === 'PUT' && !id) {
      const parsed = BulkUpdateTaskBodySchema.safeParse(await readJson(c));
      if (!parsed.success) return badRequest(fieldErrorsFrom(parsed.error));
      const { _params, ...changes } = parsed.data;
      const fieldErrors: Record<string, string> = {};
      const filters = _params ? parseTaskFilters(Object.fromEntries(Object.entries(_params).map(([k, v]) => [k, String(v)])), fieldErrors).filters : null;
      if (Object.keys(fieldErrors).length > 0) return badRequest(fieldErrors);
      if (!filters?.ids || Object.keys(params).length > 0) {
        return new ContractAnswer(400, { error: 'Outreach changes tasks one by one: name them in _params.id__in (a bulk change by filters is not available).' });
      }
      return new ContractAnswer(200, { updated: await writes.updateTasks(filters.ids, changes, offsetHours, auth, person) });
    }
    return new ContractAnswer(405, { error: `${method} ${API_PREFIX}${path} is not available with Outreach.` });
  }

  async function forward(c: Context<AppEnv>, target: string, given?: UpstreamCredential): Promise<Response> {
    let credential = given;
    if (!credential) {
      const resolved = await deps.credentials.resolve(c);
      if (isRefusal(resolved)) return respond(c, refusalAnswer(resolved));
      credential = resolved;
    }
    try {
      return respond(c, await answer(c, target, credential));
    } catch (error) {
      if (error instanceof ContractFieldError) return respond(c, badRequest({ [error.field]: error.message }));
      if (error instanceof BodyError) return respond(c, new ContractAnswer(error.status, { error: error.message }));
      if (!(error instanceof OutreachFailure)) throw error;
      if (error.signInAgain && credential.sessionId) {
        await deps.credentials.refused(credential);
        return respond(c, refusalAnswer(SIGN_IN_EXPIRED));
      }
      if (error.status >= 500) deps.logger.warn('Outreach request failed', { requestId: c.get('requestId'), path: target.split('?')[0], reason: error.message });
      return respond(c, new ContractAnswer(error.status, { error: error.message }, error.headers));
    }
  }

  const handler = (c: Context<AppEnv>): Promise<Response> => forward(c, c.env.incoming.url ?? '/');
  return Object.assign(handler, { forward });
}

/**
 * The session machinery's forced refresh (auth/resolve-credential.ts) as the connector asks for
 * it: a new credential, or null when there is none to be had (the session has ended); a refresh
 * that could not reach Outreach's token endpoint is a 502/504 and the session stays.
 */
function renewWith(renew: NonNullable<CredentialResolver['renew']>) {
  return async (credential: UpstreamCredential): Promise<UpstreamCredential | null> => {
    const renewed = await renew(credential);
    if (!isRefusal(renewed)) return renewed;
    if (renewed.status === 401) return null;
    // The session machinery's words name Close's token endpoint; the browser hears Outreach's.
    throw new OutreachFailure(renewed.status, 'Your Outreach sign-in could not be renewed just now. Try again in a moment.');
  };
}

function refusalAnswer(refusal: CredentialRefusal): ContractAnswer {
  const body = refusal === SIGN_IN_EXPIRED ? { ...refusal.body, error: 'Your Outreach sign-in has expired or was revoked. Sign in again.' } : refusal.body;
  return new ContractAnswer(refusal.status, body);
}

function badRequest(fieldErrors: Record<string, string>): ContractAnswer {
  return new ContractAnswer(400, { errors: [], 'field-errors': fieldErrors });
}

function respond(c: Context<AppEnv>, answer: ContractAnswer): Response {
  const headers: Record<string, string> = { ...API_SECURITY_HEADERS, 'cache-control': 'no-store', 'content-type': 'application/json', ...answer.headers };
  if (c.get('requestId')) headers['x-request-id'] = c.get('requestId');
  return new Response(JSON.stringify(answer.body), { status: answer.status, headers });
}

function pick(task: Record<string, unknown>, fields: ReadonlySet<string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(task).filter(([key]) => fields.has(key)));
}

class BodyError extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
  }
}

async function readJson(c: Context<AppEnv>): Promise<unknown> {
  if (Number(c.req.header('content-length') ?? 0) > MAX_BODY_BYTES) throw new BodyError(413, `Request body is too large (limit ${MAX_BODY_BYTES} bytes).`);
  const text = await c.req.text();
  if (text.length > MAX_BODY_BYTES) throw new BodyError(413, `Request body is too large (limit ${MAX_BODY_BYTES} bytes).`);
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyError(400, 'The request body is not JSON.');
  }
}
