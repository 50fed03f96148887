// `deno task agencies:<list|suspend|resume|archive|restore|delete> [<id|database>] [--force]`:
// the agency lifecycle from the command line, each change written to agency_events.
import { parseArgs } from "node:util";
import { type LifecycleAction, lifecycleActions } from "../tenancy/lifecycle.ts";
import { withCliContext } from "./context.ts";
import { exitOnError } from "./exit.ts";
import { table } from "./output.ts";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { force: { type: "boolean", default: false }, status: { type: "string" } },
});
const [action, target] = positionals;

await exitOnError(() =>
  withCliContext(async ({ control: sql, lifecycle }) => {
    if (action === "list") {
      const rows = await sql`
        select id, name, database_name, cluster, status, schema_version, created_at::date as created
        from agencies
        ${values.status ? sql`where status = ${values.status}` : sql``} order by created_at`;
      console.log(rows.length ? table(rows) : "no agencies");
      return;
    }
    if (!(action in lifecycleActions) || !target) {
      throw new Error("usage: agencies <list|suspend|resume|archive|restore|delete> <id|database> [--force]");
    }
    const agency = await lifecycleActions[action as LifecycleAction](lifecycle, target, {
      actor: "cli",
      force: values.force,
    });
    console.log(`${agency.databaseName}: ${agency.status}`);
  })
);
