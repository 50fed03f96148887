// Agency lifecycle: suspend ↔ resume, archive (writes stopped, dumped, verified, then dropped),
// restore from the archive, and delete (restores of a live agency's data: ./restore.ts). Used by the
// CLI and the platform admin routes. One action at a time per agency (a second one gets 409); every change is written to
// agency_events and announced to every API instance (catalog NOTIFY), and to this process through
// onChange.
import {
  type Agency,
  type AgencyChange,
  type AgencyStatus,
  findAgency,
  transitionAgency,
  type TransitionHooks,
} from "../catalog/agencies.ts";
import type { Sql } from "../platform/db.ts";
import { dumpDatabase, type DumpInfo, verifyDump } from "../platform/pg-dump.ts";
import { conflict, notFound, unavailable } from "../platform/errors.ts";
import type { Cluster, ClusterDirectory } from "./cluster-directory.ts";
import {
  databaseUrlFor,
  dropDatabase,
  fenceDatabase,
  type HeldLock,
  LockBusy,
  LockLost,
  restoreDatabase,
  restrictConnect,
  withAdvisoryLock,
  withDatabase,
} from "./control-plane.ts";

export type LifecycleDeps = {
  /** The catalog, admin role, direct. */
  control: Sql;
  catalogUrl: string;
  /** Where each agency's database lives. */
  clusters: ClusterDirectory;
  /** Where pg_dump and pg_restore live; PATH when undefined. */
  pgBin?: string;
  backupDir: string;
  onChange?(change: AgencyChange): void;
  /** Waking cold agencies (src/tenancy/cold/wake.ts); absent, this process cannot wake one. */
  wake?: WakeSettings;
};

export type WakeSettings = {
  /** The tenant migrations a woken agency is brought to (its template's). */
  migrationsDir: string;
  /** dbmate, located when a woken dump needs migrating. */
  dbmateBin(): string;
  /** Wakes restoring into one cluster at once, across instances. */
  perCluster: number;
};

export type Actor = { actor: string };

// Held (in the catalog, keyed by agency id) for the whole of one lifecycle action.
const LIFECYCLE_LOCK = 0x62666c63; // "bflc"

export async function loadAgency(deps: LifecycleDeps, idOrDatabase: string): Promise<Agency> {
  const by = /^[0-9a-f-]{36}$/.test(idOrDatabase) ? { id: idOrDatabase } : { databaseName: idOrDatabase };
  const agency = await findAgency(deps.control, by);
  if (!agency) throw notFound("No such agency");
  return agency;
}

/** The catalog lock a lifecycle action (or a move) holds on one agency. */
export const agencyLock = (id: string) => ({ namespace: LIFECYCLE_LOCK, name: id });

/** Runs one lifecycle action on an agency while no other runs on it (409 if one does), with the
 * agency as read under the lock and the cluster it lives on. */
export async function exclusively<T>(
  deps: LifecycleDeps,
  idOrDatabase: string,
  work: (agency: Agency, cluster: Cluster, lock: HeldLock) => Promise<T>,
): Promise<T> {
  const { id } = await loadAgency(deps, idOrDatabase);
  try {
    return await withAdvisoryLock(deps.catalogUrl, agencyLock(id), "try", async (lock) => {
      const agency = await loadAgency(deps, id); // read again under the lock
      return await work(agency, await deps.clusters.get(agency.cluster), lock);
    });
  } catch (error) {
    if (error instanceof LockBusy) {
      throw conflict("Another action (a lifecycle action, a move or a migration) is running for this agency");
    }
    if (error instanceof LockLost) {
      throw unavailable(
        `${error.message}: the action stopped there; the next action, agencies:sweep or any API ` +
          "instance within 30 s settles what it left (a move is undone, or finished if it had switched)",
        30,
        error,
      );
    }
    throw error;
  }
}

