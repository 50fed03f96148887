// Liveness and readiness: /healthz says the process is up, /readyz that the catalog, its pooler and
// every open cluster's pooler answer (a load balancer takes an instance out of rotation on 503).
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "./app-env.ts";
import { ping, type Sql } from "../platform/db.ts";
import type { ClusterDirectory } from "../tenancy/cluster-directory.ts";

export type HealthDeps = { control: Sql; catalog: Sql; clusters: ClusterDirectory };

const PROBE_TIMEOUT_MS = 2000;

export const healthSchema = z.strictObject({ status: z.literal("ok") });
const checks = z.strictObject({
  catalog: z.boolean(),
  pooler: z.boolean(),
  /** Each open cluster's pooler; false when the catalog's clusters could not be resolved. */
  clusters: z.union([z.record(z.string(), z.boolean()), z.literal(false)]),
});
export const readySchema = z.strictObject({ status: z.literal("ready"), checks });
/** The 503: the contract's error, with the checks that failed. */
export const notReadySchema = z.object({ error: z.string(), code: z.literal("unavailable"), checks });

const answers = async (probe: Promise<unknown>) => await probe.then(() => true, () => false);

export function healthRoutes({ control, catalog, clusters }: HealthDeps) {
  return new Hono<AppEnv>()
    .get("/healthz", (c) => c.json({ status: "ok" }))
    .get("/readyz", async (c) => {
      const [database, pooler, open] = await Promise.all([
        answers(ping(control, PROBE_TIMEOUT_MS)),
        answers(ping(catalog, PROBE_TIMEOUT_MS)),
        // A cluster the catalog lists but whose secrets are missing makes the instance unready.
        clusters.all().then((all) => all.filter((cluster) => cluster.state === "open"), () => undefined),
      ]);
      const clusterChecks = Object.fromEntries(
        await Promise.all(
          (open ?? []).map(async (cl) => [cl.cluster, await answers(ping(cl.pooler, PROBE_TIMEOUT_MS))]),
        ),
      );
      const checks = { catalog: database, pooler, clusters: open ? clusterChecks : false };
      if (database && pooler && open && Object.values(clusterChecks).every(Boolean)) {
        return c.json({ status: "ready", checks });
      }
      c.header("Retry-After", "2");
      return c.json({ error: "Not ready", code: "unavailable", checks }, 503);
    });
}
