/**
 * Load on one HTTP endpoint with autocannon, on 127.0.0.1 only, bounded in time and in count:
 * first one connection (latency a single user sees), then several (throughput when saturated).
 * Response times come from autocannon's per-response event in fractional milliseconds; its own
 * histogram keeps whole milliseconds, too coarse for a 5 ms budget.
 */
import autocannon from 'autocannon';
import type { LoadFigures, LatencyFigures, TargetName, TargetResult } from './results-schema';
import { round, summarize } from './stats';

export type LoadTarget = {
  target: TargetName;
  origin: string;
  path: string;
  headers: Record<string, string>;
  /** Requests each connection sends in turn instead of `path` + `headers` (e.g. one per signed-in person). */
  rotate?: { path: string; headers: Record<string, string> }[];
};

export type LoadSettings = {
  warmupSeconds: number;
  latencySeconds: number;
  latencyMaxRequests: number;
  loadSeconds: number;
  loadMaxRequests: number;
  connections: number;
};

type RunOutcome = { times: number[]; seconds: number; failures: number };

function assertLoopback(origin: string): void {
  const host = new URL(origin).hostname;
  if (host !== '127.0.0.1') throw new Error(`bench load goes to 127.0.0.1 only, not ${host}`);
}

function run(t: LoadTarget, connections: number, seconds: number, maxRequests: number): Promise<RunOutcome> {
  assertLoopback(t.origin);
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    const started = performance.now();
    // autocannon stops itself on `duration`; this guards against a server that stops answering.
    const guard = setTimeout(() => instance.stop(), (seconds + 15) * 1000);
    maxRequests = Math.max(1, Math.round(maxRequests));
    const instance = autocannon(
      {
        url: t.origin + t.path,
        connections,
        duration: seconds,
        maxOverallRequests: maxRequests,
        headers: t.headers,
        ...(t.rotate ? { requests: t.rotate.map((r) => ({ method: 'GET', path: r.path, headers: r.headers })) } : {}),
        timeout: 30,
      },
      (error, result) => {
        clearTimeout(guard);
        if (error) return reject(error);
        resolve({ times, seconds: (performance.now() - started) / 1000, failures: result.errors + result.non2xx });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) times.push(responseTime);
    });
  });
}

/** Fetches the page once: it must answer 200, and its size goes in the report. */
export async function fetchOnce(t: LoadTarget): Promise<Buffer> {
  assertLoopback(t.origin);
  const response = await fetch(t.origin + t.path, { headers: t.headers, signal: AbortSignal.timeout(60_000) });
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) {
    throw new Error(`${t.target}: GET ${t.path} answered ${response.status}: ${body.toString('utf8').slice(0, 300)}`);
  }
  return body;
}

/**
 * Every target, in rounds: each round gives each target a latency run and a load run, one target
 * after another, so a burst of noise from elsewhere on the machine lands on all of them alike.
 */
export async function measureTargets(targets: LoadTarget[], s: LoadSettings, rounds: number): Promise<TargetResult[]> {
  const acc = targets.map(() => ({ bodyBytes: 0, single: [] as number[], loaded: [] as number[], loadSeconds: 0, failures: 0 }));
  for (const [i, t] of targets.entries()) {
    acc[i]!.bodyBytes = (await fetchOnce(t)).length;
    // At the load's own concurrency: a proxy opens its pool of upstream connections and compiles
    // its concurrent paths on the first burst, which would otherwise fall inside the measured second.
    if (s.warmupSeconds > 0) await run(t, s.connections, s.warmupSeconds, s.loadMaxRequests);
  }
  for (let round = 0; round < rounds; round++) {
    for (const [i, t] of targets.entries()) {
      const a = acc[i]!;
      const single = await run(t, 1, s.latencySeconds / rounds, s.latencyMaxRequests / rounds);
      const loaded = await run(t, s.connections, s.loadSeconds / rounds, s.loadMaxRequests / rounds);
      // A server slower than the load (json-server at 100,000 tasks) is still working through the
      // requests autocannon left behind, and would take the CPU from the next target's run. One
      // more request queues behind them: its answer means the backlog is done.
      await fetchOnce(t);
      a.single.push(...single.times);
      a.loaded.push(...loaded.times);
      a.loadSeconds += loaded.seconds;
      a.failures += single.failures + loaded.failures;
    }
  }
  return targets.map((t, i) => {
    const a = acc[i]!;
    const one = summarize(a.single);
    const many = summarize(a.loaded);
    const latency: LatencyFigures = { requests: one.count, p50: round(one.p50), p99: round(one.p99), mean: round(one.mean) };
    const load: LoadFigures = {
      connections: s.connections,
      requests: many.count,
      seconds: round(a.loadSeconds),
      rps: Math.round(many.count / a.loadSeconds),
      p50: round(many.p50),
      p99: round(many.p99),
    };
    return { target: t.target, request: t.path, bodyBytes: a.bodyBytes, latency, load, errors: a.failures };
  });
}
