// The live page's samples: p95 from the latency histogram as Prometheus computes it, and a sampler
// that reads the counters every interval, not on each request.
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { createLiveMetrics } from "../../src/ops/live-metrics.ts";
import { bucketQuantile, createMetrics } from "../../src/ops/metrics.ts";
import { sleep } from "../support/fixtures.ts";

describe("bucketQuantile", () => {
  // Cumulative counts for le = 5, 10, 25, 50, 100, 250, 500 ms, 1, 2.5, 5 s.
  it("interpolates within the bucket holding the rank", () => {
    expect(bucketQuantile(0.95, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0)).toBeNull();
    expect(bucketQuantile(0.5, [100, 100, 100, 100, 100, 100, 100, 100, 100, 100], 100)).toBeCloseTo(0.0025);
    // 90 requests under 10 ms, 10 between 10 and 25 ms: the 95th is half way through the third bucket.
    expect(bucketQuantile(0.95, [0, 90, 100, 100, 100, 100, 100, 100, 100, 100], 100)).toBeCloseTo(0.0175);
    // Past the last finite bound: that bound, as histogram_quantile answers.
    expect(bucketQuantile(0.95, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 10)).toBe(5);
  });
});

describe("createLiveMetrics", () => {
  it("samples requests per second, p95 and the gauges every interval", async () => {
    const metrics = createMetrics();
    const app = new Hono().use(metrics.middleware).get("/x", async (c) => {
      await sleep(12);
      return c.text("ok");
    });
    const live = createLiveMetrics({
      metrics,
      gauges: () => ({ admissionActive: 1, admissionWaiting: 2, tenantClients: 3 }),
      intervalMs: 200,
      keep: 3,
    });
    live.start();
    try {
      await Promise.all(Array.from({ length: 20 }, () => app.request("/x")));
      await sleep(230);
      const [first] = live.samples();
      expect(first.requestsPerSecond).toBeGreaterThan(10); // 20 in 0.2 s, or longer on a busy machine
      // Each request sleeps 12 ms: a p95 above that is measured, not made up (no timing bound on top).
      expect(first.p95Ms).toBeGreaterThan(10);
      expect(first).toMatchObject({ admissionActive: 1, admissionWaiting: 2, tenantClients: 3 });
      await sleep(700);
      expect(live.samples()).toHaveLength(3); // the oldest dropped
      expect(live.samples().at(-1)).toMatchObject({ requestsPerSecond: 0, p95Ms: null });
    } finally {
      live.stop();
    }
  });
});
