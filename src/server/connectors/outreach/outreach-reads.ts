/**
 * The contract's reads answered from Outreach: the signed-in person (`/me/`), the users, one task
 * and a page of tasks. Outreach pages with a cursor (`links.next`) where the contract pages with
 * `_skip`: the cursor that follows each page served is kept (per person and query), so reading
 * on page by page costs one Outreach call per page, as it does on Close.
 */
import type { SessionUser } from '../../auth/session-store';
import type { TaskListQuery } from '@/shared/close/task-filters';
import type { Task } from '@/shared/close/schemas';
import { type OutreachAuth, type OutreachClient, OutreachFailure } from './outreach-client';
import { dateRangeFilters } from './outreach-date-filters';
import {
  type OutreachDocument,
  type OutreachPriority,
  type OutreachResource,
  OutreachDocumentSchema,
  type UserNames,
  actionsOfTypes,
  contractTaskOf,
  highestPriorityOf,
  includedIndex,
  outreachSort,
  viewFilters,
} from './outreach-tasks';

/** One organization per Outreach token: its id in the contract. */
export const OUTREACH_ORGANIZATION_ID = 'outreach';
// The sequence and step name a sequence task's badge ("Step 2 · Enterprise outbound").
const INCLUDE = 'prospect,account,sequence,sequenceStep';
/** Outreach's largest page. */
const OUTREACH_MAX_PAGE = 1_000;
const CURSORS_KEPT = 5_000;
const NAMES_FOR_MS = 10 * 60_000;

export function parseDocument(body: unknown): OutreachDocument {
  const parsed = OutreachDocumentSchema.safeParse(body);
  if (!parsed.success) throw new OutreachFailure(502, 'Outreach sent an unexpected answer.');
  return parsed.data;
}

const many = (doc: OutreachDocument): OutreachResource[] => (Array.isArray(doc.data) ? doc.data : [doc.data]);

export type ContractUser = { id: string; email: string; first_name: string; last_name: string };

/** A user of the organization, and whether Outreach has locked them out (the contract's inactive member). */
export type OutreachMember = { user: ContractUser; locked: boolean };

function contractUserOf(user: OutreachResource): ContractUser {
  const a = user.attributes;
  return { id: String(user.id), email: String(a.email ?? ''), first_name: String(a.firstName ?? ''), last_name: String(a.lastName ?? '') };
}

/** Who a token belongs to: the API root answers for its token with the owner in `meta.user` (ADR 0014). */
export async function whoIsOnOutreach(client: OutreachClient, auth: OutreachAuth): Promise<SessionUser> {
  const root = (await client.request({ path: '' }, auth)) as { meta?: { user?: { id?: unknown; email?: unknown; firstName?: unknown; lastName?: unknown } } } | null;
  const user = root?.meta?.user;
  if (!user || (typeof user.id !== 'number' && typeof user.id !== 'string')) throw new OutreachFailure(502, 'Outreach did not say who this token belongs to.');
  return { id: String(user.id), email: String(user.email ?? ''), first_name: String(user.firstName ?? ''), last_name: String(user.lastName ?? ''), organization_id: OUTREACH_ORGANIZATION_ID };
}

