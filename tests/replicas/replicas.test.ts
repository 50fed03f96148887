// Read replicas with read-your-writes, on a stack of the file's own: one cluster with a hot standby
// and its PgBouncer. Writes answer X-Consistency-Token; reads go to the replica when it has replayed
// the agency's last write (known here, or sent back by the client), else to the primary; a replica
// that stops leaves rotation without a failed request, and comes back once it is up again.
import { describe, expect, it } from "vitest";
import { createApp, createServices } from "../../src/app.ts";
import { startCluster, stopCluster } from "../../src/platform/postgres-cluster.ts";
import { call, connectedTo, type Reply, signupAgency, sleep, type Tenant } from "../support/fixtures.ts";
import { testConfig } from "../support/stack.ts";
import { clusterStack } from "../clusters/helpers.ts";

const s = clusterStack({ REPLICA_POLL_MS: "20" }, { clusters: 1, replicas: 1 });
const replica = () => s.cluster("local").replicas[0];
const TOKEN = "x-consistency-token";

/** Transactions committed in the agency's database on the primary and on the replica. */
async function commits(t: Tenant) {
  const read = (url: string) =>
    connectedTo(
      url,
      "postgres",
      async (sql) =>
        Number(
          (await sql`select xact_commit::text as n from pg_stat_database where datname = ${t.agencyDatabase}`)[
            0
          ].n,
        ),
    );
  const primaryUrl = s.cluster("local").superuserUrl;
  const replicaUrl = new URL(replica().databaseUrl);
  const su = new URL(primaryUrl);
  replicaUrl.username = su.username;
  replicaUrl.password = su.password;
  return { primary: await read(primaryUrl), replica: await read(replicaUrl.toString()) };
}

const reads = () => s.services.replicas.stats().reads as Record<string, number>;

describe("read-your-writes", () => {
  it("never reads a write stale on the instance that made it: 1,000 create-then-read pairs", async () => {
    const t = await signupAgency(s.app, "ryw");
    let stale = 0;
    const before = reads();
    for (let i = 0; i < 1000; i++) {
      const created = await call(s.app, "POST", "/api/tasks", { token: t.token, body: { title: `t${i}` } });
      expect(created.status).toBe(201);
      expect(created.headers.get(TOKEN)).toMatch(/^local\/[0-9A-F]+\/[0-9A-F]+$/);
      const id = (created.body as { data: { id: string } }).data.id;
      const list = await call(s.app, "GET", "/api/tasks?limit=5", { token: t.token });
      const one = await call(s.app, "GET", `/api/tasks/${id}`, { token: t.token });
      const listed = (list.body as { data: { id: string }[] }).data.some((task) => task.id === id);
      if (!listed || one.status !== 200) stale++;
    }
    expect(stale).toBe(0);
    const after = reads();
    // The point is served by the replica too, whenever it had caught up (not only by the primary).
    console.log(JSON.stringify({ pairs: 1000, before, after }));
    expect((after.replica ?? 0) - (before.replica ?? 0)).toBeGreaterThan(0);
  });

  it("never reads stale through a second instance that is sent the consistency token", async () => {
    const other = createServices(testConfig({ TRUST_PROXY: "1", REPLICA_POLL_MS: "20" }), s.local.servers);
    other.replicas.start();
    const second = createApp(other);
    try {
      const t = await signupAgency(s.app, "token");
      let stale = 0;
      let onReplica = 0;
      for (let i = 0; i < 200; i++) {
        const created = await call(s.app, "POST", "/api/tasks", { token: t.token, body: { title: `t${i}` } });
        const consistency = created.headers.get(TOKEN)!;
        const id = (created.body as { data: { id: string } }).data.id;
        // Every other read a little later, once the replica has caught up: then it may serve it.
        if (i % 2) await sleep(60);
        const before = other.replicas.stats().reads.replica ?? 0;
        const one = await call(second, "GET", `/api/tasks/${id}`, {
          token: t.token,
          headers: { "X-Consistency-Token": consistency },
        });
        if (one.status !== 200) stale++;
        onReplica += (other.replicas.stats().reads.replica ?? 0) - before;
      }
      expect(stale).toBe(0);
      expect(onReplica).toBeGreaterThan(0);
      // A token that is not ours is the client's mistake: 400, nothing read.
      const bad = await call(second, "GET", "/api/tasks", {
        token: t.token,
        headers: { "X-Consistency-Token": "x" },
      });
      expect(bad).toMatchObject({ status: 400, body: { code: "validation_failed" } });
    } finally {
      await other.close();
    }
  });
});

describe("routing", () => {
  it("sends at least 80% of reads with no recent write to the replica, as the servers count them", async () => {
    const t = await signupAgency(s.app, "share");
    await call(s.app, "POST", "/api/clients", { token: t.token, body: { name: "seen" } });
    await sleep(500); // the replica has replayed it, and been polled since
    const before = await commits(t);
    for (let i = 0; i < 300; i++) {
      const res = await call(s.app, "GET", "/api/clients?limit=5", { token: t.token });
      expect(res.status).toBe(200);
    }
    // Backends report their counts when idle, at most every 10 s (PostgreSQL 15's cumulative stats).
    await sleep(11_000);
    const after = await commits(t);
    const onReplica = after.replica - before.replica;
    const onPrimary = after.primary - before.primary;
    console.log(JSON.stringify({ reads: 300, onReplica, onPrimary }));
    expect(onReplica / (onReplica + onPrimary)).toBeGreaterThanOrEqual(0.8);
  });

  it("loses no request when the replica stops under load, and takes it back once it is up", async () => {
    const t = await signupAgency(s.app, "stop");
    const replies: Reply[] = [];
    let stopped = false;
    const deadline = performance.now() + 60_000;
    const loop = (work: (i: number) => Promise<Reply>) =>
      (async () => {
        for (let i = 0; !stopped && performance.now() < deadline && i < 5000; i++) {
          replies.push(await work(i));
        }
      })();
    const loops = [
      loop((i) => call(s.app, "POST", "/api/clients", { token: t.token, body: { name: `w${i}` } })),
      loop(() => call(s.app, "GET", "/api/clients?limit=5", { token: t.token })),
      loop(() => call(s.app, "GET", "/api/me", { token: t.token })),
    ];
    /** Waits (boundedly) until `route` has counted more reads than `from`. */
    const more = async (route: string, from: number, ms: number) => {
      const until = performance.now() + ms;
      while ((reads()[route] ?? 0) <= from && performance.now() < until) await sleep(50);
      return reads()[route] ?? 0;
    };
    let down = 0;
    let back = 0;
    try {
      await sleep(500);
      const before = reads().primary_down ?? 0;
      await stopCluster(replica().server);
      down = await more("primary_down", before, 3000) - before; // reads go to the primary
      const onReplica = reads().replica ?? 0;
      await startCluster(replica().server);
      back = await more("replica", onReplica, 15_000) - onReplica; // back in rotation
    } finally {
      stopped = true;
      await Promise.all(loops);
    }
    expect(down).toBeGreaterThan(0);
    expect(back).toBeGreaterThan(0);
    const failed = replies.filter((r) => r.status >= 300);
    for (const r of failed) expect(r).toMatchObject({ status: 503, body: { code: "unavailable" } });
    console.log(JSON.stringify({ requests: replies.length, failed: failed.length, reads: reads() }));
    expect(failed.length).toBe(0);
  });
});
