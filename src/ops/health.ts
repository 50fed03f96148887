// Liveness and readiness: /healthz says the process is up, /readyz that the catalog and the
// pooler both answer (a load balancer takes an instance out of rotation on 503).
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../platform/app-env.ts";
import { ping, type Sql } from "../platform/db.ts";

export type HealthDeps = { control: Sql; catalog: Sql };

const PROBE_TIMEOUT_MS = 2000;

export const healthSchema = z.strictObject({ status: z.literal("ok") });
const checks = z.strictObject({ catalog: z.boolean(), pooler: z.boolean() });
export const readySchema = z.strictObject({ status: z.literal("ready"), checks });
/** The 503: the contract's error, with the checks that failed. */
export const notReadySchema = z.object({ error: z.string(), code: z.literal("unavailable"), checks });

export function healthRoutes({ control, catalog }: HealthDeps) {
  return new Hono<AppEnv>()
    .get("/healthz", (c) => c.json({ status: "ok" }))
    .get("/readyz", async (c) => {
      const [database, pooler] = await Promise.allSettled([
        ping(control, PROBE_TIMEOUT_MS),
        ping(catalog, PROBE_TIMEOUT_MS),
      ]);
      const checks = { catalog: database.status === "fulfilled", pooler: pooler.status === "fulfilled" };
      if (checks.catalog && checks.pooler) return c.json({ status: "ready", checks });
      c.header("Retry-After", "2");
      return c.json({ error: "Not ready", code: "unavailable", checks }, 503);
    });
}
