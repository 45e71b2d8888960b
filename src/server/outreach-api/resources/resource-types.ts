/**
 * How each stored row appears as an Outreach resource: its JSON:API type, attributes (named and
 * shaped as Outreach's reference names them) and relationships (`{data: {type, id}}` for to-one,
 * `{links: {related}}` for to-many). Times are ISO 8601 UTC.
 */
export type Row = Record<string, unknown> & { id: number };
export type Relationship = { data: { type: string; id: number } | null } | { links: { related: string } };

export type ResourceType = {
  type: string;
  /** The collection's path under /api/v2. */
  path: string;
  table: string;
  attributes(row: Row): Record<string, unknown>;
  relationships(row: Row, base: string): Record<string, Relationship>;
};

const iso = (ms: unknown): string | null => (typeof ms === 'number' ? new Date(ms).toISOString() : null);
const one = (type: string, id: unknown): Relationship => ({ data: typeof id === 'number' ? { type, id } : null });
const many = (base: string, path: string, filter: string, id: number): Relationship => ({
  links: { related: `${base}/${path}?filter[${filter}][id]=${id}` },
});
const list = (json: unknown): string[] => (typeof json === 'string' ? (JSON.parse(json) as string[]) : []);

export const TASK: ResourceType = {
  type: 'task',
  path: 'tasks',
  table: 'tasks',
  attributes: (r) => ({
    action: r.action,
    autoskipAt: iso(r.autoskip_ms),
    compiledSequenceTemplateHtml: null,
    completed: r.state === 'complete',
    completedAt: iso(r.completed_ms),
    createdAt: iso(r.created_ms),
    dueAt: iso(r.due_ms),
    note: r.note ?? null,
    opportunityAssociation: r.opportunity_association ?? null,
    scheduledAt: iso(r.scheduled_ms),
    state: r.state,
    stateChangedAt: iso(r.state_changed_ms),
    taskType: r.task_type,
    updatedAt: iso(r.updated_ms),
  }),
  relationships: (r, base) => ({
    account: one('account', r.account_id),
    calls: many(base, 'calls', 'task', r.id),
    completer: one('user', r.completer_id),
    creator: one('user', r.creator_id),
    mailings: many(base, 'mailings', 'task', r.id),
    opportunity: one('opportunity', null),
    owner: one('user', r.owner_id),
    prospect: one('prospect', r.prospect_id),
    sequence: one('sequence', r.sequence_id),
    sequenceState: one('sequenceState', r.sequence_state_id),
    sequenceStep: one('sequenceStep', r.sequence_step_id),
    subject: r.prospect_id !== null ? one('prospect', r.prospect_id) : one('account', r.account_id),
    taskPriority: one('taskPriority', r.task_priority_id),
  }),
};

export const USER: ResourceType = {
  type: 'user',
  path: 'users',
  table: 'users',
  attributes: (r) => ({
    createdAt: iso(r.created_ms),
    email: r.email,
    firstName: r.first_name,
    lastName: r.last_name,
    locked: r.locked === 1,
    name: `${String(r.first_name)} ${String(r.last_name)}`.trim(),
    title: r.title ?? null,
    updatedAt: iso(r.updated_ms),
    username: r.username,
  }),
  relationships: (r, base) => ({ tasks: many(base, 'tasks', 'owner', r.id) }),
};

export const PROSPECT: ResourceType = {
  type: 'prospect',
  path: 'prospects',
  table: 'prospects',
  attributes: (r) => ({
    addressCity: r.address_city ?? null,
    addressCountry: r.address_country ?? null,
    company: r.company ?? null,
    createdAt: iso(r.created_ms),
    emails: list(r.emails),
    firstName: r.first_name,
    homePhones: list(r.home_phones),
    lastName: r.last_name,
    mobilePhones: list(r.mobile_phones),
    name: `${String(r.first_name)} ${String(r.last_name)}`.trim(),
    otherPhones: list(r.other_phones),
    timeZone: r.time_zone ?? null,
    title: r.title ?? null,
    updatedAt: iso(r.updated_ms),
    voipPhones: list(r.voip_phones),
    workPhones: list(r.work_phones),
  }),
  relationships: (r, base) => ({
    account: one('account', r.account_id),
    owner: one('user', r.owner_id),
    tasks: many(base, 'tasks', 'prospect', r.id),
  }),
};

