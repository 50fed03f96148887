// Who may sign up for what: open signup takes only a self-service plan (403 plan_not_available
// otherwise, creating nothing) and defaults to the free one; an operator gives any active plan, at
// signup or later; closed signup re-checks the operator as the admin routes do, so a deactivated or
// demoted operator is refused once the operator cache has let go (5 s).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  apiFor,
  call,
  databaseExists,
  hex,
  type SignedInOperator,
  signedInOperator,
  type Signup,
  sleep,
} from "../support/fixtures.ts";
import { superuser, testApp } from "../support/stack.ts";
import { leftovers, postSignup, type SignupBody, signupBody } from "./helpers.ts";

const open = testApp({ TRUST_PROXY: "true" });
const closed = testApp({ OPEN_SIGNUP: "false" });
const su = superuser();
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const nothingCreated = { agencies: 0, directory: 0, databases: [] };
const operators: Record<"operator" | "viewer" | "leaving" | "demoted", SignedInOperator> = {} as never;
// A self-service plan of this file's own, beside the seeded free one.
const freePlan = `t_free_${hex(8)}`;

beforeAll(async () => {
  for (const name of ["operator", "leaving", "demoted"] as const) {
    operators[name] = await signedInOperator(closed.app, closed.services.control);
  }
  operators.viewer = await signedInOperator(closed.app, closed.services.control, "viewer");
  await su`insert into subscription_plans (code, name, max_users, max_projects, storage_mb, price_inr, self_service)
    values (${freePlan}, ${"Free " + freePlan}, 3, 3, 1000, 0, true)`;
});

afterAll(async () => {
  const emails = Object.values(operators).map((o) => o.email);
  await su`delete from users where email in ${su(emails)}`;
  await su`update subscription_plans set is_active = false where code = ${freePlan}`;
});

async function created(res: Response): Promise<Signup> {
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(201);
  return json;
}

/** The plan GET /api/usage reports for the agency's admin. */
async function usagePlan(app: typeof open.app, token: string) {
  const usage = await apiFor(app, token).get("/api/usage");
  expect(usage.status, JSON.stringify(usage.body)).toBe(200);
  return (usage.body!.plan as { code: string }).code;
}

describe("plans at open signup", () => {
  it.each(["enterprise", "pro"])(
    "refuses %s with 403 plan_not_available naming the self-service plans, creating nothing",
    async (plan) => {
      const body: SignupBody = { ...signupBody("notfree"), subscriptionPlan: plan };
      const res = await postSignup(open.app, body);
      const json = await res.json();
      expect(res.status, JSON.stringify(json)).toBe(403);
      expect(json).toMatchObject({ code: "plan_not_available", issues: [{ path: "subscriptionPlan" }] });
      expect(json.error).toContain(plan);
      const offered = json.issues[0].message as string;
      expect(offered).toMatch(/^self-service plans: /);
      expect(offered).toContain("starter");
      expect(offered).toContain(freePlan);
      expect(offered).not.toMatch(/\b(pro|enterprise)\b/);
      // Neither a catalog row, a directory row nor a database (pg_database).
      expect(await leftovers(su, body)).toEqual(nothingCreated);
    },
  );

  it("puts a signup that names no plan on the free plan", async () => {
    const { agency, token } = await created(await postSignup(open.app, signupBody("noplan")));
    expect(agency.subscriptionPlan).toBe("starter");
    expect(await usagePlan(open.app, token)).toBe("starter");
  });

  it("takes any self-service plan", async () => {
    const body = { ...signupBody("freeplan"), subscriptionPlan: freePlan };
    const { token } = await created(await postSignup(open.app, body));
    expect(await usagePlan(open.app, token)).toBe(freePlan);
  });

  it("still answers an unknown plan with 400", async () => {
    const body = { ...signupBody("unknown"), subscriptionPlan: "platinum" };
    const res = await postSignup(open.app, body);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      code: "validation_failed",
      issues: [{ path: "subscriptionPlan" }],
    });
    expect(await leftovers(su, body)).toEqual(nothingCreated);
  });

  it("lets an operator who presents a token give any active plan, and refuses a viewer's", async () => {
    const body = { ...signupBody("opopen"), subscriptionPlan: "enterprise" };
    const { agency, token } = await created(
      await postSignup(open.app, body, bearer(operators.operator.token)),
    );
    expect(agency.subscriptionPlan).toBe("enterprise");
    expect(await usagePlan(open.app, token)).toBe("enterprise");

    const refused = { ...signupBody("viewopen"), subscriptionPlan: "enterprise" };
    const res = await postSignup(open.app, refused, bearer(operators.viewer.token));
    expect(res.status).toBe(403);
    expect((await res.json()).code).toBe("forbidden");
    expect(await leftovers(su, refused)).toEqual(nothingCreated);
  });

  it("lets an operator move a self-service agency to any plan later; it keeps that plan", async () => {
    const { agency, token } = await created(await postSignup(open.app, signupBody("later")));
    const moved = await call(open.app, "POST", `/api/admin/agencies/${agency.id}/plan`, {
      token: operators.operator.token,
      body: { plan: "enterprise" },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ data: { subscriptionPlan: "enterprise", previousPlan: "starter" } });
    expect(await usagePlan(open.app, token)).toBe("enterprise");
    const [event] = await su<{ actor: string; details: Record<string, string> }[]>`
      select actor, details from agency_events where agency_id = ${agency.id} and event = 'agency.plan_changed'`;
    expect(event).toEqual({
      actor: `operator:${operators.operator.id}`,
      details: { from: "starter", to: "enterprise" },
    });
  });
});

