// Step 7: the handler's client for the chosen database (c.var.sql), held until the response is built.
// A replica's own failure is thrown on, for retryOnPrimary to serve the read again.
import { createMiddleware } from "hono/factory";
import type { TenantClients } from "../../tenancy/tenant-clients.ts";
import { replicaFailed } from "./retry-on-primary.ts";
import type { TenantEnv } from "./variables.ts";

export function connectDatabase({ clients }: { clients: TenantClients }) {
  return createMiddleware<TenantEnv>(async function connectDatabase(c, next) {
    const { database } = c.var;
    await clients.use(database, async (sql) => {
      c.set("sql", sql);
      await next();
      // The handler's error has been answered already (c.error): thrown again only to be retried.
      if (database.replica && c.error && replicaFailed(c.error)) throw c.error;
    });
  });
}