export const ACCOUNT: ResourceType = {
  type: 'account',
  path: 'accounts',
  table: 'accounts',
  attributes: (r) => ({
    createdAt: iso(r.created_ms),
    domain: r.domain ?? null,
    industry: r.industry ?? null,
    locality: r.locality ?? null,
    name: r.name,
    naturalName: r.name,
    numberOfEmployees: r.number_of_employees ?? null,
    updatedAt: iso(r.updated_ms),
    websiteUrl: r.website_url ?? null,
  }),
  relationships: (r, base) => ({
    owner: one('user', r.owner_id),
    prospects: many(base, 'prospects', 'account', r.id),
    tasks: many(base, 'tasks', 'account', r.id),
  }),
};

export const SEQUENCE: ResourceType = {
  type: 'sequence',
  path: 'sequences',
  table: 'sequences',
  attributes: (r) => ({
    createdAt: iso(r.created_ms),
    description: r.description ?? null,
    enabled: r.enabled === 1,
    name: r.name,
    sequenceType: r.sequence_type,
    updatedAt: iso(r.updated_ms),
  }),
  relationships: (r, base) => ({
    owner: one('user', r.owner_id),
    sequenceSteps: many(base, 'sequenceSteps', 'sequence', r.id),
  }),
};

const STEP_NAMES: Record<string, string> = {
  auto_email: 'Automated email', manual_email: 'Manual email', call: 'Phone call', task: 'Action item',
  linkedin_send_connection_request: 'LinkedIn connection request', linkedin_send_message: 'LinkedIn message',
};

export const SEQUENCE_STEP: ResourceType = {
  type: 'sequenceStep',
  path: 'sequenceSteps',
  table: 'sequence_steps',
  attributes: (r) => ({
    createdAt: iso(r.created_ms),
    displayName: `Step #${String(r.step_order)} (${STEP_NAMES[String(r.step_type)] ?? String(r.step_type)})`,
    interval: r.interval_s,
    order: r.step_order,
    stepType: r.step_type,
    taskNote: r.task_note ?? null,
    updatedAt: iso(r.updated_ms),
  }),
  relationships: (r) => ({ sequence: one('sequence', r.sequence_id) }),
};

export const SEQUENCE_STATE: ResourceType = {
  type: 'sequenceState',
  path: 'sequenceStates',
  table: 'sequence_states',
  attributes: (r) => ({ createdAt: iso(r.created_ms), state: r.state, updatedAt: iso(r.updated_ms) }),
  relationships: (r) => ({
    prospect: one('prospect', r.prospect_id),
    sequence: one('sequence', r.sequence_id),
    sequenceStep: one('sequenceStep', r.step_id),
    user: one('user', r.owner_id),
  }),
};

export const TASK_PRIORITY: ResourceType = {
  type: 'taskPriority',
  path: 'taskPriorities',
  table: 'task_priorities',
  attributes: (r) => ({ color: r.color ?? null, createdAt: iso(r.created_ms), name: r.name, updatedAt: iso(r.updated_ms), weight: r.weight }),
  relationships: () => ({}),
};

export const RESOURCE_TYPES: readonly ResourceType[] = [TASK, USER, PROSPECT, ACCOUNT, SEQUENCE, SEQUENCE_STEP, SEQUENCE_STATE, TASK_PRIORITY];
export const RESOURCE_BY_TYPE = new Map(RESOURCE_TYPES.map((t) => [t.type, t]));