describe("with OPEN_SIGNUP=false", () => {
  it("refuses a request without a token with 401", async () => {
    const body = signupBody("closed");
    const res = await postSignup(closed.app, body);
    expect(res.status).toBe(401);
    expect((await res.json()).code).toBe("unauthorized");
    expect(await leftovers(su, body)).toEqual(nothingCreated);
  });

  it("refuses garbage with 401 and an agency's token with 403, as the admin routes do", async () => {
    const { token } = await created(await postSignup(open.app, signupBody("agencytoken")));
    const cases: [string, number][] = [
      [`Bearer ${token}`, 403],
      ["Bearer not.a.jwt", 401],
      [`Basic ${btoa("a:b")}`, 401],
      [token, 401],
    ];
    for (const [auth, status] of cases) {
      const body = signupBody("closed");
      const res = await postSignup(closed.app, body, { Authorization: auth });
      expect(res.status, auth).toBe(status);
      expect(await leftovers(su, body)).toEqual(nothingCreated);
    }
  });

  it("refuses a viewer with 403, and a signed token of no operator in the catalog with 401", async () => {
    const ghost = await closed.services.tokens.signPlatform({ sub: crypto.randomUUID(), role: "owner" });
    for (const [token, status] of [[operators.viewer.token, 403], [ghost, 401]] as const) {
      const body = signupBody("refused");
      const res = await postSignup(closed.app, body, bearer(token));
      expect(res.status).toBe(status);
      expect(await leftovers(su, body)).toEqual(nothingCreated);
    }
  });

  it("creates the agency for an operator, on any active plan, recording who did", async () => {
    const body = { ...signupBody("operator"), subscriptionPlan: "enterprise" };
    const { agency, token } = await created(
      await postSignup(closed.app, body, bearer(operators.operator.token)),
    );
    expect(agency).toMatchObject({ domain: body.domain, subscriptionPlan: "enterprise" });
    expect(await databaseExists(su, agency.databaseName)).toBe(true);
    expect(await usagePlan(closed.app, token)).toBe("enterprise");
    const [event] = await su<{ actor: string }[]>`
      select actor from agency_events where agency_id = ${agency.id} and event = 'agency.created'`;
    expect(event.actor).toBe(`operator:${operators.operator.id}`);
  });

  it("refuses an operator deactivated 6 s earlier with 401, and one demoted to viewer with 403", async () => {
    const { leaving, demoted } = operators;
    // Both work first, so the operator cache holds them when the catalog changes.
    for (const { token } of [leaving, demoted]) {
      await created(await postSignup(closed.app, signupBody("before"), bearer(token)));
    }
    await su`update users set is_active = false where id = ${leaving.id}`;
    await su`update users set role = 'viewer' where id = ${demoted.id}`;
    await sleep(6000);
    for (const [{ token }, status] of [[leaving, 401], [demoted, 403]] as const) {
      const body = signupBody("after");
      const res = await postSignup(closed.app, body, bearer(token));
      expect(res.status).toBe(status);
      expect(await leftovers(su, body)).toEqual(nothingCreated);
    }
  }, 30_000);
});
