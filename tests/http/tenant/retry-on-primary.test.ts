// retryOnPrimary: a read whose replica failed is served again from the top, once, and the replica
// leaves rotation; the query's own errors, and failures on the primary, pass on as they are.
import { describe, expect, it } from "vitest";
import { retryOnPrimary } from "../../../src/http/tenant/retry-on-primary.ts";
import { connect } from "../../../src/platform/db.ts";
import { badRequest } from "../../../src/platform/errors.ts";
import { databaseUrlFor } from "../../../src/tenancy/control-plane.ts";
import type { TenantDatabase } from "../../../src/tenancy/tenant-clients.ts";
import { call } from "../../support/fixtures.ts";
import { stack, testApp } from "../../support/stack.ts";
import { given, stepApp } from "./helpers.ts";

const { services } = testApp();
const replicas = services.replicas;

/** What a replica that does not hold the agency's database (yet) answers, through its PgBouncer. */
async function replicaError(): Promise<unknown> {
  const sql = connect(databaseUrlFor(stack().servers.poolerUrl, "agency_gone_0123abcd"), { max: 1 });
  try {
    return await sql`select 1`.then(() => undefined, (error) => error);
  } finally {
    await sql.end({ timeout: 1 });
  }
}

function retrying(database: TenantDatabase, error: unknown) {
  const retried = new WeakSet<Request>();
  const dispatched: Request[] = [];
  const app = stepApp(
    [
      given({ database }),
      retryOnPrimary({
        replicas,
        retried,
        dispatch: (request) => {
          dispatched.push(request);
          return Promise.resolve(Response.json({ servedAgain: true }));
        },
      }),
      () => Promise.reject(error),
    ],
    (c) => c.json({ reached: true }),
  );
  return { app, retried, dispatched };
}

const onReplica = { cluster: "local", databaseName: "agency_retry_0123abcd", replica: "r1" };
const retries = () => replicas.stats().reads.primary_retry ?? 0;

describe("retryOnPrimary", () => {
  it("serves a read whose replica failed again, once, the same request marked to stay on the primary", async () => {
    const error = await replicaError();
    const { app, retried, dispatched } = retrying(onReplica, error);
    const before = retries();
    const request = new Request("http://step.test/");
    const res = await app.request(request);
    expect(await res.json()).toEqual({ servedAgain: true });
    expect(dispatched).toEqual([request]);
    expect(retried.has(request)).toBe(true);
    expect(retries()).toBe(before + 1);
  });

  it("passes the query's own errors on, and any failure on the primary", async () => {
    const before = retries();
    const own = retrying(onReplica, badRequest("Bad value"));
    expect((await call(own.app, "GET", "/")).status).toBe(400);
    const { replica: _, ...primary } = onReplica;
    const down = retrying(primary, await replicaError());
    expect((await call(down.app, "GET", "/")).status).toBe(503);
    expect([...own.dispatched, ...down.dispatched]).toEqual([]);
    expect(retries()).toBe(before);
  });
});
