// provisionAgency: runs the steps in order; on any failure undoes every step begun, newest first,
// so a failed signup leaves no database, catalog row or directory row behind.
import { hashPassword } from "../../auth/password.ts";
import { ApiError, fromDatabaseError, unavailable } from "../../platform/errors.ts";
import { agencyDatabaseName } from "../database-name.ts";
import { templateVersion } from "../template.ts";
import { activateAgency } from "./activate-agency.ts";
import { createAdminUser } from "./create-admin-user.ts";
import { createDatabase } from "./create-database.ts";
import { grantAccess } from "./grant-access.ts";
import { recordAgency } from "./record-agency.ts";
import { registerUser } from "./register-user.ts";
import type { Provisioning, ProvisioningDeps, SignupInput, Step } from "./types.ts";

export type { ProvisioningDeps, ProvisioningHooks, SignupInput } from "./types.ts";

export const PROVISIONING_STEPS: Step[] = [
  recordAgency,
  createDatabase,
  grantAccess,
  createAdminUser,
  registerUser,
  activateAgency,
];

export async function provisionAgency(deps: ProvisioningDeps, input: SignupInput) {
  const schemaVersion = await templateVersion(deps);
  if (!schemaVersion) {
    throw unavailable("The tenant template is not ready; run `deno task tenants:migrate`", 30);
  }
  const agencyId = crypto.randomUUID();
  const p: Provisioning = {
    input,
    agencyId,
    databaseName: agencyDatabaseName(agencyId, input.domain ?? input.name),
    // Hashed before any step, so no database work waits on ~100 ms of CPU.
    passwordHash: await hashPassword(input.admin.password),
    schemaVersion,
  };
  const begun: Step[] = [];
  try {
    for (const step of PROVISIONING_STEPS) {
      begun.push(step);
      await deps.hooks?.beforeStep?.(step.name);
      const started = performance.now();
      await step.run(p, deps);
      deps.hooks?.afterStep?.(step.name, performance.now() - started);
    }
  } catch (error) {
    const failed = begun.at(-1)?.name;
    for (const step of begun.reverse()) {
      await step.undo?.(p, deps).catch((undoError) =>
        console.error(JSON.stringify({ provisioning: agencyId, undo: step.name, error: String(undoError) }))
      );
    }
    if (error instanceof ApiError) throw error;
    // A value PostgreSQL refuses (e.g. a NUL byte) can never succeed: 400, not "retry".
    const refused = fromDatabaseError(error);
    if (refused?.code === "validation_failed") throw refused;
    throw unavailable(`Could not create the agency (${failed}); nothing was kept, retry`, 5, error);
  }
  return { agency: p.agency!, userId: p.userId!, source: p.source! };
}
