// The operator console in process: sign-in and its cookie, the session boundary (no session, an
// agency's token, a forged form, a removed operator), the pages and their actions, and the agencies
// page's render time with 1,000 more agencies in the catalog (logged, not asserted).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, freshAddress, hex, signupAgency, sleep, type Tenant } from "../support/fixtures.ts";
import { superuser, testApp } from "../support/stack.ts";
import { browser, csrfOf, OPERATOR_PASSWORD, operators } from "./helpers.ts";

const { app, services } = testApp({ TRUST_PROXY: "true" });
const su = superuser();
const ops = operators(() => services.control, su, {
  owner: "owner",
  viewer: "viewer",
  limited: "operator",
  leaving: "operator",
});
let tenant: Tenant;
beforeAll(async () => {
  tenant = await signupAgency(app, "console");
});

describe("without a session", () => {
  it("sends every page to sign-in, and back after it", async () => {
    const visitor = browser(app);
    for (
      const path of [
        "/console",
        "/console/agencies?q=x",
        `/console/agencies/${tenant.agency.id}`,
        "/console/live",
        "/console/live.json",
      ]
    ) {
      const page = await visitor.get(path);
      expect(page.status, path).toBe(303);
      expect(page.location).toBe(`/console/login?next=${encodeURIComponent(path)}`);
    }
    const signIn = await visitor.get("/console/login?next=%2Fconsole%2Flive");
    expect(signIn.status).toBe(200);
    const done = await visitor.post("/console/login", {
      _csrf: csrfOf(signIn.html),
      email: ops.owner.email,
      password: OPERATOR_PASSWORD,
      next: "/console/live",
    });
    expect(done.status, done.html).toBe(303);
    expect(done.location).toBe("/console/live");
  });

  it("opens no page to an agency's token, as a bearer or as the cookie", async () => {
    const visitor = browser(app);
    const bearer = await visitor.get("/console", { Authorization: `Bearer ${tenant.token}` });
    expect(bearer.status).toBe(303);
    const platformToken = (await call(app, "POST", "/api/admin/login", {
      body: { email: ops.owner.email, password: OPERATOR_PASSWORD },
    })).body!.token as string;
    for (const token of [tenant.token, platformToken]) {
      visitor.jar.set("__Host-buildflow_console", token);
      expect((await visitor.get("/console")).status).toBe(303);
      expect((await visitor.get("/console/live.json")).status).toBe(303);
    }
  });

  it("serves the assets without one", async () => {
    for (
      const [file, type] of [["uplot.js", "javascript"], ["uplot.css", "css"], ["console.css", "css"], [
        "live.js",
        "javascript",
      ]]
    ) {
      const res = await app.request(`/console/assets/${file}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain(type);
      expect((await res.text()).length).toBeGreaterThan(500);
    }
    expect((await app.request("/console/assets/nope.js")).status).toBe(404);
  });
});

describe("signing in and out", () => {
  it("keeps the session in a strict, HttpOnly, Secure cookie with an expiry", async () => {
    const visitor = browser(app);
    const done = await visitor.signIn(ops.owner.email);
    expect(done.status).toBe(303);
    const cookie = done.headers.getSetCookie().find((c) => c.startsWith("__Host-buildflow_console="))!;
    expect(cookie).toMatch(/; Max-Age=28800/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    const fleet = await visitor.get("/console");
    expect(fleet.status).toBe(200);
    expect(fleet.html).toContain("Agencies by status");
    expect(fleet.headers.get("cache-control")).toBe("no-store");
    expect(fleet.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");

    const out = await visitor.post("/console/logout", { _csrf: csrfOf(fleet.html) });
    expect(out.location).toBe("/console/login");
    expect((await visitor.get("/console")).status).toBe(303);
  });

  it("refuses a wrong password, and a sign-in form without its token", async () => {
    const visitor = browser(app);
    const wrong = await visitor.signIn(ops.owner.email, "Wrong-pass-42-long");
    expect(wrong.status).toBe(401);
    expect(wrong.html).toContain("Invalid email or password");
    expect(wrong.headers.getSetCookie().some((c) => c.startsWith("__Host-buildflow_console="))).toBe(false);
    const forged = await browser(app).post("/console/login", {
      email: ops.owner.email,
      password: OPERATOR_PASSWORD,
    });
    expect(forged.status).toBe(403);
  });

  it("counts failures against the same limit as POST /api/admin/login", async () => {
    for (let i = 0; i < 10; i++) {
      const res = await call(app, "POST", "/api/admin/login", {
        body: { email: ops.limited.email, password: "Wrong-pass-42-long" },
        headers: { "X-Forwarded-For": freshAddress() },
      });
      expect(res.status).toBe(401);
    }
    const limited = await browser(app).signIn(ops.limited.email);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("ends the session of an operator who is deactivated", async () => {
    const visitor = browser(app);
    await visitor.signIn(ops.leaving.email);
    expect((await visitor.get("/console")).status).toBe(200);
    await su`update users set is_active = false where id = ${ops.leaving.id}`;
    await sleep(5100); // the operator cache's TTL
    expect((await visitor.get("/console")).status).toBe(303);
  });
});

describe("pages and actions", () => {
  const owner = browser(app);
  const viewer = browser(app);
  beforeAll(async () => {
    await owner.signIn(ops.owner.email);
    await viewer.signIn(ops.viewer.email);
  });

  it("finds an agency by search and shows its page", async () => {
    const found = await owner.get(`/console/agencies?q=${encodeURIComponent(tenant.domain.toUpperCase())}`);
    expect(found.status).toBe(200);
    expect(found.html).toContain(`/console/agencies/${tenant.agency.id}`);
    expect((await owner.get("/console/agencies?q=no-such-agency-anywhere")).html).toContain(
      "No agency matches",
    );
    const page = await owner.get(`/console/agencies/${tenant.agency.id}`);
    expect(page.html).toContain(tenant.agency.databaseName);
    expect(page.html).toMatch(/id="users">1</);
    expect(page.html).toContain("agency.created");
    expect((await owner.get(`/console/agencies/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await owner.get("/console/agencies?status=nonsense")).status).toBe(400);
  });

  it("refuses a forged form: no token, a wrong one, or another site's", async () => {
    const path = `/console/agencies/${tenant.agency.id}/actions/suspend`;
    const csrf = csrfOf((await owner.get(path)).html);
    expect((await owner.post(path, {})).status).toBe(403);
    expect((await owner.post(path, { _csrf: csrf.replace(/^./, (c) => (c === "A" ? "B" : "A")) })).status)
      .toBe(403);
    expect((await owner.post(path, { _csrf: csrf }, { Origin: "https://evil.example.com" })).status).toBe(
      403,
    );
    expect((await owner.post("/console/logout", {})).status).toBe(403);
    expect((await call(app, "GET", "/api/clients", { token: tenant.token })).status).toBe(200);
  });

  it("suspends and resumes through the confirmation, and shows the result", async () => {
    const path = `/console/agencies/${tenant.agency.id}/actions/suspend`;
    const confirm = await owner.get(path);
    expect(confirm.html).toContain(`Suspend ${tenant.agency.name}`);
    const done = await owner.post(path, { _csrf: csrfOf(confirm.html) });
    expect(done.status, done.html).toBe(303);
    const after = await owner.get(done.location!);
    expect(after.html).toContain("Suspend: done. The agency is now suspended.");
    expect((await call(app, "GET", "/api/clients", { token: tenant.token })).status).toBe(423);

    const again = await owner.post(path, { _csrf: csrfOf(confirm.html) });
    expect(again.status).toBe(409);
    expect(again.html).toContain("Agency is suspended");

    const resume = `/console/agencies/${tenant.agency.id}/actions/resume`;
    expect((await owner.post(resume, { _csrf: csrfOf(confirm.html) })).status).toBe(303);
    expect((await call(app, "GET", "/api/clients", { token: tenant.token })).status).toBe(200);
  });

  it("lets a viewer read but not act", async () => {
    const page = await viewer.get(`/console/agencies/${tenant.agency.id}`);
    expect(page.status).toBe(200);
    expect(page.html).not.toContain("/actions/suspend");
    const path = `/console/agencies/${tenant.agency.id}/actions/suspend`;
    expect((await viewer.get(path)).status).toBe(403);
    // Refused for the role, with a good form token: not for a CSRF failure (that would hide a missing
    // role check behind the form check).
    const refused = await viewer.post(path, { _csrf: csrfOf(page.html) });
    expect(refused.status).toBe(403);
    expect(refused.html).toContain("Requires role");
    expect(refused.html).not.toContain("did not come from the console");
  });

  it("serves the live samples", async () => {
    const res = await owner.get("/console/live.json");
    expect(JSON.parse(res.html)).toMatchObject({ intervalMs: 5000, samples: expect.any(Array) });
    expect((await owner.get("/console/live")).html).toContain('class="chart"');
  });
});

