// Step 2: the agency's database: a spare renamed when the pool has one, else a template clone.
import { dropDatabase } from "../control-plane.ts";
import { claimSpare, returnSpare } from "../spares.ts";
import { cloneTemplate } from "../template.ts";
import type { Step } from "./types.ts";

export const createDatabase: Step = {
  name: "create-database",
  async run(p, deps) {
    const { control: sql } = deps;
    const spare = await claimSpare(sql, p.schemaVersion);
    if (spare) {
      try {
        await sql`alter database ${sql(spare)} rename to ${sql(p.databaseName)}`;
        p.source = "spare";
        return;
      } catch (error) {
        await returnSpare(sql, spare, p.schemaVersion);
        throw error;
      }
    }
    await cloneTemplate(deps, p.databaseName);
    p.source = "clone";
  },
  async undo(p, deps) {
    await dropDatabase(deps, p.databaseName);
  },
};
