// Step 1: the catalog row, status `provisioning`, so the sweeper knows the database is wanted.
import { deleteAgency, insertAgency } from "../../catalog/agencies.ts";
import { conflict } from "../../platform/errors.ts";
import type { Step } from "./types.ts";

export const recordAgency: Step = {
  name: "record-agency",
  async run(p, { control, cluster }) {
    try {
      p.agency = await insertAgency(control, {
        id: p.agencyId,
        cluster,
        name: p.input.name,
        domain: p.input.domain ?? null,
        databaseName: p.databaseName,
        subscriptionPlan: p.input.subscriptionPlan,
      });
    } catch (error) {
      if ((error as { constraint_name?: string }).constraint_name === "agencies_domain_key") {
        throw conflict("Domain already taken", {
          issues: [{ path: "domain", message: "is already taken by another agency" }],
          cause: error,
        });
      }
      throw error;
    }
  },
  async undo(p, { control }) {
    await deleteAgency(control, p.agencyId);
  },
};
