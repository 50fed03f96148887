// `deno task clusters:list | clusters:add NAME --region R [--max-agencies N] [--max-bytes B]
//   | clusters:drain NAME | clusters:open NAME`: the clusters agencies live on. A cluster is checked
// before it is accepted (its admin URL, its pooler with the app role, its console and superuser when
// set, the settings the mover needs), then gets its template and spares, then opens.
import { parseArgs } from "node:util";
import { appRoleOf, ConfigError, serverSecrets } from "../config.ts";
import { connect } from "../platform/db.ts";
import { type ClusterRow, clusterRows, defaultSecretRefs } from "../tenancy/cluster-directory.ts";
import { refillSpares } from "../tenancy/spares.ts";
import { prepareTemplate } from "../tenancy/template.ts";
import { withCliContext } from "./context.ts";
import { exitOnError } from "./exit.ts";
import { table } from "./output.ts";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    region: { type: "string" },
    "max-agencies": { type: "string", default: "10000" },
    "max-bytes": { type: "string" },
  },
});
const [action, name] = positionals;
const NAME = /^[a-z][a-z0-9_-]{0,62}$/;
const REGION = /^[a-z][a-z0-9-]{0,31}$/;

/** Answers `query` at `url` within 5 s, or says what failed. */
async function probe(what: string, url: string, query: string): Promise<string | undefined> {
  const sql = connect(url, { max: 1, applicationName: "buildflow-cli" });
  try {
    const rows = await sql.unsafe(query).simple();
    return rows.length ? undefined : `${what}: no answer to ${query}`;
  } catch (error) {
    return `${what}: ${(error as Error).message}`;
  } finally {
    await sql.end({ timeout: 2 });
  }
}

/** What is wrong with a cluster's secrets and servers; empty when it can take agencies. */
async function problems(
  refs: ReturnType<typeof defaultSecretRefs>,
  secrets: Record<string, string>,
  appRole: string,
) {
  const missing = Object.values(refs).filter((ref) => !secrets[ref] && ref !== refs.superuserDsnRef);
  if (missing.length) {
    return missing.map((ref) => `the secret ${ref} is not set (environment or CLUSTER_SECRETS_FILE)`);
  }
  const found = await Promise.all([
    probe(
      "admin URL",
      secrets[refs.directDsnRef],
      "select 1 from pg_roles where rolname = current_user and rolcreatedb",
    ),
    probe(
      "admin URL",
      secrets[refs.directDsnRef],
      `select 1 from pg_roles where rolname = '${appRole.replaceAll("'", "''")}'`,
    ),
    probe("pooler URL (app role)", secrets[refs.poolerDsnRef], "select 1"),
    probe("pooler console URL", secrets[refs.poolerAdminDsnRef], "show version"),
    ...(secrets[refs.superuserDsnRef]
      ? [
        probe(
          "superuser URL",
          secrets[refs.superuserDsnRef],
          "select 1 where current_setting('is_superuser') = 'on'",
        ),
        probe(
          "superuser URL (wal_level = logical, for moves)",
          secrets[refs.superuserDsnRef],
          "select 1 where current_setting('wal_level') = 'logical'",
        ),
        probe(
          "superuser URL (max_prepared_transactions > 0, for moves)",
          secrets[refs.superuserDsnRef],
          "select 1 where current_setting('max_prepared_transactions')::int > 0",
        ),
      ]
      : []),
  ]);
  return found.filter((p): p is string => p !== undefined);
}

