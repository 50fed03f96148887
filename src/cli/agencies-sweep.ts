// `deno task agencies:sweep [--stuck-after SECONDS]`: settles moves a stopped mover left (and drops
// moved agencies' sources past their grace period), then on every cluster removes orphan agency and
// spare databases and signups stuck in provisioning.
import { parseArgs } from "node:util";
import { moverDeps, settleMoves } from "../tenancy/mover/index.ts";
import { sweepOrphans } from "../tenancy/sweeper.ts";
import { exitOnError } from "./exit.ts";
import { withCliContext } from "./context.ts";

const { values } = parseArgs({ options: { "stuck-after": { type: "string", default: "600" } } });

await exitOnError(() =>
  withCliContext(async ({ config, clusters, lifecycle }) => {
    // First the moves a stopped mover left: undone (or finished), so their databases are settled.
    for (
      const { agency, outcome } of await settleMoves(moverDeps(lifecycle, config))
    ) {
      console.log(`move of ${agency}: ${outcome}`);
    }
    for (const cluster of await clusters.all()) {
      const result = await sweepOrphans(cluster, Number(values["stuck-after"]));
      console.log(`${cluster.cluster}: expired signups: ${result.expiredAgencies.length}`);
      console.log(`${cluster.cluster}: dropped databases: ${result.droppedDatabases.length}`);
      for (const name of result.droppedDatabases) console.log(`  ${name}`);
    }
  })
);
