// GET /metrics is for the scraper only: with METRICS_TOKEN configured, its bearer token gets 200 and
// anything else 401 in the contract's error shape; without METRICS_TOKEN the route is not served (404),
// in production as in development. Every answer is held to /openapi.json (testApp).
import { describe, expect, it } from "vitest";
import { call, METRICS_TOKEN, scrape } from "../support/fixtures.ts";
import { stack, testApp } from "../support/stack.ts";

const guarded = testApp({ METRICS_TOKEN }).app;
const unset = testApp().app;
const { servers, jwtSecret } = stack();
const production = testApp({
  APP_ENV: "production",
  JWT_SECRET: jwtSecret,
  DATABASE_URL: servers.databaseUrl,
  POOLER_URL: servers.poolerUrl,
}).app;

describe("GET /metrics with METRICS_TOKEN", () => {
  it("answers the scraper's bearer token with the Prometheus text", async () => {
    const res = await scrape(guarded);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await res.text()).toMatch(/^# TYPE buildflow_tenant_clients_live gauge$/m);
  });

  it("refuses no token, another token and other schemes with 401 in the error shape, showing nothing", async () => {
    const attempts: Record<string, string | undefined> = {
      none: undefined,
      "another token": `Bearer ${METRICS_TOKEN}x`,
      "a prefix": `Bearer ${METRICS_TOKEN.slice(0, -1)}`,
      "upper-cased": `Bearer ${METRICS_TOKEN.toUpperCase()}`,
      basic: `Basic ${btoa(`prometheus:${METRICS_TOKEN}`)}`,
      "the bare token": METRICS_TOKEN,
    };
    for (const [label, authorization] of Object.entries(attempts)) {
      const res = await call(guarded, "GET", "/metrics", {
        headers: authorization ? { Authorization: authorization } : {},
      });
      expect(res.status, label).toBe(401);
      expect(res.body, label).toEqual({ error: expect.any(String), code: "unauthorized" });
    }
  });
});

describe("GET /metrics without METRICS_TOKEN", () => {
  it.each([["development", unset], ["production", production]])(
    "is not served in %s: 404",
    async (_, app) => {
      const tries: Record<string, string>[] = [{}, { Authorization: `Bearer ${METRICS_TOKEN}` }];
      for (const headers of tries) {
        const res = await call(app, "GET", "/metrics", { headers });
        expect(res.status).toBe(404);
        expect(res.body).toMatchObject({ code: "not_found" });
      }
    },
  );
});
