import type { Database } from 'better-sqlite3';
import { runMigrations } from '../../db/sqlite';

/**
 * The stand-in's own schema, in its own database file (outreach.db), so it never shares tables
 * with the Close stand-in. Ordered and append-only; `PRAGMA user_version` counts what has run.
 * Times are epoch milliseconds (the wire shows ISO 8601 UTC); ids are integers, as Outreach's are.
 */
const MIGRATIONS: readonly string[] = [
  /* 1: users, prospects, accounts, sequences, priorities, tasks, OAuth */ `
  CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    title TEXT,
    username TEXT NOT NULL,
    locked INTEGER NOT NULL DEFAULT 0,
    -- Not on Outreach's user resource: kept for the seed, which places dues in each owner's day.
    time_zone TEXT,
    -- The demo's static bearer token (Outreach issues none; OAuth tokens live in oauth_tokens).
    token TEXT UNIQUE,
    created_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL
  );
  CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    domain TEXT,
    website_url TEXT,
    industry TEXT,
    locality TEXT,
    number_of_employees INTEGER,
    owner_id INTEGER REFERENCES users(id),
    created_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL
  );
  CREATE TABLE prospects (
    id INTEGER PRIMARY KEY,
    account_id INTEGER REFERENCES accounts(id),
    owner_id INTEGER REFERENCES users(id),
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    title TEXT,
    company TEXT,
    emails TEXT NOT NULL DEFAULT '[]',
    work_phones TEXT NOT NULL DEFAULT '[]',
    mobile_phones TEXT NOT NULL DEFAULT '[]',
    home_phones TEXT NOT NULL DEFAULT '[]',
    other_phones TEXT NOT NULL DEFAULT '[]',
    voip_phones TEXT NOT NULL DEFAULT '[]',
    time_zone TEXT,
    address_city TEXT,
    address_country TEXT,
    created_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL
  );
  CREATE TABLE sequences (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT,
    owner_id INTEGER REFERENCES users(id),
    enabled INTEGER NOT NULL DEFAULT 1,
    sequence_type TEXT NOT NULL DEFAULT 'interval',
    created_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL
  );
  CREATE TABLE sequence_steps (
    id INTEGER PRIMARY KEY,
    sequence_id INTEGER NOT NULL REFERENCES sequences(id),
    step_order INTEGER NOT NULL,
    step_type TEXT NOT NULL,
    interval_s INTEGER NOT NULL DEFAULT 0,
    task_note TEXT,
    created_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL,
    UNIQUE (sequence_id, step_order)
  );
  -- A prospect's run through a sequence: which step it is on, and whether it finished.
  CREATE TABLE sequence_states (
    id INTEGER PRIMARY KEY,
    sequence_id INTEGER NOT NULL REFERENCES sequences(id),
    prospect_id INTEGER NOT NULL REFERENCES prospects(id),
    owner_id INTEGER REFERENCES users(id),
    step_id INTEGER REFERENCES sequence_steps(id),
    state TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL
  );
  CREATE TABLE task_priorities (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    color INTEGER,
    weight INTEGER NOT NULL,
    created_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL
  );
  CREATE TABLE tasks (
    id INTEGER PRIMARY KEY,
    action TEXT NOT NULL,
    task_type TEXT NOT NULL,
    state TEXT NOT NULL,
    note TEXT,
    opportunity_association TEXT,
    due_ms INTEGER NOT NULL,
    scheduled_ms INTEGER,
    autoskip_ms INTEGER,
    completed_ms INTEGER,
    state_changed_ms INTEGER NOT NULL,
    created_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL,
    owner_id INTEGER REFERENCES users(id),
    completer_id INTEGER REFERENCES users(id),
    creator_id INTEGER REFERENCES users(id),
    prospect_id INTEGER REFERENCES prospects(id),
    account_id INTEGER REFERENCES accounts(id),
    sequence_id INTEGER REFERENCES sequences(id),
    sequence_step_id INTEGER REFERENCES sequence_steps(id),
    sequence_state_id INTEGER REFERENCES sequence_states(id),
    task_priority_id INTEGER REFERENCES task_priorities(id),
    -- markComplete's completionNote: Outreach attaches it to the prospect, not to the task.
    completion_note TEXT
  );
  CREATE INDEX tasks_by_owner_state_due ON tasks (owner_id, state, due_ms, id);
  CREATE INDEX tasks_by_state_due ON tasks (state, due_ms, id);
  CREATE INDEX tasks_by_due ON tasks (due_ms, id);
  CREATE INDEX tasks_by_prospect ON tasks (prospect_id);
  CREATE TABLE oauth_codes (
    code_hash TEXT PRIMARY KEY,
    grant_id TEXT NOT NULL,
    client_id TEXT NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users(id),
    redirect_uri TEXT NOT NULL,
    scope TEXT NOT NULL,
    expires_ms INTEGER NOT NULL,
    used_ms INTEGER
  );
  CREATE TABLE oauth_tokens (
    token_hash TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('access', 'refresh')),
    grant_id TEXT NOT NULL,
    client_id TEXT NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users(id),
    scope TEXT NOT NULL,
    expires_ms INTEGER NOT NULL
  );
  CREATE INDEX oauth_tokens_by_grant ON oauth_tokens (grant_id);
  `,
];

export function migrateOutreach(db: Database): void {
  runMigrations(db, MIGRATIONS, 'Outreach stand-in');
}
