// `deno task agencies:sweep [--stuck-after SECONDS]`: removes orphan agency and spare databases and
// signups stuck in provisioning.
import { parseArgs } from "node:util";
import { sweepOrphans } from "../tenancy/sweeper.ts";
import { exitOnError } from "./exit.ts";
import { withCliContext } from "./context.ts";

const { values } = parseArgs({ options: { "stuck-after": { type: "string", default: "600" } } });

await exitOnError(() =>
  withCliContext(async ({ controlPlane }) => {
    const result = await sweepOrphans(controlPlane, Number(values["stuck-after"]));
    console.log(`expired signups: ${result.expiredAgencies.length}`);
    console.log(`dropped databases: ${result.droppedDatabases.length}`);
    for (const name of result.droppedDatabases) console.log(`  ${name}`);
  })
);
