// GET /metrics in Prometheus text format (src/ops/metrics.ts), for a scraper with METRICS_TOKEN only.
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { timingSafeEqual } from "hono/utils/buffer";
import { bearerToken } from "../auth/bearer.ts";
import type { Metrics } from "../ops/metrics.ts";
import { unauthorized } from "../platform/errors.ts";
import type { AppEnv } from "./app-env.ts";

/** 401 unless the request carries `token` as its bearer token (compared in constant time). */
function scraperOnly(token: string) {
  return createMiddleware<AppEnv>(async function scraperOnly(c, next) {
    const presented = bearerToken(c, "Metrics need the METRICS_TOKEN bearer token");
    if (!(await timingSafeEqual(presented, token))) throw unauthorized("Wrong metrics token");
    await next();
  });
}

/** GET /metrics for the bearer of `token`; without a token, no such route (404): the fleet's shape
 * (cluster names, agency counts, traffic, pools) is never public. */
export function metricsRoutes(
  metrics: Metrics,
  gauges: () => Promise<Record<string, number>>,
  token?: string,
) {
  const routes = new Hono<AppEnv>();
  if (!token) return routes;
  return routes.get(
    "/metrics",
    scraperOnly(token),
    async (c) => c.text(metrics.render(await gauges()), 200, { "Content-Type": "text/plain; version=0.0.4" }),
  );
}
