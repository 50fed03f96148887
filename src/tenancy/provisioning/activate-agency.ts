// Step 6: the agency goes live, at the schema version its database was cloned at.
import { transitionAgency } from "../../catalog/agencies.ts";
import type { Step } from "./types.ts";

export const activateAgency: Step = {
  name: "activate-agency",
  async run(p, { control }) {
    const agency = await transitionAgency(control, p.agencyId, ["provisioning"], "active", {
      name: "agency.created",
      actor: p.input.actor,
      schemaVersion: p.schemaVersion,
      details: { databaseName: p.databaseName, source: p.source },
    });
    if (!agency) throw new Error(`agency ${p.agencyId} left provisioning while being created`);
    p.agency = agency;
  },
};
