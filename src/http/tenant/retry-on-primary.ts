// Step 4: a read whose replica failed (down, restarting, not yet holding the database; not the query's
// own error) is served again from the top, once, on the primary: out of admission and the replica's
// client, so the retry takes its own slot. The replica leaves rotation until its next good poll.
import { createMiddleware } from "hono/factory";
import { isConnectionLost } from "../../platform/db.ts";
import type { ReplicaRouter } from "../../tenancy/replica-router.ts";
import type { TenantEnv } from "./variables.ts";

export type RetryOnPrimaryOptions = {
  replicas?: ReplicaRouter;
  /** Where the retried reads are noted, for chooseDatabase to keep them on the primary. */
  retried: WeakSet<Request>;
  /** Serves a request again from the top (the app's fetch). */
  dispatch(request: Request, env: unknown): Promise<Response>;
};

/** A failure of the replica itself, not the query's: the primary can answer instead. */
export const replicaFailed = (error: unknown) =>
  isConnectionLost(error) || /^(08|57P0|3D000|53300)/.test((error as { code?: string })?.code ?? "");

export function retryOnPrimary({ replicas, retried, dispatch }: RetryOnPrimaryOptions) {
  return createMiddleware<TenantEnv>(async function retryOnPrimary(c, next) {
    try {
      await next();
    } catch (error) {
      const { database } = c.var;
      if (!replicas || !database?.replica || !replicaFailed(error)) throw error;
      replicas.retried(database.cluster, database.replica);
      retried.add(c.req.raw);
      c.res = await dispatch(c.req.raw, c.env);
    }
  });
}
