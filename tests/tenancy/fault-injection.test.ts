// Provisioning under injected faults: a failure before any step undoes every step begun, so no
// catalog row, directory row or database survives it; and the sweeper removes what a crash would
// leave (orphan databases, unrecorded spares, signups stuck in provisioning) but nothing live.
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../../src/platform/errors.ts";
import { dropDatabase, restrictConnect } from "../../src/tenancy/control-plane.ts";
import { agencyDatabaseName } from "../../src/tenancy/database-name.ts";
import { provisionAgency, PROVISIONING_STEPS } from "../../src/tenancy/provisioning/index.ts";
import { claimSpare } from "../../src/tenancy/spares.ts";
import { sweepOrphans } from "../../src/tenancy/sweeper.ts";
import { cloneTemplate, templateVersion } from "../../src/tenancy/template.ts";
import { databaseExists, hex } from "../support/fixtures.ts";
import { localPlane, superuser, testApp } from "../support/stack.ts";
import {
  databasesContaining,
  direct,
  leftovers,
  phantomSpares,
  postSignup,
  signupBody,
  slugOf,
} from "./helpers.ts";

const { app, services } = testApp({ TRUST_PROXY: "true" });
const cp = localPlane(services);
const su = superuser();

/** What exists for a signup when each step is about to run (the steps before it are done). */
const BEFORE: Record<string, { agencies: number; directory: number; database: boolean }> = {
  "record-agency": { agencies: 0, directory: 0, database: false },
  "create-database": { agencies: 1, directory: 0, database: false },
  "grant-access": { agencies: 1, directory: 0, database: true },
  "create-admin-user": { agencies: 1, directory: 0, database: true },
  "register-user": { agencies: 1, directory: 0, database: true },
  "activate-agency": { agencies: 1, directory: 1, database: true },
};

/** Runs provisionAgency with a fault before `step`; returns the error and what the hook saw. */
async function provisionFailingAt(step: string, thrown: unknown = new Error("injected")) {
  const body = direct(signupBody("fi"));
  let seen: Awaited<ReturnType<typeof leftovers>> | undefined;
  const error = await provisionAgency({
    ...cp,
    hooks: {
      async beforeStep(name) {
        if (name !== step) return;
        seen = await leftovers(su, body);
        throw thrown;
      },
    },
  }, body).then(() => undefined, (e: unknown) => e);
  return { body, error, seen };
}

describe("a fault before a provisioning step", () => {
  it("covers the six known steps, in order", () => {
    expect(PROVISIONING_STEPS.map((s) => s.name)).toEqual(Object.keys(BEFORE));
  });

  it.each(PROVISIONING_STEPS.map((s) => s.name))(
    "before %s: a 503 that leaves nothing behind",
    async (step) => {
      const { body, error, seen } = await provisionFailingAt(step);

      // The fault was reached with the earlier steps done, so the undo had something to undo.
      const expected = BEFORE[step];
      expect(seen).toBeDefined();
      expect(seen!.agencies).toBe(expected.agencies);
      expect(seen!.directory).toBe(expected.directory);
      expect(seen!.databases).toHaveLength(expected.database ? 1 : 0);

      // The contract's retryable error, naming the step, with the injected error as its cause.
      expect(error).toBeInstanceOf(ApiError);
      const apiError = error as ApiError;
      expect(apiError.status).toBe(503);
      expect(apiError.code).toBe("unavailable");
      expect(apiError.message).toContain(`(${step})`);
      expect(apiError.extra.headers?.["Retry-After"]).toMatch(/^\d+$/);
      expect(String((apiError.cause as Error)?.message)).toBe("injected");

      // Nothing left: no catalog row, no directory row, no database carrying this signup's slug.
      expect(await leftovers(su, body)).toEqual({ agencies: 0, directory: 0, databases: [] });
      expect(await phantomSpares(su)).toEqual([]);
    },
  );

  it("passes an ApiError through unchanged (here a 409) and still undoes every step", async () => {
    const conflict = new ApiError(409, "conflict", "injected conflict");
    const { body, error, seen } = await provisionFailingAt("register-user", conflict);
    expect(seen!.databases).toHaveLength(1);
    expect(error).toBe(conflict);
    expect(await leftovers(su, body)).toEqual({ agencies: 0, directory: 0, databases: [] });
  });

  it("drops a renamed spare when grant-access fails right after the rename", async () => {
    const version = (await templateVersion({ control: su, cluster: "local" }))!;
    const spare = `buildflow_spare_${hex(12)}`;
    const body = direct(signupBody("fispare"));
    let renamedTo: string[] = [];
    const error = await provisionAgency({
      ...cp,
      hooks: {
        async beforeStep(step) {
          if (step === "create-database") {
            // The oldest ready spare, so the claim takes it.
            await su`insert into spare_databases (database_name, schema_version) values (${spare}, ${version})`;
            await cloneTemplate(cp, spare);
            await restrictConnect(cp, spare);
            await su`
              update spare_databases set ready = true, created_at = '2000-01-01' where database_name = ${spare}`;
          }
          if (step === "grant-access") {
            renamedTo = await databasesContaining(su, slugOf(body));
            throw new Error("injected");
          }
        },
      },
    }, body).then(() => undefined, (e: unknown) => e);
    try {
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(503);
      expect(renamedTo).toHaveLength(1);
      // The spare was renamed (it no longer exists under its own name), then dropped by the undo.
      expect(await databaseExists(su, spare)).toBe(false);
      expect(await databaseExists(su, renamedTo[0])).toBe(false);
      expect(await su`select 1 from spare_databases where database_name = ${spare}`).toHaveLength(0);
      expect(await leftovers(su, body)).toEqual({ agencies: 0, directory: 0, databases: [] });
    } finally {
      // Had another signup claimed the planted spare first, it is theirs; only an unclaimed one is ours.
      const mine = await su`delete from spare_databases where database_name = ${spare} returning 1`;
      if (mine.length) await dropDatabase(cp, spare);
    }
  });
});

