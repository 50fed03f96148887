// `deno task backup --agency <id|database> | --all [--out DIR]`: one pg_dump custom-format file per
// agency database plus the catalog, and a manifest.json (agency, database, schema_version, bytes,
// sha256, time). Exits non-zero when any dump failed.
import { parseArgs } from "node:util";
import { findAgency } from "../catalog/agencies.ts";
import { dumpDatabase, type DumpInfo } from "../platform/pg-dump.ts";
import { databaseUrlFor } from "../tenancy/control-plane.ts";
import { withCliContext } from "./context.ts";
import { exitOnError } from "./exit.ts";
import { progress, table } from "./output.ts";

const { values } = parseArgs({
  options: { agency: { type: "string" }, all: { type: "boolean", default: false }, out: { type: "string" } },
});

await exitOnError(() =>
  withCliContext(async ({ config, control: sql, servers, clusters, lifecycle }) => {
    if (!values.agency && !values.all) throw new Error("Pass --agency <id|database> or --all");
    const agencies = values.all
      ? await sql<{ id: string; databaseName: string; cluster: string; schemaVersion: string | null }[]>`
          select id, database_name, cluster, schema_version from agencies where status in ('active', 'suspended', 'archiving')
          order by database_name`
      : [
        await findAgency(
          sql,
          /^[0-9a-f-]{36}$/.test(values.agency!) ? { id: values.agency! } : { databaseName: values.agency! },
        ),
      ]
        .filter(Boolean);
    if (!agencies.length) throw new Error(`No such agency: ${values.agency}`);
    const dir = values.out ?? `${config.BACKUP_DIR}/${new Date().toISOString().replace(/[:.]/g, "-")}`;
    const entries: (Partial<DumpInfo> & {
      agencyId?: string;
      cluster?: string;
      schemaVersion?: string | null;
      error?: string;
    })[] = [];
    entries.push(await dumpDatabase(servers.databaseUrl, lifecycle.pgBin, `${dir}/catalog.dump`));
    const bar = progress("backup");
    for (const [i, agency] of agencies.entries()) {
      try {
        const { databaseUrl } = await clusters.get(agency!.cluster);
        const dump = await dumpDatabase(
          databaseUrlFor(databaseUrl, agency!.databaseName),
          lifecycle.pgBin,
          `${dir}/${agency!.databaseName}.dump`,
        );
        entries.push({
          agencyId: agency!.id,
          cluster: agency!.cluster,
          schemaVersion: agency!.schemaVersion,
          ...dump,
        });
      } catch (error) {
        entries.push({
          agencyId: agency!.id,
          database: agency!.databaseName,
          error: (error as Error).message,
        });
      }
      bar.item(i + 1, agencies.length, agency!.databaseName);
    }
    bar.end();
    await Deno.writeTextFile(
      `${dir}/manifest.json`,
      JSON.stringify({ createdAt: new Date().toISOString(), entries }, null, 2),
    );
    console.log(
      table(
        entries.map((e) => ({
          database: e.database,
          cluster: e.cluster,
          bytes: e.bytes,
          sha256: e.sha256?.slice(0, 12),
          error: e.error,
        })),
      ),
    );
    console.log(`manifest: ${dir}/manifest.json`);
    if (entries.some((e) => e.error)) Deno.exit(1);
  })
);
