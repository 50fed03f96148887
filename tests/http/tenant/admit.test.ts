// admit: the rest of the request runs in one of the agency's admission slots, released when it ends;
// an agency past its slots and queue is refused (429) without running it.
import { describe, expect, it } from "vitest";
import type { Agency } from "../../../src/catalog/agencies.ts";
import { admit } from "../../../src/http/tenant/admit.ts";
import { createAdmission } from "../../../src/tenancy/admission.ts";
import { call, sleep } from "../../support/fixtures.ts";
import { given, stepApp } from "./helpers.ts";

const admission = createAdmission({
  concurrency: 8,
  queue: 8,
  timeoutMs: 5000,
  perAgency: 1,
  perAgencyQueue: 0,
});
const busy = { id: crypto.randomUUID() } as Agency;
const quiet = { id: crypto.randomUUID() } as Agency;
let release = () => {};
const app = (agency: Agency) =>
  stepApp([given({ agency }), admit({ admission })], async (c) => {
    if (c.req.method === "POST") await new Promise<void>((resolve) => release = resolve);
    return c.json({ active: admission.stats().active });
  });

describe("admit", () => {
  it("holds the agency's slot until the handler ends; the agency's next request is refused meanwhile", async () => {
    const held = call(app(busy), "POST", "/");
    await sleep(20);
    expect(admission.stats().active).toBe(1);
    const refused = await call(app(busy), "GET", "/");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("1");
    // Another agency has slots of its own.
    expect((await call(app(quiet), "GET", "/")).body).toEqual({ active: 2 });
    release();
    expect((await held).body).toEqual({ active: 1 });
    expect(admission.stats().active).toBe(0);
    expect((await call(app(busy), "GET", "/")).status).toBe(200);
  });
});