export function createOutreachReads(client: OutreachClient, now: () => number) {
  const cursors = new Map<string, string>();
  const userCache = new Map<string, { at: number; members: OutreachMember[] }>();
  const priorityCache = new Map<string, { at: number; priorities: OutreachPriority[] }>();

  /** Everyone, locked or not (Outreach's `locked`: locked out of the application; their tasks stay theirs). */
  async function listMembers(auth: OutreachAuth, personKey: string): Promise<OutreachMember[]> {
    const kept = userCache.get(personKey);
    if (kept && now() - kept.at < NAMES_FOR_MS) return kept.members;
    const members: OutreachMember[] = [];
    let next: string | undefined = undefined;
    do {
      const doc = parseDocument(await client.request(next ? { path: next } : { path: '/users', query: { 'page[size]': OUTREACH_MAX_PAGE, sort: 'id' } }, auth));
      members.push(...many(doc).map((u) => ({ user: contractUserOf(u), locked: u.attributes.locked === true })));
      next = doc.links?.next;
    } while (next);
    userCache.set(personKey, { at: now(), members });
    return members;
  }

  async function listUsers(auth: OutreachAuth, personKey: string): Promise<ContractUser[]> {
    return (await listMembers(auth, personKey)).map((m) => m.user);
  }

  async function namesOf(auth: OutreachAuth, personKey: string): Promise<UserNames> {
    const users = await listUsers(auth, personKey);
    return new Map(users.map((u) => [u.id, `${u.first_name} ${u.last_name}`.trim() || u.email]));
  }

  /**
   * The organization's taskPriorities (a handful), read once per credential and kept as the users
   * are. A token without `taskPriorities.read` (a sign-in from before Triage asked for it) reads
   * none: every task is then `medium`, and setting one says why it cannot.
   */
  async function listPriorities(auth: OutreachAuth, personKey: string): Promise<OutreachPriority[]> {
    const kept = priorityCache.get(personKey);
    if (kept && now() - kept.at < NAMES_FOR_MS) return kept.priorities;
    const priorities: OutreachPriority[] = [];
    let next: string | undefined = undefined;
    try {
      do {
        const doc = parseDocument(await client.request(next ? { path: next } : { path: '/taskPriorities', query: { 'page[size]': OUTREACH_MAX_PAGE, sort: 'id' } }, auth));
        for (const p of many(doc)) priorities.push({ id: String(p.id), name: String(p.attributes.name ?? ''), weight: Number(p.attributes.weight ?? 0) });
        next = doc.links?.next;
      } while (next);
    } catch (error) {
      if (!(error instanceof OutreachFailure) || (error.status !== 400 && error.status !== 404)) throw error;
      priorities.length = 0;
    }
    priorityCache.set(personKey, { at: now(), priorities });
    if (priorityCache.size > CURSORS_KEPT) priorityCache.delete(priorityCache.keys().next().value!);
    return priorities;
  }

  /** The heaviest priority's id, read only when one of `tasks` has a priority at all. */
  async function highPriorityIdFor(tasks: readonly OutreachResource[], auth: OutreachAuth, personKey: string): Promise<string | null> {
    if (!tasks.some((t) => t.relationships?.taskPriority?.data)) return null;
    return highestPriorityOf(await listPriorities(auth, personKey))?.id ?? null;
  }

  async function getTask(id: string, auth: OutreachAuth, personKey: string): Promise<{ task: Task; resource: OutreachResource }> {
    if (!/^\d+$/.test(id)) throw new OutreachFailure(404, 'Task not found.');
    const doc = parseDocument(await client.request({ path: `/tasks/${id}`, query: { include: INCLUDE } }, auth));
    const resource = many(doc)[0]!;
    return { task: contractTaskOf(resource, includedIndex(doc), await namesOf(auth, personKey), OUTREACH_ORGANIZATION_ID, await highPriorityIdFor([resource], auth, personKey)), resource };
  }

  /** A page of the contract's list: `skip` and `limit` over Outreach's cursor pages. */
  async function listTasks(query: TaskListQuery, offsetHours: number, auth: OutreachAuth, personKey: string): Promise<{ data: Task[]; has_more: boolean }> {
    const { filters } = query;
    const actions = actionsOfTypes(filters.types);
    if ((actions && actions.length === 0) || (filters.ids && filters.ids.length === 0)) return { data: [], has_more: false };
    const outreachQuery: Record<string, string | number> = {
      ...viewFilters(filters.view, now(), offsetHours),
      ...(filters.isComplete !== null && filters.view === null ? { 'filter[state]': filters.isComplete ? 'complete' : 'incomplete' } : {}),
      ...(filters.assignedTo ? { 'filter[owner][id]': filters.assignedTo } : {}),
      ...(filters.ids ? { 'filter[id]': filters.ids.join(',') } : {}),
      ...dateRangeFilters(filters.dates, offsetHours),
      sort: outreachSort(query.orderBy),
      include: INCLUDE,
    };
    const { limit, skip } = query.page;
    const pageSize = skip % limit === 0 ? limit : OUTREACH_MAX_PAGE;
    const first = { path: '/tasks', query: { ...outreachQuery, 'page[size]': Math.min(pageSize, OUTREACH_MAX_PAGE) } };
    const cursorKey = (at: number) => `${personKey}\n${JSON.stringify(first)}\n${at}`;

    let at = 0;
    let next: string | undefined = cursors.get(cursorKey(skip));
    if (next) at = skip;
    const resources: OutreachResource[] = [];
    const included = new Map<string, OutreachResource>();
    for (;;) {
      const doc = parseDocument(await client.request(next ? { path: next } : first, auth));
      for (const [key, value] of includedIndex(doc)) included.set(key, value);
      const page = many(doc);
      for (const r of page) {
        if (at >= skip && resources.length < limit) resources.push(r);
        at++;
      }
      next = doc.links?.next;
      if (!next || page.length === 0) return finish(false);
      if (resources.length >= limit) {
        keepCursor(cursorKey(at), next);
        return finish(true);
      }
    }

    async function finish(hasMore: boolean) {
      const names = await namesOf(auth, personKey);
      const highPriorityId = await highPriorityIdFor(resources, auth, personKey);
      let data = resources.map((r) => contractTaskOf(r, included, names, OUTREACH_ORGANIZATION_ID, highPriorityId));
      // Outreach filters on state, owner, ids and due dates; the contract's types are checked here.
      if (filters.types) data = data.filter((t) => filters.types!.includes(t._type as never));
      return { data, has_more: hasMore };
    }
  }

  function keepCursor(key: string, next: string): void {
    cursors.set(key, next);
    if (cursors.size > CURSORS_KEPT) cursors.delete(cursors.keys().next().value!);
  }

  return { listUsers, listMembers, listPriorities, getTask, listTasks };
}

export type OutreachReads = ReturnType<typeof createOutreachReads>;
