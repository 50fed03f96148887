// Agency lifecycle: suspend ↔ resume, archive (backup, then drop the database), restore from the
// archive, delete, and restore from a backup file. Used by the CLI and the platform admin routes;
// every change is written to agency_events and reported through onChange so caches and clients
// forget the agency.
import {
  type Agency,
  type AgencyStatus,
  findAgency,
  recordEvent,
  transitionAgency,
} from "../catalog/agencies.ts";
import { dumpDatabase, restoreDatabase } from "../ops/backup.ts";
import { ApiError, notFound } from "../platform/errors.ts";
import { type ControlPlane, dropDatabase, withAdvisoryLock } from "./control-plane.ts";
import { agencyDatabaseName, slugify } from "./database-name.ts";
import type { PoolerAdmin } from "./pooler-admin.ts";
import { SWEEP_LOCK } from "./sweeper.ts";

export type LifecycleDeps = ControlPlane & {
  /** Where pg_dump and pg_restore live; PATH when undefined. */
  pgBin?: string;
  backupDir: string;
  poolerAdmin?: PoolerAdmin;
  onChange?(agency: Agency): void;
};

export type Actor = { actor: string };

async function load(deps: LifecycleDeps, idOrDatabase: string): Promise<Agency> {
  const by = /^[0-9a-f-]{36}$/.test(idOrDatabase) ? { id: idOrDatabase } : { databaseName: idOrDatabase };
  const agency = await findAgency(deps.control, by);
  if (!agency) throw notFound("No such agency");
  return agency;
}

async function move(
  deps: LifecycleDeps,
  agency: Agency,
  from: AgencyStatus[],
  to: AgencyStatus,
  event: string,
  { actor }: Actor,
  details: Record<string, unknown> = {},
) {
  const moved = await transitionAgency(deps.control, agency.id, from, to, { name: event, actor, details });
  if (!moved) throw new ApiError(409, "conflict", `Agency is ${agency.status}, not ${from.join(" or ")}`);
  deps.onChange?.(moved);
  return moved;
}

/** Ends every connection to the database, on PgBouncer first, then drops it. */
async function dropAgencyDatabase(deps: LifecycleDeps, database: string) {
  await deps.poolerAdmin?.kill(database);
  try {
    await dropDatabase(deps, database);
  } finally {
    await deps.poolerAdmin?.resume(database);
  }
}

const stamp = () => new Date().toISOString().replace(/[-:]/g, "").replace(/\..*$/, "");

export async function suspendAgency(deps: LifecycleDeps, id: string, actor: Actor) {
  return await move(deps, await load(deps, id), ["active"], "suspended", "agency.suspended", actor);
}

export async function resumeAgency(deps: LifecycleDeps, id: string, actor: Actor) {
  return await move(deps, await load(deps, id), ["suspended"], "active", "agency.resumed", actor);
}

/** Backs the database up, marks the agency archived (requests get 423), then drops the database. */
export async function archiveAgency(deps: LifecycleDeps, id: string, actor: Actor) {
  const agency = await load(deps, id);
  if (agency.status !== "active" && agency.status !== "suspended") {
    throw new ApiError(409, "conflict", `Agency is ${agency.status}, not active or suspended`);
  }
  const file = `${deps.backupDir}/archives/${agency.id}/${agency.databaseName}-${stamp()}.dump`;
  const dump = await dumpDatabase(deps, deps.pgBin, agency.databaseName, file);
  const archived = await move(deps, agency, ["active", "suspended"], "archived", "agency.archived", actor, {
    ...dump,
  });
  await dropAgencyDatabase(deps, agency.databaseName);
  return archived;
}

/** Brings an archived agency back from its latest archive, under its original database name. */
export async function unarchiveAgency(deps: LifecycleDeps, id: string, actor: Actor) {
  const agency = await load(deps, id);
  if (agency.status !== "archived") {
    throw new ApiError(409, "conflict", `Agency is ${agency.status}, not archived`);
  }
  const [event] = await deps.control<{ details: { file?: string } }[]>`
    select details from agency_events where agency_id = ${agency.id} and event = 'agency.archived'
    order by id desc limit 1`;
  if (!event?.details.file) throw new ApiError(409, "conflict", "No archive recorded for this agency");
  const version = await restoreDatabase(deps, deps.pgBin, event.details.file, agency.databaseName);
  await deps.control`update agencies set schema_version = ${version} where id = ${agency.id}`;
  return await move(deps, agency, ["archived"], "active", "agency.unarchived", actor, {
    file: event.details.file,
  });
}

/** Deletes an archived agency (any agency with `force`): database dropped, logins removed; the
 * catalog row stays, status deleted, for the audit trail. */
export async function deleteAgency(deps: LifecycleDeps, id: string, actor: Actor & { force?: boolean }) {
  const agency = await load(deps, id);
  const from: AgencyStatus[] = actor.force
    ? ["active", "suspended", "archived", "provisioning"]
    : ["archived"];
  if (!from.includes(agency.status)) {
    throw new ApiError(409, "conflict", `Agency is ${agency.status}: archive it first, or force`);
  }
  const deleted = await move(deps, agency, from, "deleted", "agency.deleted", actor);
  await dropAgencyDatabase(deps, agency.databaseName);
  await deps.control`delete from user_directory where agency_id = ${agency.id}`;
  return deleted;
}

/** Restores a backup file into a new database, checks it, then points the catalog at it. The old
 * database is kept (no catalog row claims it, so agencies:sweep removes it once no API instance
 * still caches the old name). With `asNew`, restores next to the live one for inspection only. */
export async function restoreAgencyFromBackup(
  deps: LifecycleDeps,
  id: string,
  file: string,
  options: Actor & { asNew?: boolean },
) {
  const agency = await load(deps, id);
  if (options.asNew) {
    const name = `inspect_${stamp().toLowerCase()}_${agency.databaseName}`.slice(0, 63);
    await restoreDatabase(deps, deps.pgBin, file, name);
    return { agency, database: name };
  }
  if (agency.status !== "active" && agency.status !== "suspended") {
    throw new ApiError(409, "conflict", `Agency is ${agency.status}, not active or suspended`);
  }
  // A new name: the slug shortened so the restore stamp always survives the 63-byte limit.
  const slug = slugify(agency.domain ?? agency.name).slice(0, 28);
  const database = agencyDatabaseName(agency.id, `${slug} r${stamp().toLowerCase()}`);
  // Until the catalog points at it, the new database is claimed by no row: hold off the sweeper.
  await withAdvisoryLock(deps, SWEEP_LOCK, "shared", async () => {
    const version = await restoreDatabase(deps, deps.pgBin, file, database);
    await deps.control.begin(async (tx) => {
      await tx`update agencies set database_name = ${database}, schema_version = ${version} where id = ${agency.id}`;
      await recordEvent(tx, agency.id, "agency.restored", {}, options.actor, {
        file,
        from: agency.databaseName,
      });
    });
  });
  const moved = await load(deps, agency.id);
  deps.onChange?.(moved);
  return { agency: moved, database, previous: agency.databaseName };
}

/** The lifecycle actions by name, as the CLI and the admin routes expose them. */
export const lifecycleActions = {
  suspend: suspendAgency,
  resume: resumeAgency,
  archive: archiveAgency,
  restore: unarchiveAgency,
  delete: deleteAgency,
};

export type LifecycleAction = keyof typeof lifecycleActions;
