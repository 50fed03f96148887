// Where moves meet the rest, on a two-cluster stack with a replica each, both replicas 3 s behind:
// reads right after a move never miss a write made before it; a mover whose lock session is ended at
// any step leaves the agency whole on one cluster (whoever takes the move over settles it, and no
// switch lands on a target it dropped); a move taken over at the switch does not switch; an operator's
// revoke-sessions during the freeze gets 503 or lands on the target, in its audit log and events.
import { beforeAll, describe, expect, it } from "vitest";
import { MOVE_STEPS, moveAgency, moverDeps, settleMoves } from "../../src/tenancy/mover/index.ts";
import { agencyLock } from "../../src/tenancy/lifecycle.ts";
import { run } from "../../src/platform/command.ts";
import {
  call,
  connectedTo,
  dataOf,
  loginToken,
  PASSWORD,
  signupAgency,
  sleep,
  type Tenant,
} from "../support/fixtures.ts";
import { clusterStack, operator } from "./helpers.ts";
import { createApp, createServices } from "../../src/app.ts";
import { testConfig } from "../support/stack.ts";

const ROTATION = { REPLICA_POLL_MS: "50", REPLICA_MAX_LAG_MS: "60000", REPLICA_MAX_LAG_BYTES: "1000000000" };
const s = clusterStack(ROTATION, { clusters: 2, replicas: 1 });
const other = (cluster: string) => (cluster === "local" ? "local-2" : "local");

beforeAll(async () => {
  for (const cluster of s.local.clusters) {
    const replica = cluster.replicas[0].server;
    await Deno.writeTextFile(`${replica.dataDir}/postgresql.auto.conf`, "recovery_min_apply_delay = '3s'\n", {
      append: true,
    });
    await run([`${replica.pgBin}/pg_ctl`, "-D", replica.dataDir, "reload"], { asServiceUser: true });
  }
});

const catalogRow = async (t: Tenant) =>
  (await s.services.control<{ cluster: string; generation: number }[]>`
    select cluster, generation from agencies where id = ${t.agency.id}`)[0];

const databaseOn = async (cluster: string, database: string) =>
  (await connectedTo(
    s.cluster(cluster).superuserUrl,
    "postgres",
    (sql) => sql`select 1 from pg_database where datname = ${database}`,
  )).length > 0;

/** Ends the session holding the agency's catalog lock (the mover's), as a dropped connection would. */
async function endLockSession(agencyId: string): Promise<number> {
  const { namespace, name } = agencyLock(agencyId);
  return await connectedTo(s.cluster("local").superuserUrl, "buildflow", async (sql) => {
    const rows = await sql<{ pid: number }[]>`
      select pid from pg_locks where locktype = 'advisory' and granted and classid::bigint = ${namespace}
        and objid::bigint = (hashtext(${name})::bigint & 4294967295)`;
    for (const { pid } of rows) await sql`select pg_terminate_backend(${pid})`;
    return rows.length;
  });
}

describe("read-your-writes after a move", () => {
  it("reads a row written before the move on the same instance, with no token: 50 of 50", async () => {
    const t = await signupAgency(s.app, "ryw-move");
    let misses = 0;
    let onReplica = 0;
    for (let round = 0; round < 2; round++) { // there and back
      const created = dataOf<{ id: string }>(
        await call(s.app, "POST", "/api/clients", { token: t.token, body: { name: `r${round}` } }),
        201,
      );
      const { cluster } = await catalogRow(t);
      await moveAgency(s.services.mover, t.agency.id, other(cluster), { actor: "test" });
      const before = s.services.replicas.stats().reads.replica ?? 0;
      for (let i = 0; i < 25; i++) {
        const read = await call(s.app, "GET", `/api/clients/${created.id}`, { token: t.token });
        if (read.status !== 200) misses++;
      }
      onReplica += (s.services.replicas.stats().reads.replica ?? 0) - before;
    }
    console.log(JSON.stringify({ tries: 50, misses, onReplica }));
    expect(misses).toBe(0);
  }, 240_000);
});

