// `deno task agencies:<list|suspend|resume|archive|restore|delete|cold|wake> [<id|database>] [--force]`:
// the agency lifecycle from the command line, each change written to agency_events. `cold` sends an
// agency cold now, `wake` restores a cold one (src/tenancy/cold/). `restore` brings an
// archived agency back; with `--to-time ISO`, a live agency's data as it was then (point-in-time, from
// its cluster's backups); with `--undo`, the state the latest restore replaced.
import { parseArgs } from "node:util";
import { type LifecycleAction, lifecycleActions } from "../tenancy/lifecycle.ts";
import { type ColdAction, coldActions } from "../tenancy/cold/actions.ts";
import { restoreAgencyToTime } from "../backups/point-in-time.ts";
import { undoLastRestore } from "../tenancy/restore.ts";
import { withCliContext } from "./context.ts";
import { parseTime } from "./time.ts";
import { exitOnError } from "./exit.ts";
import { table } from "./output.ts";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    force: { type: "boolean", default: false },
    status: { type: "string" },
    "to-time": { type: "string" },
    undo: { type: "boolean", default: false },
  },
});
const [action, target] = positionals;

await exitOnError(() =>
  withCliContext(async ({ control: sql, lifecycle, backups }) => {
    if (action === "list") {
      const rows = await sql`
        select id, name, database_name, cluster, status, schema_version, created_at::date as created
        from agencies
        ${values.status ? sql`where status = ${values.status}` : sql``} order by created_at`;
      console.log(rows.length ? table(rows) : "no agencies");
      return;
    }
    const actions = { ...lifecycleActions, ...coldActions };
    if (!(action in actions) || !target) {
      throw new Error(
        "usage: agencies <list|suspend|resume|archive|restore|delete|cold|wake> <id|database> [--force] " +
          "(restore: [--to-time ISO | --undo])",
      );
    }
    if (action === "restore" && (values["to-time"] || values.undo)) {
      const result = values.undo
        ? await undoLastRestore(lifecycle, target, { actor: "cli" })
        : await restoreAgencyToTime(
          { ...lifecycle, backups: await backups() },
          target,
          parseTime(values["to-time"]!),
          { actor: "cli" },
        );
      console.log(
        `${result.agency.id}: now ${result.database} (was ${result.previous}), writes refused for ` +
          `${result.freezeMs} ms`,
      );
      if ("timings" in result) console.log(table([result.timings as Record<string, number>]));
      if (result.previousArchive) {
        console.log(`the replaced state is archived in ${result.previousArchive}: --undo brings it back`);
      }
      return;
    }
    const agency = await actions[action as LifecycleAction | ColdAction](lifecycle, target, {
      actor: "cli",
      force: values.force,
    });
    console.log(`${agency.databaseName}: ${agency.status}`);
  })
);