export function requireStatus(agency: Agency, allowed: AgencyStatus[]) {
  if (!allowed.includes(agency.status)) {
    throw conflict(`Agency is ${agency.status}, not ${allowed.join(" or ")}`);
  }
}

export async function move(
  deps: LifecycleDeps,
  agency: Agency,
  from: AgencyStatus[],
  to: AgencyStatus,
  event: string,
  { actor }: Actor,
  details: Record<string, unknown> = {},
  hooks?: TransitionHooks & { schemaVersion?: string },
) {
  const moved = await transitionAgency(deps.control, agency.id, from, to, {
    name: event,
    actor,
    details,
    schemaVersion: hooks?.schemaVersion,
  }, hooks);
  if (!moved) throw conflict(`Agency is no longer ${from.join(" or ")}`);
  deps.onChange?.({
    id: moved.id,
    status: moved.status,
    databaseName: agency.databaseName,
    cluster: agency.cluster,
  });
  return moved;
}

export async function dropAgencyDatabase(cluster: Cluster, database: string) {
  await cluster.poolerAdmin?.kill(database);
  try {
    await dropDatabase(cluster, database);
  } finally {
    await cluster.poolerAdmin?.resume(database);
  }
}

/** Dumps a (fenced) database and reads the dump back whole, checking it holds every table's data. */
export async function dumpVerified(
  deps: LifecycleDeps,
  cluster: Cluster,
  database: string,
  file: string,
  signal: AbortSignal,
): Promise<DumpInfo> {
  const tables = await withDatabase(
    cluster,
    database,
    async (sql) =>
      (await sql<{ tablename: string }[]>`select tablename from pg_tables where schemaname = 'public'`)
        .map((r) => r.tablename),
  );
  const dump = await dumpDatabase(databaseUrlFor(cluster.databaseUrl, database), deps.pgBin, file, signal);
  await verifyDump(deps.pgBin, dump, tables, signal);
  return dump;
}

export const stamp = () => new Date().toISOString().replace(/[-:]/g, "").replace(/\..*$/, "");

export const suspendAgency = (deps: LifecycleDeps, id: string, actor: Actor) =>
  exclusively(deps, id, async (agency, cluster) => {
    requireStatus(agency, ["active"]);
    const suspended = await move(deps, agency, ["active"], "suspended", "agency.suspended", actor);
    await cluster.poolerAdmin?.disconnect(agency.databaseName);
    return suspended;
  });

/** Resumes a suspended agency, or gives an agency whose archive was interrupted its database back. */
export const resumeAgency = (deps: LifecycleDeps, id: string, actor: Actor) =>
  exclusively(deps, id, async (agency, cluster) => {
    requireStatus(agency, ["suspended", "archiving"]);
    if (agency.status === "archiving") await restrictConnect(cluster, agency.databaseName);
    return await move(deps, agency, ["suspended", "archiving"], "active", "agency.resumed", actor);
  });

/** How a database is taken away as a verified dump: the status that stops its writes while the dump
 * is taken (`via`), the one it ends in, its events, and the directory of its dumps. */
export type Stowing = {
  via: AgencyStatus;
  to: AgencyStatus;
  event: string;
  /** Recorded when the dump fails and the agency goes back. */
  failedEvent: string;
  dir: string;
  /** Recorded with the final event (e.g. the schema version the dump is at). */
  details?: Record<string, unknown>;
  /** Written in the final status change's transaction. */
  hooks?: TransitionHooks;
};

/** Stops the agency's writes (status `via`: requests get 423; its sessions are ended and the app role
 * may not reconnect), dumps the database, reads the dump back, moves the agency to `to` and drops the
 * database: every write acknowledged before is in the dump. If the dump fails, the agency goes back
 * to the status it had; if the process dies, the same action again finishes the job. */