describe("a database-name collision", () => {
  // Two agencies with the same slug whose ids share their first 8 hex get the same database name;
  // the catalog's UNIQUE (database_name) refuses the second. That is no one's domain: the signup
  // may be retried (with a new id), and the agency that holds the name is untouched.
  it("is a retryable 503, not a taken domain, and leaves the other agency intact", async () => {
    const name = `Collide ${hex(10)}`;
    const first = await provisionAgency(cp, direct({ ...signupBody("coll"), name, domain: undefined }));
    const prefix = first.agency.id.replaceAll("-", "").slice(0, 8);
    const secondId = `${prefix}-0000-4000-8000-${
      hex(12)
    }` as `${string}-${string}-${string}-${string}-${string}`;
    const body = direct({ ...signupBody("coll"), name, domain: undefined });
    const uuid = vi.spyOn(crypto, "randomUUID").mockReturnValueOnce(secondId); // the next id minted
    let error: unknown;
    try {
      error = await provisionAgency(cp, body).then(() => undefined, (e: unknown) => e);
    } finally {
      uuid.mockRestore();
    }
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.extra.issues?.map((i) => i.path) ?? []).not.toContain("domain");
    expect(apiError.status).toBe(503);
    expect(await su`select 1 from agencies where id = ${secondId}`).toHaveLength(0);
    const [row] = await su<{ status: string }[]>`select status from agencies where id = ${first.agency.id}`;
    expect(row.status).toBe("active");
    expect(await databaseExists(su, first.agency.databaseName)).toBe(true);
  });
});

