import type { Database } from 'better-sqlite3';
import { runMigrations } from './sqlite';

/**
 * Ordered, append-only migrations; `PRAGMA user_version` records how many have run.
 * Never edit a shipped migration: add the next one.
 */
const MIGRATIONS: readonly string[] = [
  /* 1: the Close-shaped core */ `
  CREATE TABLE organizations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    date_created TEXT NOT NULL
  );
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    image TEXT,
    time_zone TEXT,
    api_key TEXT NOT NULL UNIQUE,
    date_created TEXT NOT NULL,
    date_updated TEXT NOT NULL
  );
  CREATE TABLE memberships (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    role_id TEXT NOT NULL,
    UNIQUE (organization_id, user_id)
  );
  CREATE TABLE leads (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    name TEXT NOT NULL,
    date_created TEXT NOT NULL,
    date_updated TEXT NOT NULL
  );
  CREATE INDEX leads_by_org_name ON leads (organization_id, name COLLATE NOCASE);
  CREATE TABLE contacts (
    id TEXT PRIMARY KEY,
    lead_id TEXT NOT NULL REFERENCES leads(id),
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    name TEXT NOT NULL,
    title TEXT,
    phones TEXT NOT NULL DEFAULT '[]',
    emails TEXT NOT NULL DEFAULT '[]'
  );
  CREATE INDEX contacts_by_lead ON contacts (lead_id);

  -- A task. The wire date is kept as sent (date_text) plus two columns that make Close's order
  -- indexable: date_kind (0 date-only, 1 date-time) and date_sort (epoch ms; midnight UTC for a
  -- date-only date). Within one kind date_sort is monotonic in the user's order for every
  -- offset, so each kind is read in index order and the two streams are merged (task-order.ts).
  -- Type-specific fields (subject, phone, attachments, ...) live in the JSON column extra.
  CREATE TABLE tasks (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    type TEXT NOT NULL,
    assigned_to TEXT REFERENCES users(id),
    lead_id TEXT REFERENCES leads(id),
    contact_id TEXT REFERENCES contacts(id),
    created_by TEXT REFERENCES users(id),
    updated_by TEXT REFERENCES users(id),
    text TEXT,
    date_text TEXT NOT NULL,
    date_kind INTEGER NOT NULL CHECK (date_kind IN (0, 1)),
    date_sort INTEGER NOT NULL,
    is_dateless INTEGER NOT NULL DEFAULT 0,
    is_complete INTEGER NOT NULL DEFAULT 0 CHECK (is_complete IN (0, 1)),
    date_created TEXT NOT NULL,
    date_created_ms INTEGER NOT NULL,
    date_updated TEXT NOT NULL,
    date_updated_ms INTEGER NOT NULL,
    object_type TEXT,
    object_id TEXT,
    extra TEXT NOT NULL DEFAULT '{}'
  );
  CREATE INDEX tasks_by_org_state_date ON tasks (organization_id, is_complete, date_kind, date_sort);
  CREATE INDEX tasks_by_assignee_state_date ON tasks (organization_id, assigned_to, is_complete, date_kind, date_sort);
  CREATE INDEX tasks_by_org_created ON tasks (organization_id, is_complete, date_created_ms);
  CREATE INDEX tasks_by_assignee_created ON tasks (organization_id, assigned_to, is_complete, date_created_ms);
  CREATE INDEX tasks_by_lead ON tasks (lead_id);
  `,
  /* 2: creation order over both states (no is_complete filter), e.g. Close's `_order_by=-date_created` */ `
  CREATE INDEX tasks_by_org_created_any ON tasks (organization_id, date_created_ms);
  CREATE INDEX tasks_by_assignee_created_any ON tasks (organization_id, assigned_to, date_created_ms);
  `,
  /* activities: email and SMS messages, the organization's own numbers and senders, templates */ `
  CREATE TABLE organization_phone_numbers (
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    number TEXT NOT NULL,
    user_id TEXT REFERENCES users(id),
    PRIMARY KEY (organization_id, number)
  );
  CREATE TABLE email_senders (
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    email TEXT NOT NULL,
    name TEXT,
    user_id TEXT REFERENCES users(id),
    PRIMARY KEY (organization_id, email)
  );
  -- recipients holds {"to": [], "cc": [], "bcc": []}; attachments Close's attachment objects.
  CREATE TABLE email_activities (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    lead_id TEXT REFERENCES leads(id),
    contact_id TEXT REFERENCES contacts(id),
    user_id TEXT REFERENCES users(id),
    thread_id TEXT,
    in_reply_to_id TEXT,
    direction TEXT NOT NULL,
    status TEXT NOT NULL,
    sender TEXT,
    recipients TEXT NOT NULL DEFAULT '{}',
    subject TEXT,
    body_text TEXT,
    body_html TEXT,
    attachments TEXT NOT NULL DEFAULT '[]',
    date_created_ms INTEGER NOT NULL,
    date_updated_ms INTEGER NOT NULL,
    date_sent_ms INTEGER
  );
  CREATE INDEX email_activities_by_lead ON email_activities (organization_id, lead_id, date_created_ms);
  CREATE TABLE sms_activities (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    lead_id TEXT REFERENCES leads(id),
    contact_id TEXT REFERENCES contacts(id),
    user_id TEXT REFERENCES users(id),
    direction TEXT NOT NULL,
    status TEXT NOT NULL,
    local_phone TEXT,
    remote_phone TEXT,
    text TEXT NOT NULL DEFAULT '',
    attachments TEXT NOT NULL DEFAULT '[]',
    date_created_ms INTEGER NOT NULL,
    date_updated_ms INTEGER NOT NULL,
    date_sent_ms INTEGER
  );
  CREATE INDEX sms_activities_by_lead ON sms_activities (organization_id, lead_id, date_created_ms);
  CREATE TABLE sms_templates (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    name TEXT NOT NULL,
    text TEXT NOT NULL,
    is_shared INTEGER NOT NULL DEFAULT 1,
    created_by TEXT REFERENCES users(id),
    date_created_ms INTEGER NOT NULL
  );
  CREATE TABLE email_templates (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    name TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    is_shared INTEGER NOT NULL DEFAULT 1,
    created_by TEXT REFERENCES users(id),
    date_created_ms INTEGER NOT NULL
  );
  `,
  /* oauth: the embedded API plays Close's OAuth 2 (authorization codes, access and refresh tokens) */ `
  -- Codes and tokens are kept as SHA-256 hex digests, never raw: the database alone grants nothing.
  -- A grant is one consent; the tokens issued from its code and from each refresh share grant_id,
  -- so a replayed code can revoke everything that came from it.
  CREATE TABLE oauth_codes (
    code_hash TEXT PRIMARY KEY,
    grant_id TEXT NOT NULL,
    client_id TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id),
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    redirect_uri TEXT NOT NULL,
    expires_ms INTEGER NOT NULL,
    used_ms INTEGER
  );
  CREATE TABLE oauth_tokens (
    token_hash TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('access', 'refresh')),
    grant_id TEXT NOT NULL,
    client_id TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id),
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    expires_ms INTEGER
  );
  CREATE INDEX oauth_tokens_by_grant ON oauth_tokens (grant_id);
  CREATE INDEX oauth_tokens_by_expiry ON oauth_tokens (kind, expires_ms);
  `,
  /* inactive memberships: people who left the organization (Close's inactive_memberships) */ `
  -- Apart from memberships, so nothing that means "a member" (sign-in, /user/, assigning a
  -- task) sees them; their tasks stay assigned to them until someone moves them.
  CREATE TABLE inactive_memberships (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    role_id TEXT NOT NULL,
    date_created TEXT NOT NULL,
    date_updated TEXT NOT NULL,
    UNIQUE (organization_id, user_id)
  );
  `,
  /* task priority: Close's priority, high or medium (every task has one; medium is the usual) */ `
  ALTER TABLE tasks ADD COLUMN priority TEXT NOT NULL DEFAULT 'medium' CHECK (priority IN ('high', 'medium'));
  `,
];

export function migrate(db: Database): void {
  runMigrations(db, MIGRATIONS, 'database');
}