export async function stowAgency(
  deps: LifecycleDeps,
  agency: Agency,
  cluster: Cluster,
  signal: AbortSignal,
  actor: Actor,
  { via, to, event, failedEvent, dir, details = {}, hooks }: Stowing,
): Promise<Agency> {
  const previous = agency.status;
  if (previous !== via) await move(deps, agency, [previous], via, `agency.${via}`, actor);
  const database = agency.databaseName;
  const file = `${dir}/${agency.id}/${database}-${stamp()}.dump`;
  let dump: DumpInfo;
  try {
    await cluster.poolerAdmin?.disconnect(database);
    await fenceDatabase(cluster, database);
    dump = await dumpVerified(deps, cluster, database, file, signal);
  } catch (error) {
    if (previous !== via) {
      await restrictConnect(cluster, database);
      await move(deps, agency, [via], previous, failedEvent, actor, {
        error: String((error as Error)?.message ?? error).slice(0, 2000),
      });
    }
    throw error;
  }
  // The manifest beside the dump: what it is, and the checksum a restore checks it against first.
  const manifest = { agencyId: agency.id, schemaVersion: agency.schemaVersion, ...dump, ...details };
  await Deno.writeTextFile(`${file}.json`, JSON.stringify(manifest, null, 2));
  signal.throwIfAborted(); // another action could take over from here: do not drop
  const stowed = await move(
    deps,
    agency,
    [via],
    to,
    event,
    actor,
    { ...manifest, manifest: `${file}.json` },
    hooks,
  );
  await dropAgencyDatabase(cluster, database);
  return stowed;
}

/** Archives an agency (an operator's action: it stays archived until an operator restores it). */
export const archiveAgency = (deps: LifecycleDeps, id: string, actor: Actor) =>
  exclusively(deps, id, async (agency, cluster, { signal }) => {
    requireStatus(agency, ["active", "suspended", "archiving"]);
    return await stowAgency(deps, agency, cluster, signal, actor, {
      via: "archiving",
      to: "archived",
      event: "agency.archived",
      failedEvent: "agency.archive_failed",
      dir: `${deps.backupDir}/archives`,
    });
  });

/** Brings an archived agency back from its latest archive, under its original database name. */
export const unarchiveAgency = (deps: LifecycleDeps, id: string, actor: Actor) =>
  exclusively(deps, id, async (agency, cluster, { signal }) => {
    requireStatus(agency, ["archived"]);
    const [event] = await deps.control<{ details: { file?: string } }[]>`
      select details from agency_events where agency_id = ${agency.id} and event = 'agency.archived'
      order by id desc limit 1`;
    if (!event?.details.file) throw conflict("No archive recorded for this agency");
    const version = await restoreDatabase(
      cluster,
      deps.pgBin,
      event.details.file,
      agency.databaseName,
      signal,
    );
    await deps.control`update agencies set schema_version = ${version} where id = ${agency.id}`;
    return await move(deps, agency, ["archived"], "active", "agency.unarchived", actor, {
      file: event.details.file,
    });
  });

/** Deletes an archived agency (any agency with `force`): database dropped, logins removed; the
 * catalog row stays, status deleted, for the audit trail. */
export const deleteAgency = (deps: LifecycleDeps, id: string, actor: Actor & { force?: boolean }) =>
  exclusively(deps, id, async (agency, cluster) => {
    const from: AgencyStatus[] = actor.force
      ? ["active", "suspended", "archiving", "archived", "provisioning"]
      : ["archived"];
    if (!from.includes(agency.status)) {
      throw conflict(`Agency is ${agency.status}: archive it first, or force`);
    }
    const deleted = await move(deps, agency, from, "deleted", "agency.deleted", actor);
    await dropAgencyDatabase(cluster, agency.databaseName);
    await deps.control`delete from user_directory where agency_id = ${agency.id}`;
    return deleted;
  });

/** The lifecycle actions by name, as the CLI and the admin routes expose them. */
export const lifecycleActions = {
  suspend: suspendAgency,
  resume: resumeAgency,
  archive: archiveAgency,
  restore: unarchiveAgency,
  delete: deleteAgency,
};

export type LifecycleAction = keyof typeof lifecycleActions;
