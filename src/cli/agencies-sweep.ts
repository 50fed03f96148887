// `deno task agencies:sweep [--stuck-after SECONDS]`: on every cluster, removes orphan agency and
// spare databases and signups stuck in provisioning.
import { parseArgs } from "node:util";
import { sweepOrphans } from "../tenancy/sweeper.ts";
import { exitOnError } from "./exit.ts";
import { withCliContext } from "./context.ts";

const { values } = parseArgs({ options: { "stuck-after": { type: "string", default: "600" } } });

await exitOnError(() =>
  withCliContext(async ({ clusters }) => {
    for (const cluster of await clusters.all()) {
      const result = await sweepOrphans(cluster, Number(values["stuck-after"]));
      console.log(`${cluster.cluster}: expired signups: ${result.expiredAgencies.length}`);
      console.log(`${cluster.cluster}: dropped databases: ${result.droppedDatabases.length}`);
      for (const name of result.droppedDatabases) console.log(`  ${name}`);
    }
  })
);
