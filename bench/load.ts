import autocannon from 'autocannon';

export type LoadSettings = { connections: number; warmupSeconds: number; durationSeconds: number };

export type Measurement = {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Non-2xx answers, connection errors and time-outs together; a valid run has none. */
  failures: number;
  /** How long the warm-up ran before this measurement, in seconds. */
  warmedUpSeconds: number;
};

function fire(url: string, cookie: string, connections: number, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url,
    connections,
    duration: seconds,
    // Keep-alive HTTP/1.1 connections, one request in flight on each: like browsers behind a proxy.
    pipelining: 1,
    timeout: 10,
    headers: { cookie, accept: 'application/json' },
  });
}

// PGlite's WebAssembly and its JS protocol code reach full speed only after several seconds of
// load (V8 tiers up hot functions lazily), so a fixed 2 s warm-up measured a cold database.
const MAX_WARMUP_SECONDS = 14;
const STEADY_WITHIN = 0.1;

/**
 * Warms up in `warmupSeconds` steps until two steps in a row agree within 10 % (at most 14 s),
 * throws that away, then measures.
 */
export async function measure(url: string, cookie: string, s: LoadSettings): Promise<Measurement> {
  let warmed = 0;
  let previous = -1;
  while (s.warmupSeconds > 0 && warmed < MAX_WARMUP_SECONDS) {
    const r = await fire(url, cookie, s.connections, s.warmupSeconds);
    warmed += s.warmupSeconds;
    const rate = r.requests.average;
    if (previous > 0 && Math.abs(rate - previous) / previous <= STEADY_WITHIN) break;
    previous = rate;
  }
  const r = await fire(url, cookie, s.connections, s.durationSeconds);
  return {
    requestsPerSecond: Math.round(r.requests.average),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    requests: r.requests.total,
    failures: r.non2xx + r.errors + r.timeouts,
    warmedUpSeconds: warmed,
  };
}
