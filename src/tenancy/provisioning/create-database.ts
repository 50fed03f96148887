// Step 2: the agency's database: a spare renamed when the pool has one, else a template clone.
import { transaction } from "../../platform/db.ts";
import { dropDatabase } from "../control-plane.ts";
import { claimSpare } from "../spares.ts";
import { cloneTemplate } from "../template.ts";
import type { Step } from "./types.ts";

export const createDatabase: Step = {
  name: "create-database",
  async run(p, deps) {
    // Claim and rename commit together where the catalog lives on the agency's cluster: no moment
    // where the spare is claimed by no row (the sweeper would drop it), and a failed rename puts the
    // pool row back by rolling back. On another cluster the rename runs before the claim commits (a
    // claim that then fails to commit leaves the renamed database to the agency's row).
    const renamed = await transaction(deps.control, async (tx) => {
      const spare = await claimSpare(tx, deps.cluster, p.schemaVersion);
      const ddl = deps.server === deps.control ? tx : deps.server;
      if (spare) await ddl`alter database ${ddl(spare)} rename to ${ddl(p.databaseName)}`;
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
