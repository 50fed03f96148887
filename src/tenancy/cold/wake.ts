// Waking a cold agency: its latest cold dump (checked against its manifest's checksum) restored under
// its own database name, migrated to the newest tenant migration when the dump is older, then the
// agency active again. Once across instances: the wake runs under the agency's lifecycle lock, and the
// claim is a compare-and-set `cold` → `waking` that also bounds the wakes restoring into one cluster at
// once (counted in the catalog under a per-cluster transaction lock). A wake that fails drops what it
// restored and leaves the agency cold with its dump, the reason recorded (`agency.wake_failed`). An
// instance that died mid-wake leaves `waking`: the next request anywhere takes the lock and redoes it.
import type { Agency } from "../../catalog/agencies.ts";
import { dbmate, migrationVersions } from "../../platform/dbmate.ts";
import { sha256 } from "../../platform/pg-dump.ts";
import { ApiError } from "../../platform/errors.ts";
import { databaseUrlFor, dropDatabase, restoreDatabase, withDatabase } from "../control-plane.ts";
import { type Actor, exclusively, type LifecycleDeps, move, requireStatus } from "../lifecycle.ts";
import { agencyPayload, enqueueNotification } from "./outbox.ts";

const WAKE_LOCK = 0x62667761; // "bfwa": per cluster, for the count of its wakes

/** What a request to a cold (or waking) agency gets: try again shortly. */
export const agencyWaking = (retryAfterSeconds = 2) =>
  new ApiError(503, "agency_waking", "The agency was inactive and is being restored: retry shortly", {
    headers: { "Retry-After": String(retryAfterSeconds) },
  });

/** A wake that failed: the agency is cold again, with its dump (409, the reason in the message). */
export class WakeFailed extends ApiError {
  constructor(reason: string, cause: unknown) {
    super(409, "conflict", `The wake failed and the agency stays cold with its dump: ${reason}`, { cause });
  }
}

type ColdDump = { file: string; sha256: string; schemaVersion: string | null };

async function latestColdDump(deps: LifecycleDeps, agency: Agency): Promise<ColdDump> {
  const [event] = await deps.control<{ details: Partial<ColdDump> }[]>`
    select details from agency_events where agency_id = ${agency.id} and event = 'agency.cold'
    order by id desc limit 1`;
  const { file, sha256 } = event?.details ?? {};
  if (!file || !sha256) throw new Error("no cold dump is recorded for this agency");
  return { file, sha256, schemaVersion: event.details.schemaVersion ?? null };
}

/** Wakes a cold agency (or finishes a wake an instance left); the agency as it is after. `byUse`: a
 * request woke it, which counts as activity. Throws agencyWaking when the cluster has its share of
 * wakes running, 409 when another action holds the agency. */
export const wakeAgency = (deps: LifecycleDeps, id: string, actor: Actor, { byUse = false } = {}) =>
  exclusively(deps, id, async (agency, cluster, { signal }) => {
    const { wake } = deps;
    if (!wake) throw new Error("this process is not set up to wake agencies");
    if (agency.status === "active") return agency; // another instance woke it first
    requireStatus(agency, ["cold", "waking"]);
    if (agency.status === "cold") {
      const claimed = await move(deps, agency, ["cold"], "waking", "agency.waking", actor, {}, {
        async before(tx) {
          await tx`select pg_advisory_xact_lock(${WAKE_LOCK}::int, hashtext(${agency.cluster}))`;
          const [{ waking }] = await tx<{ waking: number }[]>`
            select count(*)::int as waking from agencies where cluster = ${agency.cluster} and status = 'waking'`;
          return waking < wake.perCluster;
        },
      }).catch(() => undefined);
      if (!claimed) throw agencyWaking(5);
    } else {
      await dropDatabase(cluster, agency.databaseName); // what a wake that died left half-restored
    }
    const started = performance.now();
    try {
      const dump = await latestColdDump(deps, agency);
      if (await sha256(dump.file) !== dump.sha256) {
        throw new Error(`${dump.file} does not match its manifest`);
      }
      const restored = await restoreDatabase(cluster, deps.pgBin, dump.file, agency.databaseName, signal);
      const newest = migrationVersions(wake.migrationsDir).at(-1);
      let version = restored;
      if (newest && BigInt(restored) < BigInt(newest)) {
        const url = databaseUrlFor(cluster.databaseUrl, agency.databaseName);
        await dbmate(wake.dbmateBin(), url, wake.migrationsDir, "migrate", signal);
        version = await withDatabase(
          cluster,
          agency.databaseName,
          async (sql) => (await sql<{ v: string }[]>`select max(version) as v from schema_migrations`)[0].v,
        );
      }
      signal.throwIfAborted();
      const details = { file: dump.file, restoredVersion: restored, schemaVersion: version, ms: 0 };
      details.ms = Math.round(performance.now() - started);
      return await move(deps, agency, ["waking"], "active", "agency.woken", actor, details, {
        schemaVersion: version,
        async after(tx, woken) {
          await tx`
            update agencies set cold_warned_at = null, deletion_warned_at = null,
              last_active_at = case when ${byUse} then now() else last_active_at end
            where id = ${woken.id}`;
          await enqueueNotification(tx, {
            agencyId: woken.id,
            event: "agency.woken",
            payload: agencyPayload(woken),
          });
        },
      });
    } catch (error) {
      const reason = String((error as Error)?.message ?? error).slice(0, 2000);
      await dropDatabase(cluster, agency.databaseName).catch(() => {});
      await move(deps, agency, ["waking"], "cold", "agency.wake_failed", actor, { error: reason })
        .catch(() => {});
      throw new WakeFailed(reason, error);
    }
  });
