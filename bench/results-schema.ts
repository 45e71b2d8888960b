/** The shape of bench/results/latest.json: what one `npm run bench` measured, and where. */
import type { BundleReport } from '../scripts/check-bundle-size.mjs';

export type Machine = {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  chromium: string | null;
};

/** One connection, one request after another: the time a single user waits. */
export type LatencyFigures = { requests: number; p50: number; p99: number; mean: number };

/** Several connections at once: how many requests the server answers per second when saturated. */
export type LoadFigures = { connections: number; requests: number; seconds: number; rps: number; p50: number; p99: number };

export type TargetName = 'proxy' | 'direct' | 'limit' | 'jsonServer';

export type TargetResult = {
  target: TargetName;
  /** Path and query sent (the host is a loopback port). */
  request: string;
  bodyBytes: number;
  latency: LatencyFigures;
  load: LoadFigures;
  /** Non-2xx answers and socket errors across both runs: anything above 0 makes the figures suspect. */
  errors: number;
};

export type ApiSizeResult = { tasks: number; targets: TargetResult[] };

export type BulkResult = {
  matching: number;
  filter: { requests: number; ms: number; updated: number; request: string };
  perTask: { requests: number; ms: number; failed: number };
};

export type LongTaskFigures = { count: number; maxMs: number; totalMs: number };

/** Painted times per load and medians; `readyMedianMs`: until the app had taken the page over (the app's loads only). */
export type ColdLoadFigures = { runs: number[]; medianMs: number; firstInDomMedianMs: number; readyMedianMs?: number };

export type BrowserResult = {
  tasks: number;
  coldLoad: ColdLoadFigures;
  /** The same first view saved as a page with no scripts, loaded in turns with the app: the limit. */
  staticPage?: ColdLoadFigures | { skipped: string };
  complete: {
    method: 'key e' | 'click Complete';
    samples: number[];
    p50: number;
    p95: number;
    /** Requests to /api/ from the first action until the app has been quiet for a few seconds. */
    apiRequests?: number;
  };
  loaded: {
    target: number;
    loaded: number;
    /** Requests the list made to get there (pages of tasks). */
    pageRequests: number;
    loadSeconds: number;
    domNodes: number;
    articles: number;
    heapUsedMb: number;
    longTasksWhileLoading: LongTaskFigures;
    longTasksWhileScrolling: LongTaskFigures;
    scrollSteps: number;
  } | { skipped: string };
};

export type BundleResult = BundleReport & { built: boolean };

export type Skipped = { skipped: string };

export type BenchResults = {
  version: 1;
  mode: 'full' | 'quick';
  date: string;
  seconds: number;
  machine: Machine;
  inboxQuery: string;
  tzOffset: string;
  api: ApiSizeResult[];
  bulk: BulkResult | Skipped;
  browser: BrowserResult | Skipped;
  bundle: BundleResult | Skipped;
  /** Signed-in people (issue 14); absent in results from before sessions. */
  sessions?: SessionsResult | Skipped;
  /** The manager's desk (issue 17); absent in results from before it. */
  desk?: DeskResult | Skipped;
  /** The Outreach inbox (issue 18); absent in results from before it. */
  outreach?: OutreachResult | Skipped;
  notes: string[];
};

/** Every count of every rep, once: how long until the last one was known, and the requests it took. */
export type DeskCountRun = { ms: number; requests: number };

/** The manager's desk (bench/desk.ts): counting a team's workload, and a rebalance. */
export type DeskResult = {
  reps: number;
  tasksPerRep: number;
  openTasks: number;
  /** Requests the desk keeps in flight. */
  concurrency: number;
  /** The desk from cold (no hints), each run. */
  cold: DeskCountRun[];
  coldMedianMs: number;
  /** Again, with the last counts as hints, as the desk refreshes. */
  refresh: DeskCountRun;
  /** One page after another, one count after another, one rep after another: the median run, and each. */
  naive: DeskCountRun;
  naiveRuns: DeskCountRun[];
  /** The desk's counts equal those read page by page. */
  countsAgree: boolean;
  /** Both ways against a server with Close's per-key rate limit. */
  limited: { rateLimit: number; desk: DeskCountRun; naive: DeskCountRun };
  /** N of one rep's open tasks spread evenly over other reps: the bulk PUTs, after the GETs that list the ids. */
  rebalance: { tasks: number; reps: number; writes: number; reads: number; perRep: number[]; writeMs: number; readMs: number; moved: number };
};

/** One first view (bench/outreach.ts): the HTML to its last byte, cold then warm, and the cards in it. */
export type OutreachFirstView = { coldMs: number; warm: LatencyFigures; bytes: number; cards: number };

/** The Outreach inbox on BACKEND=outreach-demo (bench/outreach.ts): its first view and its pages. */
export type OutreachResult = {
  tasks: number;
  tzOffset: string;
  /** `everyone`: every rep's inbox (the large one); `mine`: the demo user's own. */
  firstView: { everyone: OutreachFirstView; mine: OutreachFirstView };
  /** `first`: page 1 of everyone's inbox; `next`: each following page, read in turn (Outreach's cursor). */
  pages: { pageSize: number; pagesPerRound: number; rounds: number; tasksRead: number; first: LatencyFigures; next: LatencyFigures; errors: number };
};

/** Time per request: p50/p99 over `requests` answered with 2xx; `errors` counts everything else. */
export type PollFigures = {
  people: number;
  seconds: number;
  intervalMs: number;
  requests: number;
  p50: number;
  p99: number;
  errors: number;
  /** What the errors were: an HTTP status, `timeout` or `network`. */
  errorKinds: Record<string, number>;
};

/** One session store under the same load: who signed in, their polling, and what a session costs the proxy. */
export type SessionStoreResult = {
  store: 'sqlite' | 'postgres';
  signIn: { people: number; p50: number; p99: number; errors: number };
  polling: PollFigures;
  /** Answers that were not the asker's own (another person's /me/ or tasks): must be 0. */
  crossedAnswers: number;
  /** The same inbox page for the same user, one connection: without a session (the default key) and with one. */
  lookup: { withoutSession: LatencyFigures; withSession: LatencyFigures; costP50Ms: number };
  /** The store alone, in the bench's process: `findSession` one after another over every person's row. */
  storeLookup: LatencyFigures;
  /** Several connections, each request with the next person's cookie, next to the limit server in the same minute. */
  /**
   * withoutSession: the manager's page with no cookie (the default key); direct: the same rotation
   * of people straight to the embedded API with their keys (no proxy, no session), for comparison.
   */
  throughput: { withSessions: LoadFigures; withoutSession: LoadFigures; direct: LoadFigures; limit: LoadFigures; errors: number };
};

export type SessionsResult = { people: number; request: string; stores: (SessionStoreResult | (Skipped & { store: 'sqlite' | 'postgres' }))[] };

export function isSkipped(value: object): value is Skipped {
  return 'skipped' in value;
}
