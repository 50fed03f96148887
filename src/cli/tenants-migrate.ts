// `deno task tenants:migrate [--concurrency 4] [--only-failed] [--agency ID|DB] [--cluster NAME]
//   [--dry-run] [--migrations-dir DIR]`: each cluster's template first, then its spare pool, then every
// agency database on every cluster (or one), each where it lives when its turn comes (a run waits for an
// agency's move or lifecycle action to end). Exits non-zero when any agency failed; `--only-failed`
// retries just those.
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
    cluster: { type: "string" },
    "dry-run": { type: "boolean", default: false },
    "migrations-dir": { type: "string", default: TENANT_MIGRATIONS },
  },
});

const concurrency = Number(values.concurrency);

await exitOnError(() =>
  withCliContext(async ({ config, dbmate, control, clusters, lifecycle }) => {
    // NaN would start no worker at all: nothing migrated, and a zero exit code.
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new ConfigError(`--concurrency must be a positive integer, not ${values.concurrency}`);
    }
    const migrationsDir = values["migrations-dir"];
    const started = performance.now();
    const targets = (await clusters.all()).filter((c) => !values.cluster || c.cluster === values.cluster);
    if (!targets.length) throw new ConfigError(`--cluster ${values.cluster}: no such cluster in the catalog`);
    if (!values["dry-run"]) {
      for (const cluster of targets) {
        const version = await prepareTemplate(cluster, dbmate(), migrationsDir);
        const refilled = await refillSpares(cluster, config.SPARE_DATABASES);
        console.log(`${cluster.cluster}: template at ${version}, spares refilled: ${refilled}`);
      }
    }
    const bar = progress("agencies");
    const outcomes = await migrateFleet({ control, clusters, catalogUrl: lifecycle.catalogUrl }, {
      dbmateBin: dbmate(),
      migrationsDir,
      concurrency,
      onlyFailed: values["only-failed"],
      agency: values.agency,
      cluster: values.cluster,
      dryRun: values["dry-run"],
      onResult: (o, done, total) =>
        bar.item(done, total, `${o.databaseName} ${o.status}${o.error ? `: ${o.error}` : ""}`),
    });
    bar.end();
    const count = (status: string, of = outcomes) => of.filter((o) => o.status === status).length;
    const summary = (of: typeof outcomes) => ({
      agencies: of.length,
      migrated: count("migrated", of),
      current: count("current", of),
      pending: count("pending", of),
      failed: count("failed", of),
      locked: count("locked", of),
      skipped: count("skipped", of),
      cold: count("cold", of),
    });
    // Cold agencies are only counted (there may be thousands): each is migrated when it wakes.
    const interesting = outcomes.filter((o) => !["current", "migrated", "cold"].includes(o.status));
    if (interesting.length) {
      console.log(table(interesting.map((o) => ({
        database: o.databaseName,
        status: o.status,
        pending: o.pending.join(" "),
        error: o.error,
      }))));
    }
    const total = {
      cluster: "all",
      ...summary(outcomes),
      seconds: ((performance.now() - started) / 1000).toFixed(1),
    };
    const rows = targets.map((c) => ({
      cluster: c.cluster,
      ...summary(outcomes.filter((o) => o.cluster === c.cluster)),
    }));
    console.log(table([...rows, total], Object.keys(total)));
    if (count("failed") || count("locked")) Deno.exit(1);
  })
);
