// What every request to an agency's database passes first, and the one path a write takes from
// outside a tenant request (an operator's action): the same gate, fair admission, the agency's client
// through its cluster's pooler as the app role (so a move's fence and closed source stop it like any
// write), and its commit position noted for the reads after it.
import type { Agency, AgencyStatus } from "../catalog/agencies.ts";
import type { Sql } from "../platform/db.ts";
import { ApiError, conflict, notFound, unauthorized, unavailable } from "../platform/errors.ts";
import type { Admission } from "./admission.ts";
import type { AgencyCache } from "./agency-cache.ts";
import { currentLsn, type ReplicaRouter } from "./replica-router.ts";
import type { TenantClients } from "./tenant-clients.ts";

const behind = (version: string | null, required?: string) =>
  required !== undefined && (version === null || BigInt(version) < BigInt(required));

/** Refuses a request the agency cannot serve now: gone (401), not serving (423), being upgraded (503),
 * or, for a write, frozen while its database is switched by a move or a restore (503). `serving` lists the statuses that may pass. */
export function passGate(
  agency: Agency | undefined,
  { write, requiredSchemaVersion, serving = ["active"] }: {
    write: boolean;
    requiredSchemaVersion?: string;
    serving?: AgencyStatus[];
  },
): asserts agency is Agency {
  // A token outliving its agency is no longer valid.
  if (!agency || agency.status === "deleted" || agency.status === "failed") {
    throw unauthorized("Agency no longer exists");
  }
  if (!serving.includes(agency.status)) {
    throw new ApiError(423, "agency_unavailable", `Agency is ${agency.status}`);
  }
  if (behind(agency.schemaVersion, requiredSchemaVersion)) {
    throw unavailable("The agency's database is being upgraded, retry shortly", 30);
  }
  if (write && agency.frozenUntil && agency.frozenUntil.getTime() > Date.now()) {
    throw unavailable(
      "The agency's database is being switched (a move or a restore): writes resume within seconds",
      1,
    );
  }
}

export type AgencyWriterDeps = {
  agencies: AgencyCache;
  clients: TenantClients;
  admission: Admission;
  replicas?: ReplicaRouter;
  requiredSchemaVersion?: string;
};

/** Writes to an agency's database on its primary, as a tenant write does; `work` should commit what
 * it writes before it returns (one statement, or a transaction). */
export function createAgencyWriter(
  { agencies, clients, admission, replicas, requiredSchemaVersion }: AgencyWriterDeps,
) {
  return async function writeToAgency<T>(
    agencyId: string,
    serving: AgencyStatus[],
    work: (sql: Sql, agency: Agency) => Promise<T>,
  ): Promise<T> {
    const agency = await agencies.get(agencyId);
    if (!agency) throw notFound("No such agency");
    if (!serving.includes(agency.status)) throw conflict(`Agency is ${agency.status}`);
    passGate(agency, { write: true, requiredSchemaVersion, serving });
    return await admission.run(agency.id, () =>
      clients.use(agency, async (sql) => {
        const result = await work(sql, agency);
        if (replicas?.serves(agency.cluster)) {
          replicas.noteWrite(agency.id, agency.cluster, await currentLsn(sql));
        }
        return result;
      }));
  };
}

export type WriteToAgency = ReturnType<typeof createAgencyWriter>;
