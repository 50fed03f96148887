// A restore drill of one cluster: pgBackRest's verify (every file in the repository read back against
// its checksum), then the cluster restored into a scratch instance as of a moment just taken, and a
// sample of its agencies checked there: the schema version against the catalog's, every table's row
// count against the live database's at that moment. An agency written to during the drill cannot be
// compared (its live counts moved): it is reported as such, not as a failure.
import type { Sql } from "../platform/db.ts";
import type { Cluster } from "../tenancy/cluster-directory.ts";
import { withDatabase } from "../tenancy/control-plane.ts";
import { connect } from "../platform/db.ts";
import { archiveCurrentWal } from "./archiver.ts";
import { type BackupRepository, pgbackrest } from "./pgbackrest.ts";
import { preparedTransactionSettings } from "./point-in-time.ts";
import { withScratchCluster } from "./scratch.ts";

export type AgencyCheck = {
  agency: string;
  database: string;
  /** match: as live; changed: written during the drill (not compared); mismatch: a real difference. */
  result: "match" | "changed" | "mismatch";
  schemaVersion: string | null;
  rows: number;
  differing?: string[];
};

export type DrillReport = {
  restoredTo: string;
  agencies: AgencyCheck[];
  restoreMs: number;
  replayMs: number;
};

type Counts = Record<string, number>;

/** Every public table's row count. */
async function tableCounts(sql: Sql): Promise<Counts> {
  const tables = await sql<{ tablename: string }[]>`
    select tablename from pg_tables where schemaname = 'public' order by 1`;
  const counts: Counts = {};
  for (const { tablename } of tables) {
    const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from ${sql(tablename)}`;
    counts[tablename] = n;
  }
  return counts;
}

const differingTables = (a: Counts, b: Counts) =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((t) => a[t] !== b[t]).sort();

/** Runs the drill on `cluster` with up to `sample` of its agencies (chosen at random); throws when the
 * repository does not verify or an agency's restored copy differs from what it was. */
export async function verifyCluster(
  repo: BackupRepository,
  cluster: Cluster,
  { control, pgBin, sample, signal }: { control: Sql; pgBin: string; sample: number; signal?: AbortSignal },
): Promise<DrillReport> {
  await pgbackrest(repo, [`--stanza=${cluster.cluster}`, "verify"], { signal });
  const agencies = await control<{ id: string; databaseName: string; schemaVersion: string | null }[]>`
    select id, database_name, schema_version from agencies
    where cluster = ${cluster.cluster} and status in ('active', 'suspended')
    order by random() limit ${sample}`;
  const live = async () =>
    await Promise.all(agencies.map((a) => withDatabase(cluster, a.databaseName, tableCounts)));
  const before = await live();
  const [{ at }] = await cluster.server<{ at: Date }[]>`select clock_timestamp() as at`;
  const after = await live();
  await archiveCurrentWal(cluster);
  const { result: checks, timings } = await withScratchCluster(repo, cluster.cluster, {
    adminUrl: cluster.databaseUrl,
    targetTime: at,
    pgBin,
    settings: await preparedTransactionSettings(cluster.server),
    signal,
  }, (scratch) =>
    Promise.all(agencies.map(async (agency, i): Promise<AgencyCheck> => {
      const sql = connect(scratch.urlFor(agency.databaseName), { max: 1 });
      try {
        const counts = await tableCounts(sql);
        const [{ version }] = await sql<{ version: string | null }[]>`
          select max(version) as version from schema_migrations`;
        const differing = differingTables(counts, before[i]);
        const changed = differingTables(before[i], after[i]).length > 0;
        const versionOk = version === agency.schemaVersion;
        return {
          agency: agency.id,
          database: agency.databaseName,
          result: changed ? "changed" : differing.length || !versionOk ? "mismatch" : "match",
          schemaVersion: version,
          rows: Object.values(counts).reduce((n, c) => n + c, 0),
          ...(differing.length ? { differing } : {}),
        };
      } finally {
        await sql.end({ timeout: 5 });
      }
    })));
  const report = { restoredTo: at.toISOString(), agencies: checks, ...timings };
  const bad = checks.filter((c) => c.result === "mismatch");
  if (bad.length) {
    throw new Error(
      `restore drill of cluster ${cluster.cluster}: ${
        bad.map((c) => `${c.database} (${c.differing?.join(", ") || `schema ${c.schemaVersion}`})`).join("; ")
      } differ from the live database at ${report.restoredTo}`,
    );
  }
  return report;
}
