// `deno task backup --agency <id|database> | --all [--out DIR]`: one pg_dump custom-format file per
// agency database plus the catalog, and a manifest.json (agency, database, schema_version, bytes,
// sha256, time). Exits non-zero when any dump failed.
import { parseArgs } from "node:util";
import { dumpAgencies, dumpSetDir } from "../backups/dumps.ts";
import { findAgency } from "../catalog/agencies.ts";
import { withCliContext } from "./context.ts";
import { exitOnError } from "./exit.ts";
import { progress, table } from "./output.ts";

const { values } = parseArgs({
  options: { agency: { type: "string" }, all: { type: "boolean", default: false }, out: { type: "string" } },
});

await exitOnError(() =>
  withCliContext(async ({ config, control, servers, clusters, lifecycle }) => {
    if (!values.agency && !values.all) throw new Error("Pass --agency <id|database> or --all");
    const one = values.agency
      ? await findAgency(
        control,
        /^[0-9a-f-]{36}$/.test(values.agency) ? { id: values.agency } : { databaseName: values.agency },
      )
      : undefined;
    if (values.agency && !one) throw new Error(`No such agency: ${values.agency}`);
    const bar = progress("backup");
    const { dir, entries } = await dumpAgencies(
      { control, catalogUrl: servers.databaseUrl, clusters, pgBin: lifecycle.pgBin },
      values.out ?? dumpSetDir(config.BACKUP_DIR),
      one ? [one] : undefined,
      (done, of, database) => bar.item(done, of, database),
    );
    bar.end();
    console.log(
      table(
        entries.filter((e) => !e.cold).map((e) => ({
          database: e.database,
          cluster: e.cluster,
          bytes: e.bytes,
          sha256: e.sha256?.slice(0, 12),
          error: e.error,
        })),
      ),
    );
    const cold = entries.filter((e) => e.cold).length;
    if (cold) console.log(`${cold} cold agencies: their dumps are listed in the manifest where they lie`);
    console.log(`manifest: ${dir}/manifest.json`);
    if (entries.some((e) => e.error)) Deno.exit(1);
  })
);
