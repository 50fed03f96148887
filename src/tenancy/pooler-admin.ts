// PgBouncer's admin console (database `pgbouncer`): KILL and RESUME a database's pools before it is
// dropped (PgBouncer keeps idle server connections open), and SHOW POOLS / SHOW TOTALS for stats.
// The console speaks only the simple query protocol and takes no bind parameters.
import { connect } from "../platform/db.ts";
import { assertAgencyDatabaseName } from "./database-name.ts";

export type PoolerAdmin = ReturnType<typeof createPoolerAdmin>;

export function createPoolerAdmin(url: string) {
  const sql = connect(url, { max: 1, applicationName: "buildflow-control" });
  // Names are checked against the agency pattern, so interpolating them is safe.
  const command = (verb: "KILL" | "RESUME", database: string) =>
    sql.unsafe(`${verb} ${assertAgencyDatabaseName(database)}`).simple().catch((error) => {
      if (!/no such database|not paused/i.test(String(error?.message))) throw error;
    });
  return {
    /** Closes every client and server connection PgBouncer holds for the database. */
    kill: (database: string) => command("KILL", database),
    resume: (database: string) => command("RESUME", database),
    /** Closes the database's connections (KILL), then lets new clients wait for a server again
     * (RESUME): what a change that ends an agency's traffic, or moves its database, does on this
     * process's PgBouncer, and every API instance on its own once the change is announced. */
    async disconnect(database: string) {
      await command("KILL", database);
      await command("RESUME", database);
    },
    pools: () => sql.unsafe("SHOW POOLS").simple(),
    totals: () => sql.unsafe("SHOW TOTALS").simple(),
    end: () => sql.end({ timeout: 5 }),
  };
}