await exitOnError(() =>
  withCliContext(async ({ config, servers, control, clusters, dbmate }) => {
    const secrets = serverSecrets(servers);
    const usage =
      "usage: clusters:<list|add|drain|open> [NAME] [--region R] [--max-agencies N] [--max-bytes B]";
    if (action === "list") {
      const counts = new Map(
        (await control<{ cluster: string; agencies: number }[]>`
          select cluster, count(*)::int as agencies from agencies where status in ('active', 'suspended')
          group by cluster`).map((r) => [r.cluster, r.agencies]),
      );
      const rows = await clusterRows(control);
      console.log(table(rows.map((r: ClusterRow) => ({
        name: r.name,
        region: r.region,
        state: r.state,
        agencies: counts.get(r.name) ?? 0,
        maxAgencies: r.maxAgencies,
        maxBytes: r.maxBytes,
        secrets: [r.directDsnRef, r.poolerDsnRef, r.poolerAdminDsnRef].every((ref) => !ref || secrets[ref])
          ? "set"
          : "MISSING",
        mover: r.superuserDsnRef && secrets[r.superuserDsnRef] ? "yes" : "no",
      }))));
      return;
    }
    if (!name || !NAME.test(name)) throw new ConfigError(`${usage}\n  NAME must match ${NAME}`);
    const [row] = await control<ClusterRow[]>`select name from clusters where name = ${name}`;
    if (action === "add") {
      const region = values.region;
      if (!region || !REGION.test(region)) {
        throw new ConfigError(`--region must be a region name like in-west`);
      }
      const maxAgencies = Number(values["max-agencies"]);
      const maxBytes = values["max-bytes"] === undefined ? null : Number(values["max-bytes"]);
      if (!Number.isInteger(maxAgencies) || maxAgencies < 1) {
        throw new ConfigError("--max-agencies must be a positive integer");
      }
      if (maxBytes !== null && !(Number.isInteger(maxBytes) && maxBytes > 0)) {
        throw new ConfigError("--max-bytes must be a positive integer");
      }
      if (row) {
        throw new ConfigError(
          `cluster ${name} exists already (clusters:open or clusters:drain change its state)`,
        );
      }
      const refs = defaultSecretRefs(name);
      const found = await problems(refs, secrets, appRoleOf(servers));
      if (found.length) throw new ConfigError(`cluster ${name} was not added:\n  ${found.join("\n  ")}`);
      // Listed draining until its template and spares exist: no signup lands on it half-made.
      await control`
        insert into clusters (name, region, state, max_agencies, max_bytes, direct_dsn_ref, pooler_dsn_ref,
          pooler_admin_dsn_ref, superuser_dsn_ref)
        values (${name}, ${region}, 'draining', ${maxAgencies}, ${maxBytes}, ${refs.directDsnRef},
          ${refs.poolerDsnRef}, ${refs.poolerAdminDsnRef}, ${refs.superuserDsnRef})`;
      const cluster = await clusters.get(name);
      console.log(`${name}: template at ${await prepareTemplate(cluster, dbmate())}`);
      console.log(`${name}: spares ${await refillSpares(cluster, config.SPARE_DATABASES)}`);
      await control`update clusters set state = 'open' where name = ${name}`;
      console.log(
        `${name}: open in region ${region}${
          secrets[refs.superuserDsnRef] ? "" : ` (no ${refs.superuserDsnRef}: no moves to or from it)`
        }`,
      );
      return;
    }
    if (action !== "drain" && action !== "open") throw new ConfigError(usage);
    if (!row) throw new ConfigError(`no cluster named ${name} (clusters:list shows them)`);
    if (action === "open") {
      const [refs] = await control<ReturnType<typeof defaultSecretRefs>[]>`
        select direct_dsn_ref, pooler_dsn_ref, pooler_admin_dsn_ref, superuser_dsn_ref from clusters where name = ${name}`;
      const found = await problems(refs, secrets, appRoleOf(servers));
      if (found.length) throw new ConfigError(`cluster ${name} was not opened:\n  ${found.join("\n  ")}`);
    }
    await control`update clusters set state = ${
      action === "open" ? "open" : "draining"
    } where name = ${name}`;
    console.log(
      `${name}: ${
        action === "open" ? "open: takes new agencies" : "draining: serves its agencies, takes no new ones"
      }`,
    );
  })
);
