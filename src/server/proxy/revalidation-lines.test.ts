import { describe, expect, it } from 'vitest';
import { type LeadTurn, RevalidationLines, type Turn } from './revalidation-lines';

const CONFIRMED = { rateLimitHeaders: { ratelimit: 'limit=40, remaining=39, reset=3' } };

function asLead(turn: Turn | LeadTurn): LeadTurn {
  if (!turn.lead) throw new Error('expected to lead');
  return turn;
}

describe('RevalidationLines', () => {
  it('lets the first request lead at once, and the next ones wait for the revalidation after it', async () => {
    const lines = new RevalidationLines();
    const first = asLead(lines.arrive('inbox') as LeadTurn);
    let secondTurn: Turn | undefined;
    let thirdTurn: Turn | undefined;
    void (lines.arrive('inbox') as Promise<Turn>).then((t) => (secondTurn = t));
    void (lines.arrive('inbox') as Promise<Turn>).then((t) => (thirdTurn = t));
    expect(lines.waiting).toBe(2);
    await Promise.resolve();
    // Nobody is answered by a revalidation sent before they arrived.
    expect(secondTurn).toBeUndefined();

    first.settle(CONFIRMED);
    await Promise.resolve();
    const second = asLead(secondTurn!);
    expect(thirdTurn?.lead).toBe(false);
    expect(lines.waiting).toBe(0);
    expect(lines.inFlight).toBe(1);

    second.settle(CONFIRMED);
    await expect(thirdTurn!.lead ? null : thirdTurn!.outcome).resolves.toEqual(CONFIRMED);
    expect(lines.inFlight).toBe(0);
  });

  it('passes a failed revalidation on as null, so those who followed it ask for themselves', async () => {
    const lines = new RevalidationLines();
    const first = lines.arrive('k') as LeadTurn;
    const second = lines.arrive('k') as Promise<Turn>;
    const third = lines.arrive('k') as Promise<Turn>;
    first.settle(CONFIRMED);
    const leader = asLead(await second);
    const follower = await third;
    leader.settle(null);
    expect(follower.lead ? 'lead' : await follower.outcome).toBeNull();
  });

  it('ignores a second settle, and keeps keys apart', async () => {
    const lines = new RevalidationLines();
    const a = lines.arrive('a') as LeadTurn;
    const b = lines.arrive('b');
    expect(b).not.toBeInstanceOf(Promise);
    const waiting = lines.arrive('a') as Promise<Turn>;
    a.settle(null);
    a.settle(CONFIRMED);
    const next = asLead(await waiting);
    expect(lines.inFlight).toBe(2);
    next.settle(CONFIRMED);
    (b as LeadTurn).settle(CONFIRMED);
    expect(lines.inFlight).toBe(0);
    // A key with nothing in flight is led at once again.
    expect(lines.arrive('a')).not.toBeInstanceOf(Promise);
  });

  it('gives the lead to the first waiting request whose browser is still there', async () => {
    const lines = new RevalidationLines();
    const first = lines.arrive('k') as LeadTurn;
    const left = lines.arrive('k', () => true) as Promise<Turn>;
    const stayed = lines.arrive('k', () => false) as Promise<Turn>;
    first.settle(CONFIRMED);
    expect((await left).lead).toBe(false);
    asLead(await stayed).settle(CONFIRMED);
    expect(lines.inFlight).toBe(0);
  });

  it('sends nothing more when everyone waiting has gone, and frees the key', async () => {
    const lines = new RevalidationLines();
    const first = lines.arrive('k') as LeadTurn;
    const left = lines.arrive('k', () => true) as Promise<Turn>;
    first.settle(CONFIRMED);
    const turn = await left;
    expect(turn.lead ? 'lead' : await turn.outcome).toBeNull();
    expect(lines.inFlight).toBe(0);
  });
});