/** A writer on one agency until stopped: the ids of the writes acknowledged, and every status. */
function writer(t: Tenant) {
  const acknowledged: string[] = [];
  const statuses: number[] = [];
  let stopped = false;
  const until = performance.now() + 60_000;
  const done = (async () => {
    for (let i = 0; !stopped && performance.now() < until && i < 5000; i++) {
      const r = await call(s.app, "POST", "/api/clients", { token: t.token, body: { name: `w${i}` } });
      statuses.push(r.status);
      if (r.status === 201) acknowledged.push((r.body as { data: { id: string } }).data.id);
      await sleep(r.status === 201 ? 20 : 100);
    }
  })();
  return {
    acknowledged,
    statuses,
    async stop() {
      stopped = true;
      await done;
    },
  };
}

describe("a mover that loses its lock", () => {
  const steps = MOVE_STEPS.slice(0, MOVE_STEPS.indexOf("release-source") + 1);
  it.each(steps)("leaves the agency whole on one cluster when its lock session ends at %s", async (step) => {
    const t = await signupAgency(s.app, "lost");
    const from = t.agency.cluster;
    const to = other(from);
    const writes = writer(t);
    await sleep(300);
    let settled: string[] = [];
    const mine = (outcomes: { agency: string; outcome: string }[]) =>
      outcomes.filter((o) => o.agency === t.agency.id).map((o) => o.outcome);
    // No grace: once settled, the copy the agency left is dropped, so "one cluster" is literal.
    const deps = moverDeps(s.services.lifecycle, { ...s.services.config, MOVE_SOURCE_GRACE_SECONDS: 0 }, {
      async beforeStep(name) {
        if (name !== step) return;
        expect(await endLockSession(t.agency.id)).toBe(1);
        // Another instance's settle (every 30 s) finds the move without its owner, and takes it over.
        settled = mine(
          await settleMoves(
            moverDeps(s.services.lifecycle, { ...s.services.config, MOVE_SOURCE_GRACE_SECONDS: 0 }),
          ),
        );
      },
    });
    const error = await moveAgency(deps, t.agency.id, to, { actor: "test" }).catch((e) => e);
    expect(error, "the mover stops once it has lost its lock").toMatchObject({ status: 503 });
    expect(String(error.message)).toMatch(/lost the agency's lock|was lost/);
    expect(settled).toEqual([
      MOVE_STEPS.indexOf(step) > MOVE_STEPS.indexOf("switch") ? "finished" : "undone",
    ]);
    await sleep(500);
    await writes.stop();
    await settleMoves(
      moverDeps(s.services.lifecycle, { ...s.services.config, MOVE_SOURCE_GRACE_SECONDS: 0 }),
    ); // the grace period (0 s) is over: source dropped

    const { cluster, generation } = await catalogRow(t);
    const switched = MOVE_STEPS.indexOf(step) > MOVE_STEPS.indexOf("switch");
    expect({ cluster, generation }).toEqual(
      switched ? { cluster: to, generation: 2 } : { cluster: from, generation: 1 },
    );
    expect(await databaseOn(cluster, t.agencyDatabase)).toBe(true);
    expect(await databaseOn(other(cluster), t.agencyDatabase), "a copy left on the other cluster").toBe(
      false,
    );
    const moves = await s.services.control<{ state: string }[]>`
      select state from agency_moves where agency_id = ${t.agency.id}`;
    expect(moves.map((m) => m.state)).toEqual([switched ? "done" : "failed"]);
    // Every acknowledged write is where the agency is; it serves reads and writes.
    expect(writes.acknowledged.length).toBeGreaterThan(0);
    expect(writes.statuses.filter((st) => st !== 201 && st !== 503)).toEqual([]);
    const [{ n }] = await connectedTo(
      s.cluster(cluster).superuserUrl,
      t.agencyDatabase,
      (sql) =>
        sql<{ n: number }[]>`select count(*)::int as n from clients where id in ${sql(writes.acknowledged)}`,
    );
    expect(n).toBe(writes.acknowledged.length);
    expect((await call(s.app, "POST", "/api/clients", { token: t.token, body: { name: "after" } })).status)
      .toBe(201);
  }, 60_000);

  it("does not switch a move another process has taken over, though its lock session lives", async () => {
    const t = await signupAgency(s.app, "taken");
    const from = t.agency.cluster;
    const deps = moverDeps(s.services.lifecycle, { ...s.services.config, MOVE_SOURCE_GRACE_SECONDS: 0 }, {
      async beforeStep(name) {
        // The compare-and-set alone must stop the switch: the owner token is no longer this mover's.
        if (name === "switch") {
          await s.services
            .control`update agency_moves set owner = gen_random_uuid() where agency_id = ${t.agency.id}`;
        }
      },
    });
    const error = await moveAgency(deps, t.agency.id, other(from), { actor: "test" }).catch((e) => e);
    expect(error).toMatchObject({ status: 503 });
    expect(String(error.message)).toContain("no longer this mover's");
    expect(await catalogRow(t)).toEqual({ cluster: from, generation: 1 });
    // The move is left to whoever holds it: the next settle undoes it.
    const settled = await settleMoves(
      moverDeps(s.services.lifecycle, { ...s.services.config, MOVE_SOURCE_GRACE_SECONDS: 0 }),
    );
    expect(settled.filter((o) => o.agency === t.agency.id).map((o) => o.outcome)).toEqual(["undone"]);
    expect(await databaseOn(other(from), t.agencyDatabase)).toBe(false);
  }, 60_000);
});

describe("an instance that missed the freeze notice", () => {
  it(
    "is stopped by the database's fence: its writes get 201 or 503, and every 201 is on the target",
    async () => {
      const t = await signupAgency(s.app, "deaf");
      // No listener and a long agency cache: it never hears the freeze, nor the switch until its cache
      // would expire; only the fence and the closed source stand between its writes and a lost one.
      const deaf = createServices(testConfig({ AGENCY_CACHE_TTL_MS: "600000" }), s.local.servers);
      const app = createApp(deaf);
      const writes: { status: number; id?: string }[] = [];
      let stopped = false;
      const until = performance.now() + 60_000;
      const loops = Array.from({ length: 2 }, async (_, w) => {
        for (let i = 0; !stopped && performance.now() < until && i < 5000; i++) {
          const r = await call(app, "POST", "/api/clients", { token: t.token, body: { name: `d${w}-${i}` } });
          writes.push({ status: r.status, id: (r.body as { data?: { id: string } } | null)?.data?.id });
          if (r.status !== 201) await sleep(50);
        }
      });
      try {
        await sleep(300);
        const moved = await moveAgency(s.services.mover, t.agency.id, other(t.agency.cluster), {
          actor: "test",
        });
        expect(moved.verification.verified).toBe(true);
        await sleep(500);
      } finally {
        stopped = true;
        await Promise.all(loops);
        await deaf.close();
      }
      expect(writes.filter((w) => w.status !== 201 && w.status !== 503)).toEqual([]);
      expect(writes.filter((w) => w.status === 503).length, "the fence stopped its writes").toBeGreaterThan(
        0,
      );
      const acknowledged = writes.filter((w) => w.status === 201).map((w) => w.id!);
      expect(acknowledged.length).toBeGreaterThan(0);
      const [{ n }] = await connectedTo(
        s.cluster(other(t.agency.cluster)).superuserUrl,
        t.agencyDatabase,
        (sql) =>
          sql<{ n: number }[]>`select count(*)::int as n from clients where id in ${sql(acknowledged)}`,
      );
      expect(n).toBe(acknowledged.length);
    },
    120_000,
  );
});

describe("moves in opposite directions at once", () => {
  it("both finish: neither's replication slot waits on the other's subscription", async () => {
    const [a, b] = [await signupAgency(s.app, "cross"), await signupAgency(s.app, "cross")];
    // Placement alternates; make sure the two start on different clusters.
    if (a.agency.cluster === b.agency.cluster) {
      await moveAgency(s.services.mover, b.agency.id, other(b.agency.cluster), { actor: "test" });
    }
    const [ra, rb] = [await catalogRow(a), await catalogRow(b)];
    const moved = await Promise.all([
      moveAgency(s.services.mover, a.agency.id, other(ra.cluster), { actor: "test" }),
      moveAgency(s.services.mover, b.agency.id, other(rb.cluster), { actor: "test" }),
    ]);
    expect(moved.map((m) => m.verification.verified)).toEqual([true, true]);
    expect((await catalogRow(a)).cluster).toBe(rb.cluster);
    expect((await catalogRow(b)).cluster).toBe(ra.cluster);
  }, 120_000);
});

describe("moves into one cluster at once", () => {
  it("refuses one past MOVES_PER_CLUSTER with 503 and Retry-After, creating nothing", async () => {
    const t = await signupAgency(s.app, "slots");
    const to = other(t.agency.cluster);
    // The one slot of the target, held as a running move holds it.
    const holder = await connectedTo(s.cluster("local").superuserUrl, "buildflow", async (sql) => {
      const deps = moverDeps(s.services.lifecycle, { ...s.services.config, MOVES_PER_CLUSTER: 1 });
      await sql`select pg_advisory_lock(${0x62666d73}::int, hashtext(${`${to}/0`}))`;
      return await moveAgency(deps, t.agency.id, to, { actor: "test" }).catch((e) => e);
    });
    expect(holder).toMatchObject({ status: 503, code: "unavailable" });
    expect(String(holder.message)).toContain(`Cluster ${to} is taking 1 moves already`);
    expect(await s.services.control`select 1 from agency_moves where agency_id = ${t.agency.id}`).toEqual([]);
    expect(await catalogRow(t)).toEqual({ cluster: t.agency.cluster, generation: 1 });
  });
});

describe("an operator's revoke-sessions during a move's freeze", () => {
  it("gets 503 or lands on the target, and is in the agency's audit log and events either way", async () => {
    const t = await signupAgency(s.app, "revoke-move");
    const email = `user.${crypto.randomUUID().slice(0, 8)}@example.com`;
    const user = dataOf<{ id: string }>(
      await call(s.app, "POST", "/api/users", {
        token: t.token,
        body: { email, password: PASSWORD, fullName: "Subject", role: "employee" },
      }),
      201,
    );
    const userToken = await loginToken(s.app, email, PASSWORD);
    const { token: operatorToken } = await operator(s);
    const revoke = () =>
      call(s.app, "POST", `/api/admin/agencies/${t.agency.id}/users/${user.id}/revoke-sessions`, {
        token: operatorToken,
      });
    let during: { status: number; body: unknown } | undefined;
    const deps = moverDeps(s.services.lifecycle, { ...s.services.config, MOVE_SOURCE_GRACE_SECONDS: 3600 }, {
      async beforeStep(name) {
        if (name === "catch-up") during = await revoke(); // writes are frozen and fenced now
      },
    });
    const moved = await moveAgency(deps, t.agency.id, other(t.agency.cluster), { actor: "test" });
    expect(moved.verification.verified).toBe(true);
    expect(during, "the revoke ran during the freeze").toBeDefined();
    expect([204, 503], JSON.stringify(during!.body)).toContain(during!.status);
    if (during!.status === 503) {
      expect(during).toMatchObject({ body: { code: "unavailable" } });
      expect((await revoke()).status).toBe(204); // after the move: on the target
    }
    expect((await call(s.app, "GET", "/api/clients", { token: userToken })).status).toBe(401);
    const audit = await connectedTo(
      s.cluster(moved.to).superuserUrl,
      t.agencyDatabase,
      (sql) =>
        sql`select action, new_values from audit_log where record_id = ${user.id} and action = 'revoke_sessions'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].newValues).toMatchObject({ by: expect.stringMatching(/^operator:/) });
    const events = await s.services.control`
      select actor, details from agency_events where agency_id = ${t.agency.id} and event = 'user.sessions_revoked'`;
    expect(events).toHaveLength(1);
    expect(events[0].details).toEqual({ user: user.id });
  }, 60_000);
});
