// Step 2: the agency's database: a spare renamed when the pool has one, else a template clone.
import { transaction } from "../../platform/db.ts";
import { dropDatabase } from "../control-plane.ts";
import { claimSpare } from "../spares.ts";
import { cloneTemplate } from "../template.ts";
import type { Step } from "./types.ts";

export const createDatabase: Step = {
  name: "create-database",
  async run(p, deps) {
    // The rename runs before the claim commits: no moment where the spare is claimed by no row (the
    // sweeper would drop it), and a failed rename puts the pool row back by rolling back. (A claim
    // that fails to commit after the rename leaves the renamed database to the agency's row.)
    const renamed = await transaction(deps.control, async (tx) => {
      const spare = await claimSpare(tx, deps.cluster, p.schemaVersion);
      if (spare) {
        await deps.server`alter database ${deps.server(spare)} rename to ${deps.server(p.databaseName)}`;
      }
      return Boolean(spare);
    });
    if (renamed) {
      p.source = "spare";
      return;
    }
    await cloneTemplate(deps, p.databaseName);
    p.source = "clone";
  },
  async undo(p, deps) {
    await dropDatabase(deps, p.databaseName);
  },
};
