// requireRole: after the boundary, only the named roles pass (the user's current role, in the claims).
import { describe, expect, it } from "vitest";
import type { AgencyRole, VerifiedAgencyClaims } from "../../../src/auth/tokens.ts";
import { requireRole } from "../../../src/http/tenant/require-role.ts";
import { call } from "../../support/fixtures.ts";
import { given, stepApp } from "./helpers.ts";

const as = (role: AgencyRole) =>
  stepApp(
    [given({ claims: { role } as VerifiedAgencyClaims }), requireRole("admin", "manager")],
    (c) => c.json({ role: c.var.claims.role }),
  );

describe("requireRole", () => {
  it("lets the named roles through", async () => {
    for (const role of ["admin", "manager"] as const) {
      expect((await call(as(role), "POST", "/")).status).toBe(200);
    }
  });

  it("refuses every other role with 403, naming the roles it takes", async () => {
    for (const role of ["accountant", "employee"] as const) {
      const res = await call(as(role), "POST", "/");
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: "forbidden", error: "Requires role admin or manager" });
    }
  });
});