describe("the agencies page with 1,000 more agencies", () => {
  const tag = hex(6);
  const owner = browser(app);
  beforeAll(async () => {
    // Catalog rows only (archived: no database, nothing for the sweeper or the fleet migration).
    await su`
      insert into agencies (id, name, domain, database_name, subscription_plan, status)
      select id, 'Console bench ' || ${tag} || ' ' || n, 'bench-' || n || '-' || ${tag} || '.example.com',
        'agency_console_bench_' || left(replace(id::text, '-', ''), 8), 'starter', 'archived'
      from (select gen_random_uuid() as id, n from generate_series(1, 1000) n) s`;
    await owner.signIn(ops.owner.email);
  });
  afterAll(async () => {
    await su`delete from agencies where name like ${`Console bench ${tag} %`}`;
  });

  it("pages through them, timing each kind of page (p50 logged)", async () => {
    const p50 = async (path: string) => {
      const times: number[] = [];
      for (let i = 0; i < 25; i++) {
        const started = performance.now();
        const page = await owner.get(path);
        times.push(performance.now() - started);
        expect(page.status).toBe(200);
      }
      return times.sort((a, b) => a - b)[12];
    };
    const [{ count }] = await su<{ count: number }[]>`select count(*)::int from agencies`;
    const first = await p50("/console/agencies");
    const search = await p50(`/console/agencies?q=bench-5`);
    const active = await p50("/console/agencies?status=active");
    const second = await owner.get("/console/agencies");
    const next = second.html.match(/href="([^"]+)" rel="next"/)![1].replaceAll("&amp;", "&");
    const paged = await p50(next);
    console.log(
      `console agencies page, ${count} agencies in the catalog: p50 ${first.toFixed(1)} ms first page, ` +
        `${paged.toFixed(1)} ms next page, ${search.toFixed(1)} ms search, ${
          active.toFixed(1)
        } ms active only`,
    );
    // The second page goes on where the first ended, though all 1,000 rows share one created_at.
    const firstIds = second.html.match(/agencies\/[0-9a-f-]{36}/g)!;
    const nextIds = (await owner.get(next)).html.match(/agencies\/[0-9a-f-]{36}/g)!;
    expect(nextIds).toHaveLength(50);
    expect(nextIds.filter((id) => firstIds.includes(id))).toEqual([]);
  });
});
