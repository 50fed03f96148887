// `deno task stats`: agencies by status and schema version, the largest databases, connections per
// database and PgBouncer's pools, as tables.
import { collectStats } from "../ops/stats.ts";
import { withCliContext } from "./context.ts";
import { exitOnError } from "./exit.ts";
import { table } from "./output.ts";

await exitOnError(() =>
  withCliContext(async ({ control, clusters }) => {
    const stats = await collectStats(control, await clusters.all());
    const section = (title: string, rows: Record<string, unknown>[]) =>
      console.log(`\n${title}\n${rows.length ? table(rows) : "(none)"}`);
    section("Agencies by status", stats.agencies.byStatus);
    section("Agencies by schema version", stats.agencies.bySchemaVersion);
    section("Clusters", stats.agencies.byCluster);
    section("Cold agencies (no database: a dump each)", [{
      ...stats.cold,
      dumpBytes: undefined,
      "dumps MiB": (stats.cold.dumpBytes / 2 ** 20).toFixed(1),
    }]);
    section(
      `Largest databases (${stats.databases.count} agency databases, ${
        (stats.databases.totalBytes / 2 ** 20).toFixed(1)
      } MiB)`,
      stats.databases.largest.map((d) => ({
        cluster: d.cluster,
        database: d.database,
        mib: (d.bytes / 2 ** 20).toFixed(1),
      })),
    );
    section("Connections (pg_stat_activity)", stats.connections);
    section(
      "Replicas",
      stats.clusters.flatMap((c) => (c.replicas ?? []).map((r) => ({ cluster: c.cluster, ...r }))),
    );
    const iso = (t: Date | null | undefined) => t?.toISOString().replace(/\.\d+Z$/, "Z");
    section(
      "Backups per cluster",
      stats.clusters.map(({ cluster, backups: b }) => ({
        cluster,
        "last full": iso(b?.lastFullAt),
        "last diff": iso(b?.lastDiffAt),
        "last verified": iso(b?.lastVerifiedAt),
        "recoverable from": iso(b?.recoverableFrom),
        "archive lag s": b?.archive?.lagSeconds.toFixed(0),
        failing: b?.failing.map((f) => `${f.kind}: ${f.error}`).join("; ") || b?.error,
      })),
    );
    section(
      "PgBouncer per cluster",
      stats.clusters.map((c) => ({
        cluster: c.cluster,
        pools: c.pooler?.pools,
        ...c.pooler?.serverConnections,
        ...c.pooler?.clients,
        error: c.error,
      })),
    );
  })
);
