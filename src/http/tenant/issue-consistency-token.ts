// Step 8: after a write on a cluster with replicas, where it committed (the primary's position now is at
// or past its commit record): noted for this instance's next reads of the agency, and answered as
// X-Consistency-Token for the client to send back to any instance.
import { createMiddleware } from "hono/factory";
import { consistencyToken, currentLsn, type ReplicaRouter } from "../../tenancy/replica-router.ts";
import { isRead } from "./gate-agency.ts";
import type { TenantEnv } from "./variables.ts";

/** Sent back by a client, it makes a read wait for (or skip) replicas behind its write. */
export const CONSISTENCY_TOKEN = "X-Consistency-Token";

export function issueConsistencyToken({ replicas }: { replicas?: ReplicaRouter }) {
  return createMiddleware<TenantEnv>(async function issueConsistencyToken(c, next) {
    await next();
    const { agency } = c.var;
    if (!isRead(c.req.method) && c.res.status < 400 && replicas?.serves(agency.cluster)) {
      const lsn = await currentLsn(c.var.sql);
      replicas.noteWrite(agency.id, agency.cluster, lsn);
      c.header(CONSISTENCY_TOKEN, consistencyToken(agency.cluster, lsn));
    }
  });
}
