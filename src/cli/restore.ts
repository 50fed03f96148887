// `deno task restore --agency <id|database> --from FILE [--as-new]`: restores a backup into a new
// database, checks it, then points the catalog at it (other agencies untouched). `--as-new` restores
// next to the live database for inspection and changes nothing else.
import { parseArgs } from "node:util";
import { restoreAgencyFromBackup } from "../tenancy/restore.ts";
import { withCliContext } from "./context.ts";
import { exitOnError } from "./exit.ts";

const { values } = parseArgs({
  options: {
    agency: { type: "string" },
    from: { type: "string" },
    "as-new": { type: "boolean", default: false },
  },
});

await exitOnError(() =>
  withCliContext(async ({ lifecycle }) => {
    if (!values.agency || !values.from) throw new Error("Pass --agency <id|database> and --from FILE");
    const result = await restoreAgencyFromBackup(lifecycle, values.agency, values.from, {
      actor: "cli",
      asNew: values["as-new"],
    });
    console.log(`restored ${values.from} into ${result.database}`);
    if ("previous" in result) {
      console.log(
        `agency ${result.agency.id} now uses ${result.database}; ${result.previous} is no longer claimed`,
      );
      console.log("(deno task agencies:sweep removes it once API caches have expired)");
    }
  })
);
