// The API's request metrics in Prometheus text format: requests by route and status, a latency
// histogram per route, and gauges the app supplies (registry, admission, cache). Routes are labelled
// by their pattern (/api/clients/:id), never by agency, and methods from a fixed set, so label
// cardinality stays fixed. Served by src/http/metrics-routes.ts.
import { createMiddleware } from "hono/factory";

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
// Any other method a client sends is counted as OTHER: a label value must never come from the client.
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

type Histogram = { counts: number[]; sum: number; count: number };

export function createMetrics() {
  const requests = new Map<string, number>();
  const latency = new Map<string, Histogram>();

  const middleware = createMiddleware(async function metrics(c, next) {
    const started = performance.now();
    await next();
    const seconds = (performance.now() - started) / 1000;
    const route = c.res.status === 404 && c.req.routePath === "/*" ? "unmatched" : c.req.routePath;
    const method = METHODS.has(c.req.method) ? c.req.method : "OTHER";
    const labels = `method="${method}",route="${route}"`;
    const key = `${labels},status="${c.res.status}"`;
    requests.set(key, (requests.get(key) ?? 0) + 1);
    let h = latency.get(labels);
    if (!h) latency.set(labels, h = { counts: BUCKETS.map(() => 0), sum: 0, count: 0 });
    BUCKETS.forEach((le, i) => seconds <= le && h.counts[i]++);
    h.sum += seconds;
    h.count++;
  });

  function render(gauges: Record<string, number>): string {
    const lines = [
      "# HELP buildflow_http_requests_total Requests by method, route pattern and status.",
      "# TYPE buildflow_http_requests_total counter",
      ...[...requests].map(([labels, n]) => `buildflow_http_requests_total{${labels}} ${n}`),
      "# HELP buildflow_http_request_duration_seconds Request latency by method and route pattern.",
      "# TYPE buildflow_http_request_duration_seconds histogram",
    ];
    for (const [labels, h] of latency) {
      BUCKETS.forEach((le, i) =>
        lines.push(`buildflow_http_request_duration_seconds_bucket{${labels},le="${le}"} ${h.counts[i]}`)
      );
      lines.push(`buildflow_http_request_duration_seconds_bucket{${labels},le="+Inf"} ${h.count}`);
      lines.push(`buildflow_http_request_duration_seconds_sum{${labels}} ${h.sum}`);
      lines.push(`buildflow_http_request_duration_seconds_count{${labels}} ${h.count}`);
    }
    const typed = new Set<string>();
    for (const [name, value] of Object.entries(gauges)) {
      // A name may carry labels (`tenant_clients_live{cluster="local"}`): one TYPE line per metric.
      const metric = name.split("{")[0];
      if (!typed.has(metric)) {
        lines.push(`# TYPE buildflow_${metric} ${metric.endsWith("_total") ? "counter" : "gauge"}`);
      }
      typed.add(metric);
      lines.push(`buildflow_${name} ${Number.isFinite(value) ? value : value > 0 ? "+Inf" : "-Inf"}`);
    }
    return lines.join("\n") + "\n";
  }

  /** Every route's requests and latency buckets added up: what the live page samples every few
   * seconds (walks the routes, not the requests). */
  function totals(): { count: number; buckets: number[] } {
    const buckets = BUCKETS.map(() => 0);
    let count = 0;
    for (const h of latency.values()) {
      h.counts.forEach((n, i) => buckets[i] += n);
      count += h.count;
    }
    return { count, buckets };
  }

  return { middleware, render, totals };
}

/** The `q` quantile, in seconds, of the requests counted in cumulative `buckets` (as Prometheus's
 * histogram_quantile: linear within the bucket; the top finite bound past it); null without any. */
export function bucketQuantile(q: number, buckets: number[], count: number): number | null {
  if (count === 0) return null;
  const rank = q * count;
  const i = buckets.findIndex((n) => n >= rank);
  if (i === -1) return BUCKETS.at(-1)!;
  const [lower, below] = i === 0 ? [0, 0] : [BUCKETS[i - 1], buckets[i - 1]];
  const inBucket = buckets[i] - below;
  return lower + (BUCKETS[i] - lower) * (inBucket ? (rank - below) / inBucket : 1);
}

export type Metrics = ReturnType<typeof createMetrics>;
