// The last minutes of the API's own metrics, for the console's live page: sampled every few seconds
// from the in-process counters the metrics middleware already keeps, so agency requests pay nothing
// for it. Per instance, like /metrics.
import { bucketQuantile, type Metrics } from "./metrics.ts";

export type LiveSample = {
  /** Milliseconds since the epoch. */
  t: number;
  requestsPerSecond: number;
  p95Ms: number | null;
  admissionActive: number;
  admissionWaiting: number;
  /** Live agency clients, each holding its connections to PgBouncer. */
  tenantClients: number;
};

export type LiveMetricsOptions = {
  metrics: Metrics;
  gauges(): Pick<LiveSample, "admissionActive" | "admissionWaiting" | "tenantClients">;
  intervalMs?: number;
  /** Samples kept: 120 at 5 s is the last 10 minutes. */
  keep?: number;
};

export function createLiveMetrics({ metrics, gauges, intervalMs = 5000, keep = 120 }: LiveMetricsOptions) {
  const samples: LiveSample[] = [];
  let last = { at: Date.now(), ...metrics.totals() };
  let timer: ReturnType<typeof setInterval> | undefined;

  function sample() {
    const now = { at: Date.now(), ...metrics.totals() };
    const count = now.count - last.count;
    const p95 = bucketQuantile(0.95, now.buckets.map((n, i) => n - last.buckets[i]), count);
    samples.push({
      t: now.at,
      requestsPerSecond: Math.round((count / Math.max(0.001, (now.at - last.at) / 1000)) * 10) / 10,
      p95Ms: p95 === null ? null : Math.round(p95 * 10_000) / 10,
      ...gauges(),
    });
    if (samples.length > keep) samples.shift();
    last = now;
  }

  return {
    intervalMs,
    keep,
    /** Samples every `intervalMs` until stop(); the timer does not keep the process alive. */
    start() {
      if (timer !== undefined) return;
      last = { at: Date.now(), ...metrics.totals() };
      Deno.unrefTimer(timer = setInterval(sample, intervalMs));
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
    samples: (): readonly LiveSample[] => samples,
  };
}

export type LiveMetrics = ReturnType<typeof createLiveMetrics>;
