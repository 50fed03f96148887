// Step 5: fair admission (src/tenancy/admission.ts): the rest of the request, database work and handler,
// runs in one of the agency's slots, or is refused with 429 or 503.
import { createMiddleware } from "hono/factory";
import type { Admission } from "../../tenancy/admission.ts";
import type { TenantEnv } from "./variables.ts";

export function admit({ admission }: { admission: Admission }) {
  return createMiddleware<TenantEnv>(async function admit(c, next) {
    await admission.run(c.var.agency.id, next);
  });
}
