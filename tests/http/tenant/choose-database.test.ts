// chooseDatabase, on a stack with a replica: a read goes to a replica that has replayed what it must
// see (the agency's writes known here, the client's consistency token), everything else to the primary.
import { beforeAll, describe, expect, it } from "vitest";
import { type Agency, findAgency } from "../../../src/catalog/agencies.ts";
import { chooseDatabase } from "../../../src/http/tenant/choose-database.ts";
import { consistencyToken, currentLsn } from "../../../src/tenancy/replica-router.ts";
import { call, signupAgency, sleep } from "../../support/fixtures.ts";
import { clusterStack } from "../../clusters/helpers.ts";
import { given, stepApp } from "./helpers.ts";

const s = clusterStack({ REPLICA_POLL_MS: "20" }, { clusters: 1, replicas: 1 });
const retried = new WeakSet<Request>();
let agency: Agency;
let replica: string;
beforeAll(async () => {
  const t = await signupAgency(s.app, "choose");
  agency = (await findAgency(s.services.control, { id: t.agency.id }))!;
  replica = (await s.services.clusters.get("local")).replicas[0].name;
  // Until the replica has replayed the signup (its first write, noted here).
  for (let i = 0; i < 300 && !s.services.replicas.route(agency).replica; i++) await sleep(50);
});

const app = () =>
  stepApp(
    [given({ agency }), chooseDatabase({ replicas: s.services.replicas, retried })],
    (c) => c.json({ databaseName: c.var.database.databaseName, replica: c.var.database.replica ?? null }),
  );
const reads = () => s.services.replicas.stats().reads as Record<string, number>;

describe("chooseDatabase", () => {
  it("sends a read to a replica that has replayed the agency's writes, a write to the primary", async () => {
    expect((await call(app(), "GET", "/")).body).toEqual({ databaseName: agency.databaseName, replica });
    for (const method of ["POST", "PATCH", "PUT", "DELETE"]) {
      expect((await call(app(), method, "/")).body, method).toEqual({
        databaseName: agency.databaseName,
        replica: null,
      });
    }
  });

  it("keeps a read on the primary while the replica is behind the client's consistency token", async () => {
    const ahead = consistencyToken("local", (await currentLsn(s.services.control)) + (1n << 40n));
    const res = await call(app(), "GET", "/", { headers: { "X-Consistency-Token": ahead } });
    expect(res.body!.replica).toBeNull();
    const replayed = consistencyToken("local", 1n);
    expect((await call(app(), "GET", "/", { headers: { "X-Consistency-Token": replayed } })).body!.replica)
      .toBe(replica);
  });

  it("keeps a read that is served again after its replica failed on the primary", async () => {
    const request = new Request("http://step.test/");
    retried.add(request);
    expect(await (await app().request(request)).json()).toMatchObject({ replica: null });
  });

  it("refuses a consistency token it did not issue (400) before the read is routed", async () => {
    const before = reads();
    const res = await call(app(), "GET", "/", { headers: { "X-Consistency-Token": "local/not-a-position" } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "validation_failed", issues: [{ path: "X-Consistency-Token" }] });
    expect(reads()).toEqual(before);
  });
});
