// Step 3: where the request's queries run. A read goes to a replica of the agency's cluster that has
// replayed what it must see (the agency's last write known here, or the X-Consistency-Token the client
// sends back), else to the primary, with no wait; everything else runs on the primary.
import { createMiddleware } from "hono/factory";
import { badRequest } from "../../platform/errors.ts";
import { parseConsistencyToken, type ReplicaRouter } from "../../tenancy/replica-router.ts";
import { isRead } from "./gate-agency.ts";
import { CONSISTENCY_TOKEN } from "./issue-consistency-token.ts";
import type { TenantEnv } from "./variables.ts";

export type ChooseDatabaseOptions = {
  /** Where reads may run; with none, everything runs on the primary. */
  replicas?: ReplicaRouter;
  /** Reads served again after their replica failed (retryOnPrimary): the primary's. */
  retried: WeakSet<Request>;
};

export function chooseDatabase({ replicas, retried }: ChooseDatabaseOptions) {
  return createMiddleware<TenantEnv>(async function chooseDatabase(c, next) {
    const { agency } = c.var;
    const sent = c.req.header(CONSISTENCY_TOKEN);
    const token = sent === undefined ? undefined : parseConsistencyToken(sent);
    if (sent !== undefined && !token) {
      throw badRequest(`Bad ${CONSISTENCY_TOKEN}`, [{
        path: CONSISTENCY_TOKEN,
        message: "is not a token we issued",
      }]);
    }
    const replicaMayServe = isRead(c.req.method) && replicas && !retried.has(c.req.raw);
    c.set("database", replicaMayServe ? { ...agency, ...replicas.route(agency, token) } : agency);
    await next();
  });
}
