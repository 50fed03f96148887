// `deno task tenants:migrate [--concurrency 4] [--only-failed] [--agency ID|DB] [--dry-run]
//   [--migrations-dir DIR]`: the template first, then the spare pool, then every agency database.
// Exits non-zero when any agency failed; `--only-failed` retries just those.
import { parseArgs } from "node:util";
import { ConfigError } from "../config.ts";
import { TENANT_MIGRATIONS } from "../platform/dbmate.ts";
import { migrateFleet } from "../tenancy/fleet-migrate.ts";
import { refillSpares } from "../tenancy/spares.ts";
import { prepareTemplate } from "../tenancy/template.ts";
import { withCliContext } from "./context.ts";
import { exitOnError } from "./exit.ts";
import { progress, table } from "./output.ts";

const { values } = parseArgs({
  options: {
    concurrency: { type: "string", default: "4" },
    "only-failed": { type: "boolean", default: false },
    agency: { type: "string" },
    "dry-run": { type: "boolean", default: false },
    "migrations-dir": { type: "string", default: TENANT_MIGRATIONS },
  },
});

const concurrency = Number(values.concurrency);

await exitOnError(() =>
  withCliContext(async ({ config, dbmate, controlPlane }) => {
    // NaN would start no worker at all: nothing migrated, and a zero exit code.
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new ConfigError(`--concurrency must be a positive integer, not ${values.concurrency}`);
    }
    const migrationsDir = values["migrations-dir"];
    const started = performance.now();
    if (!values["dry-run"]) {
      console.log(`template at ${await prepareTemplate(controlPlane, dbmate(), migrationsDir)}`);
      console.log(`spares refilled: ${await refillSpares(controlPlane, config.SPARE_DATABASES)}`);
    }
    const bar = progress("agencies");
    const outcomes = await migrateFleet(controlPlane, {
      dbmateBin: dbmate(),
      migrationsDir,
      concurrency,
      onlyFailed: values["only-failed"],
      agency: values.agency,
      dryRun: values["dry-run"],
      onResult: (o, done, total) =>
        bar.item(done, total, `${o.databaseName} ${o.status}${o.error ? `: ${o.error}` : ""}`),
    });
    bar.end();
    const count = (status: string) => outcomes.filter((o) => o.status === status).length;
    const interesting = outcomes.filter((o) => o.status !== "current" && o.status !== "migrated");
    if (interesting.length) {
      console.log(table(interesting.map((o) => ({
        database: o.databaseName,
        status: o.status,
        pending: o.pending.join(" "),
        error: o.error,
      }))));
    }
    console.log(table([{
      agencies: outcomes.length,
      migrated: count("migrated"),
      current: count("current"),
      pending: count("pending"),
      failed: count("failed"),
      locked: count("locked"),
      seconds: ((performance.now() - started) / 1000).toFixed(1),
    }]));
    if (count("failed") || count("locked")) Deno.exit(1);
  })
);
