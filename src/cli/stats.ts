// `deno task stats`: agencies by status and schema version, the largest databases, connections per
// database and PgBouncer's pools, as tables.
import { collectStats } from "../ops/stats.ts";
import { withCliContext } from "./context.ts";
import { exitOnError } from "./exit.ts";
import { table } from "./output.ts";

await exitOnError(() =>
  withCliContext(async ({ controlPlane: { control }, lifecycle }) => {
    const stats = await collectStats(control, lifecycle.poolerAdmin);
    const section = (title: string, rows: Record<string, unknown>[]) =>
      console.log(`\n${title}\n${rows.length ? table(rows) : "(none)"}`);
    section("Agencies by status", stats.agencies.byStatus);
    section("Agencies by schema version", stats.agencies.bySchemaVersion);
    section(
      `Largest databases (${stats.databases.count} agency databases, ${
        (stats.databases.totalBytes / 2 ** 20).toFixed(1)
      } MiB)`,
      stats.databases.largest.map((d) => ({ database: d.database, mib: (d.bytes / 2 ** 20).toFixed(1) })),
    );
    section("Connections (pg_stat_activity)", stats.connections);
    if (stats.pooler) {
      section("PgBouncer", [{
        pools: stats.pooler.pools,
        ...stats.pooler.serverConnections,
        ...stats.pooler.clients,
      }]);
    }
  })
);