describe("sweepOrphans", () => {
  it("drops orphans and expired signups, and keeps live agencies, in-flight signups and recorded spares", async () => {
    const version = (await templateVersion({ control: su, cluster: "local" }))!;
    const { control } = cp;

    // Live: an active agency made by a signup.
    const res = await postSignup(app, signupBody("live"));
    expect(res.status).toBe(201);
    const live = (await res.json()).agency as { id: string; databaseName: string };

    // Orphans: an agency-named database and a spare-named database no catalog row claims.
    const orphan = `agency_orphan_${hex(8)}`;
    await control`create database ${control(orphan)}`;
    const orphanSpare = `buildflow_spare_${hex(12)}`;
    await control`create database ${control(orphanSpare)}`;

    // Stuck: a signup left in provisioning an hour ago, with its database (row first, as a signup).
    const stuckId = crypto.randomUUID();
    const stuckDb = agencyDatabaseName(stuckId, `stuck-${hex(8)}`);
    await su`
      insert into agencies (id, name, database_name, subscription_plan, status, created_at)
      values (${stuckId}, ${`Stuck ${stuckId}`}, ${stuckDb}, 'starter', 'provisioning', now() - interval '1 hour')`;
    await cloneTemplate(cp, stuckDb);

    // In flight: a signup in provisioning right now, with its database.
    const freshId = crypto.randomUUID();
    const freshDb = agencyDatabaseName(freshId, `fresh-${hex(8)}`);
    await su`
      insert into agencies (id, name, database_name, subscription_plan, status)
      values (${freshId}, ${`Fresh ${freshId}`}, ${freshDb}, 'starter', 'provisioning')`;
    await control`create database ${control(freshDb)}`;

    // Recorded: a spare with its row (not ready yet, as while it is being cloned).
    const recorded = `buildflow_spare_${hex(12)}`;
    await su`insert into spare_databases (database_name, schema_version) values (${recorded}, ${version})`;
    await control`create database ${control(recorded)}`;

    try {
      for (const name of [live.databaseName, orphan, orphanSpare, stuckDb, freshDb, recorded]) {
        expect(await databaseExists(su, name), name).toBe(true);
      }

      const result = await sweepOrphans(cp);

      expect(result.droppedDatabases).toEqual(expect.arrayContaining([orphan, orphanSpare, stuckDb]));
      expect(result.expiredAgencies).toContain(stuckId);
      for (const name of [orphan, orphanSpare, stuckDb]) {
        expect(await databaseExists(su, name), name).toBe(false);
      }
      expect(await su`select 1 from agencies where id = ${stuckId}`).toHaveLength(0);

      expect(result.droppedDatabases).not.toContain(live.databaseName);
      expect(result.droppedDatabases).not.toContain(freshDb);
      expect(result.droppedDatabases).not.toContain(recorded);
      expect(result.expiredAgencies).not.toContain(freshId);
      expect(result.expiredAgencies).not.toContain(live.id);
      for (const name of [live.databaseName, freshDb, recorded]) {
        expect(await databaseExists(su, name), name).toBe(true);
      }
      const [row] = await su<{ status: string }[]>`select status from agencies where id = ${live.id}`;
      expect(row.status).toBe("active");
      expect(await su`select 1 from user_directory where agency_id = ${live.id}`).toHaveLength(1);
    } finally {
      await su`delete from agencies where id in ${su([freshId, stuckId])}`;
      await su`delete from spare_databases where database_name = ${recorded}`;
      for (const name of [orphan, orphanSpare, stuckDb, freshDb, recorded]) await dropDatabase(cp, name);
    }
  });

  it("keeps nothing of an expired signup: its events and directory rows go with its row", async () => {
    const stuckId = crypto.randomUUID();
    const stuckDb = agencyDatabaseName(stuckId, `stuck-${hex(8)}`);
    await su`
      insert into agencies (id, name, database_name, subscription_plan, status, created_at)
      values (${stuckId}, ${`Stuck ${stuckId}`}, ${stuckDb}, 'starter', 'provisioning', now() - interval '2 hours')`;
    await su`
      insert into user_directory (email, agency_id, user_id)
      values (${`stuck-${stuckId}@example.com`}, ${stuckId}, ${crypto.randomUUID()})`;
    await su`insert into agency_events (agency_id, event) values (${stuckId}, 'agency.probe')`;

    // A shorter timeout than the row's age (and than any real signup's, which take about a second).
    const result = await sweepOrphans(cp, 3600);
    expect(result.expiredAgencies).toContain(stuckId);
    expect(await su`select 1 from agencies where id = ${stuckId}`).toHaveLength(0);
    expect(await su`select 1 from user_directory where agency_id = ${stuckId}`).toHaveLength(0);
    expect(await su`select 1 from agency_events where agency_id = ${stuckId}`).toHaveLength(0);
  });

  // create-database claims a spare and renames it in one transaction: until it commits, the pool row
  // is still visible to a sweeper, which therefore leaves the spare alone.
  it("does not drop a spare claimed by a signup that has not renamed it yet", async () => {
    const version = (await templateVersion({ control: su, cluster: "local" }))!;
    const spare = `buildflow_spare_${hex(12)}`;
    await su`insert into spare_databases (database_name, schema_version) values (${spare}, ${version})`;
    await cloneTemplate(cp, spare);
    await restrictConnect(cp, spare);
    await su`update spare_databases set ready = true, created_at = '2000-01-01' where database_name = ${spare}`;

    // What create-database does first, in its transaction; a sweep runs before its rename.
    let claimed: string | undefined;
    try {
      await cp.control.begin(async (tx) => {
        claimed = await claimSpare(tx, "local", version);
        expect(claimed).toMatch(/^buildflow_spare_[0-9a-f]{12}$/);
        await sweepOrphans(cp);
        expect(await databaseExists(su, claimed!)).toBe(true);
        throw new Error("rollback");
      }).catch((error) => {
        if (error.message !== "rollback") throw error;
      });
    } finally {
      if (claimed) await dropDatabase(cp, claimed);
      const mine = await su`delete from spare_databases where database_name = ${spare} returning 1`;
      if (mine.length) await dropDatabase(cp, spare);
    }
  });
});
