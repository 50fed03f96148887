// Logical dumps of every agency (`deno task backup --all`, and the schedule when DUMP_EVERY is set): one
// pg_dump custom-format file per agency database plus the catalog, in a directory of their own under
// BACKUP_DIR with a manifest.json. They are what survives outside the clusters' repository, portable to
// any PostgreSQL. The schedule keeps them by calendar, as backup tools do (7 daily, 4 weekly, 12 monthly
// by default): of each of the last N days, ISO weeks and months that have a dump set, its newest. A
// set of every agency also lists each cold agency's dump (`cold: true`), where it lies: cold dumps are
// kept in BACKUP_DIR/cold as long as their agency is cold, whatever the calendar keeps of the sets.
import type { Sql } from "../platform/db.ts";
import { dumpDatabase, type DumpInfo } from "../platform/pg-dump.ts";
import type { ClusterDirectory } from "../tenancy/cluster-directory.ts";
import { databaseUrlFor } from "../tenancy/control-plane.ts";

export type DumpEntry = Partial<DumpInfo> & {
  agencyId?: string;
  cluster?: string;
  schemaVersion?: string | null;
  /** A cold agency's dump, listed where it lies (src/tenancy/cold/): not copied into the set. */
  cold?: true;
  error?: string;
};

export type DumpSetDeps = {
  control: Sql;
  /** The catalog, admin role, direct: dumped first. */
  catalogUrl: string;
  clusters: ClusterDirectory;
  pgBin?: string;
};

type Dumped = { id: string; databaseName: string; cluster: string; schemaVersion: string | null };

/** Dumps the catalog and `agencies` (all live ones when omitted) into `dir`, then writes the manifest.
 * A failed agency is an entry with its error; the others still run. */
export async function dumpAgencies(
  deps: DumpSetDeps,
  dir: string,
  agencies?: Dumped[],
  onItem?: (done: number, of: number, database: string) => void,
  signal?: AbortSignal,
): Promise<{ dir: string; entries: DumpEntry[] }> {
  const all = !agencies;
  const list = agencies ?? await deps.control<Dumped[]>`
    select id, database_name, cluster, schema_version from agencies
    where status in ('active', 'suspended', 'archiving') order by database_name`;
  const entries: DumpEntry[] = [
    await dumpDatabase(deps.catalogUrl, deps.pgBin, `${dir}/catalog.dump`, signal),
  ];
  for (const [i, agency] of list.entries()) {
    signal?.throwIfAborted();
    try {
      const { databaseUrl } = await deps.clusters.get(agency.cluster);
      const url = databaseUrlFor(databaseUrl, agency.databaseName);
      const dump = await dumpDatabase(url, deps.pgBin, `${dir}/${agency.databaseName}.dump`, signal);
      entries.push({
        agencyId: agency.id,
        cluster: agency.cluster,
        schemaVersion: agency.schemaVersion,
        ...dump,
      });
    } catch (error) {
      entries.push({ agencyId: agency.id, database: agency.databaseName, error: (error as Error).message });
    }
    onItem?.(i + 1, list.length, agency.databaseName);
  }
  if (all) entries.push(...await coldDumps(deps.control));
  const manifest = { createdAt: new Date().toISOString(), all, entries };
  await Deno.writeTextFile(`${dir}/manifest.json`, JSON.stringify(manifest, null, 2));
  return { dir, entries };
}

/** Each cold agency's latest dump, as its `agency.cold` event recorded it. */
export async function coldDumps(sql: Sql): Promise<DumpEntry[]> {
  const rows = await sql<
    { agencyId: string; cluster: string; details: DumpInfo & { schemaVersion?: string } }[]
  >`
    select a.id as agency_id, a.cluster, e.details from agencies a
    cross join lateral (
      select details from agency_events where agency_id = a.id and event = 'agency.cold' order by id desc limit 1
    ) e
    where a.status = 'cold' order by a.database_name`;
  return rows.map(({ agencyId, cluster, details: d }) => ({
    agencyId,
    cluster,
    cold: true,
    schemaVersion: d.schemaVersion ?? null,
    database: d.database,
    file: d.file,
    bytes: d.bytes,
    sha256: d.sha256,
    at: d.at,
  }));
}

/** A new dump set's directory under `backupDir`: its time, to the millisecond. */
export const dumpSetDir = (backupDir: string, now = new Date()) =>
  `${backupDir}/${now.toISOString().replace(/[:.]/g, "-")}`;

export type DumpKeep = { daily: number; weekly: number; monthly: number };
export type DumpSet = { dir: string; createdAt: Date };

const day = (d: Date) => d.toISOString().slice(0, 10);
const month = (d: Date) => d.toISOString().slice(0, 7);
/** The ISO week (UTC): the year of its Thursday, and the week's number. */
function week(d: Date) {
  const thursday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  thursday.setUTCDate(thursday.getUTCDate() + 3 - ((thursday.getUTCDay() + 6) % 7));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return `${thursday.getUTCFullYear()}-W${
    Math.ceil(((thursday.getTime() - yearStart) / 86_400_000 + 1) / 7)
  }`;
}

/** The sets to keep: the newest of each of the last `daily` days, `weekly` ISO weeks and `monthly`
 * months that have one (a set may count in all three). Pure. */
export function keptDumpSets(sets: DumpSet[], keep: DumpKeep): Set<DumpSet> {
  const kept = new Set<DumpSet>();
  const newestFirst = [...sets].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  for (const [period, count] of [[day, keep.daily], [week, keep.weekly], [month, keep.monthly]] as const) {
    const seen = new Set<string>();
    for (const set of newestFirst) {
      const key = period(set.createdAt);
      if (seen.has(key)) continue;
      if (seen.size === count) break;
      seen.add(key);
      kept.add(set);
    }
  }
  return kept;
}

/** The fleet dump sets (`--all`) under `backupDir`, by their manifests. Single-agency dumps, archives
 * and restores' files are not among them. */
export async function fleetDumpSets(backupDir: string): Promise<DumpSet[]> {
  const sets: DumpSet[] = [];
  try {
    for await (const entry of Deno.readDir(backupDir)) {
      if (!entry.isDirectory) continue;
      const dir = `${backupDir}/${entry.name}`;
      const manifest = await Deno.readTextFile(`${dir}/manifest.json`).then(JSON.parse).catch(() => null);
      if (manifest?.all === true) sets.push({ dir, createdAt: new Date(manifest.createdAt) });
    }
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  return sets;
}

/** Removes the fleet dump sets `keep` does not keep; returns their directories. */
export async function pruneDumpSets(backupDir: string, keep: DumpKeep): Promise<string[]> {
  const sets = await fleetDumpSets(backupDir);
  const kept = keptDumpSets(sets, keep);
  const removed = sets.filter((s) => !kept.has(s)).map((s) => s.dir);
  for (const dir of removed) await Deno.remove(dir, { recursive: true });
  return removed;
}
