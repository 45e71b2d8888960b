/**
 * At most one revalidation of a copy in flight at a time; identical GETs that arrive meanwhile
 * wait and share the next one. The inbox polled by every open tab, or a burst of identical
 * requests, then costs the upstream one round trip per round trip rather than one per request:
 * the proxy's share of its work, and of Close's rate limit if it ever sends ETags, stops growing
 * with the number of callers.
 *
 * Freshness is kept: a request is only ever answered by a revalidation that was *sent after it
 * arrived*. That is why a request that arrives while one is in flight waits for the next one
 * rather than sharing the current one, whose answer may predate a write that finished (through
 * us or not) just before the request came in. The cost is at most one extra round trip of
 * waiting, only under concurrency. See docs/decisions/0009.
 */
import type { OutgoingHttpHeaders } from 'node:http';

/**
 * What a revalidation found: the copy holds (a 304, or a 200 that became the new copy), with the
 * rate-limit headers of that answer; `null`: there is no copy to answer from (a failure, an answer
 * that could not be kept), and each waiting request asks the upstream itself.
 */
export type Revalidated = { rateLimitHeaders: OutgoingHttpHeaders } | null;

/** The caller sends the revalidation and must call `settle` exactly once, whatever happens. */
export type LeadTurn = { lead: true; settle: (outcome: Revalidated) => void };
/** Another request of the same batch sends it; answer from its outcome. */
export type FollowTurn = { lead: false; outcome: Promise<Revalidated> };
export type Turn = LeadTurn | FollowTurn;

type Member = { give: (turn: Turn) => void; gone: () => boolean };

class Batch {
  readonly members: Member[] = [];
  settleOutcome!: (outcome: Revalidated) => void;
  readonly outcome = new Promise<Revalidated>((resolve) => {
    this.settleOutcome = resolve;
  });
}

/** One key's queue: present while a revalidation is in flight; `next` collects those who came since. */
type Line = { next: Batch | null };

export class RevalidationLines {
  private readonly lines = new Map<string, Line>();

  /**
   * Lead at once when nothing is in flight for this key; otherwise a turn once the revalidation
   * in flight has settled: the first of those waiting whose browser is still there (`gone`)
   * leads the next one, the rest follow it.
   */
  arrive(key: string, gone: () => boolean = () => false): LeadTurn | Promise<Turn> {
    const line = this.lines.get(key);
    if (!line) {
      const fresh: Line = { next: null };
      this.lines.set(key, fresh);
      return this.leadTurn(key, fresh, null);
    }
    const batch = (line.next ??= new Batch());
    return new Promise<Turn>((give) => batch.members.push({ give, gone }));
  }

  /** Keys with a revalidation in flight (for tests). */
  get inFlight(): number {
    return this.lines.size;
  }

  /** Requests waiting for the next revalidation of their key (for tests). */
  get waiting(): number {
    let count = 0;
    for (const line of this.lines.values()) count += line.next?.members.length ?? 0;
    return count;
  }

  private leadTurn(key: string, line: Line, batch: Batch | null): LeadTurn {
    let settled = false;
    return {
      lead: true,
      settle: (outcome) => {
        if (settled) return;
        settled = true;
        batch?.settleOutcome(outcome);
        this.startNext(key, line);
      },
    };
  }

  private startNext(key: string, line: Line): void {
    const batch = line.next;
    line.next = null;
    if (!batch) {
      this.lines.delete(key);
      return;
    }
    const leader = batch.members.find((member) => !member.gone());
    if (leader) leader.give(this.leadTurn(key, line, batch));
    else {
      // Nobody left to ask for: those who went away get a null outcome; nothing more is in flight.
      batch.settleOutcome(null);
      this.lines.delete(key);
    }
    const follow: FollowTurn = { lead: false, outcome: batch.outcome };
    for (const member of batch.members) if (member !== leader) member.give(follow);
  }
}
