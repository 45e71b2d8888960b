/**
 * What the outbox does with a failed attempt: keep the change and try again later (the network,
 * a rate limit, a gateway or an overloaded server: nothing was refused), wait for the person to
 * sign in again, or give up and roll back (the server read the request and said no).
 */
import { ApiError } from '@/lib/api-client';
import type { OutboxRecord } from './outbox-record';

export type FailureKind = 'retry' | 'sign-in' | 'refused';

/** Statuses that say "not now" rather than "no": Close's rate limit and its gateways. */
const TRANSIENT_STATUSES = new Set([0, 429, 502, 503, 504]);

export function classifyFailure(error: unknown): FailureKind {
  // fetch's own failure while reading an answer cut off mid-body ("network error", "terminated").
  if (error instanceof TypeError) return 'retry';
  if (!(error instanceof ApiError)) return 'refused';
  if (error.signInRequired) return 'sign-in';
  // A success whose body could not be read (cut short): the change is there; asking again tells us so.
  if (error.status >= 200 && error.status < 300) return 'retry';
  return TRANSIENT_STATUSES.has(error.status) ? 'retry' : 'refused';
}

/** After this long without getting through, a change is shown as "Not saved" (Retry, Discard). */
export const GIVE_UP_AFTER_MS = 10 * 60_000;

const FIRST_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 60_000;
/** Added to the server's own wait, so tabs and clients told the same reset do not all come back at once. */
const SERVER_WAIT_JITTER_MS = 250;

/**
 * How long to wait before attempt `attempt + 1` (`attempt` ≥ 1 failed attempts so far).
 * A 429 waits as long as the server says (RateLimit's `reset`, else Retry-After) plus a little
 * jitter; anything else backs off exponentially with "equal jitter" (half fixed, half random),
 * so retries spread out but never come back sooner than half the backoff.
 * `random` returns a number in [0, 1).
 */
export function retryDelayMs(error: unknown, attempt: number, random: () => number = Math.random): number {
  if (error instanceof ApiError && error.retryAfterMs !== null) {
    return error.retryAfterMs + Math.floor(random() * SERVER_WAIT_JITTER_MS);
  }
  const backoff = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.max(0, attempt - 1));
  return Math.floor(backoff / 2 + random() * (backoff / 2));
}

/** Why a change is still waiting, as the "Saving…" indicator says it. */
export function waitingReason(error: unknown): string {
  if (!(error instanceof ApiError)) return 'retrying, the answer was cut off';
  if (error.status === 0) return 'retrying, the server could not be reached';
  if (error.status === 429) return "waiting for Close's rate limit";
  return 'retrying after a server error';
}

type FailureFields = 'state' | 'attempts' | 'retryingSince' | 'nextAttemptAt' | 'reason' | 'uncertain' | 'pausedForSignIn';
type FailedRecord = Pick<OutboxRecord<unknown>, FailureFields | 'resumedAfterSignIn'>;

/**
 * What a failed attempt does to its record: `refused` settles it with the error; otherwise the
 * record takes `patch` (waiting, paused or stuck), and a 429 holds every record back until
 * `gateUntil` (the limit is per key, not per request).
 */
export type FailureStep =
  | { kind: 'refused' }
  | { kind: 'sign-in' | 'retry'; patch: Partial<Pick<OutboxRecord<unknown>, FailureFields>>; gateUntil?: number };

export function failureStep(record: FailedRecord, error: unknown, at: { now: number; random: () => number; online: boolean }): FailureStep {
  const kind = classifyFailure(error);
  if (kind === 'refused' || (kind === 'sign-in' && record.resumedAfterSignIn)) return { kind: 'refused' };
  if (kind === 'sign-in') return { kind, patch: { state: 'queued', pausedForSignIn: true, reason: 'waiting for you to sign in again' } };
  const status = (error as { status?: number }).status;
  // Only a request that got no (whole) answer, or a gateway's, may have been applied; a 429 or 503 was not.
  const uncertain = record.uncertain || status === undefined || status === 0 || status === 502 || status === 504 || (status >= 200 && status < 300);
  if (status === 0 && !at.online) return { kind, patch: { uncertain, state: 'queued', reason: 'offline' } };
  const attempts = record.attempts + 1;
  const retryingSince = record.retryingSince ?? at.now;
  if (at.now - retryingSince >= GIVE_UP_AFTER_MS) {
    return { kind, patch: { uncertain, attempts, retryingSince, state: 'stuck', nextAttemptAt: null, reason: error instanceof Error ? error.message : String(error) } };
  }
  const nextAttemptAt = at.now + retryDelayMs(error, attempts, at.random);
  return {
    kind,
    patch: { uncertain, attempts, retryingSince, state: 'waiting', nextAttemptAt, reason: waitingReason(error) },
    ...(status === 429 ? { gateUntil: nextAttemptAt } : {}),
  };
}
