// A stack of the file's own (LOCAL_CLUSTERS=2: two PostgreSQL clusters, each with its PgBouncer, the
// catalog on the first; or one cluster with LOCAL_REPLICAS), an app on it, and its CLIs: what the
// multi-cluster and replica tests share.
import { afterAll, beforeAll } from "vitest";
import { createApp, createServices, type Services } from "../../src/app.ts";
import { prepareServers } from "../../src/cli/context.ts";
import { serverSecrets } from "../../src/config.ts";
import { bootLocalStack, type LocalCluster, type LocalStack } from "../../src/stack/index.ts";
import { findPgbackrest } from "../../src/platform/tools.ts";
import { upsertOperator } from "../../src/admin/operators.ts";
import { hashPassword } from "../../src/auth/password.ts";
import { type AnyApp, call, hex } from "../support/fixtures.ts";
import { stack as shared, testConfig } from "../support/stack.ts";

export type ClusterStack = {
  local: LocalStack;
  services: Services;
  app: AnyApp;
  /** The cluster named `name`. */
  cluster(name: string): LocalCluster;
  /** The environment a CLI needs for this stack: the catalog's URLs and every cluster's secrets. */
  env(): Record<string, string>;
};

/** Boots the stack (two clusters unless told otherwise) before the file's tests, stops it after. With
 * `archiveTimeoutSeconds`, every cluster archives to the stack's backup repository, and the app and
 * the CLIs are configured with it. */
export function clusterStack(
  config: Record<string, string> = {},
  { clusters = 2, replicas = 0, archiveTimeoutSeconds = 0 } = {},
): ClusterStack {
  let dir = "";
  const s = {} as ClusterStack;
  beforeAll(async () => {
    dir = await Deno.makeTempDir({ prefix: "buildflow-clusters-" });
    await Deno.chmod(dir, 0o755); // the postgres system user must reach its data directory
    const { tools } = shared();
    const pgbackrest = archiveTimeoutSeconds ? findPgbackrest(testConfig()) : "";
    s.local = await bootLocalStack(dir, tools, {
      clusters,
      replicas,
      budget: 100,
      archiving: pgbackrest ? { pgbackrest, archiveTimeoutSeconds } : undefined,
    });
    await prepareServers(s.local.servers, tools.dbmate, s.local.clusters);
    const repository: Record<string, string> = s.local.backups
      ? {
        BACKUP_CONFIG_FILE: s.local.backups.configFile,
        BACKUP_CIPHER_PASS: s.local.backups.cipherPass,
        BACKUP_SCRATCH_DIR: s.local.backups.scratchDir,
        PGBACKREST_BIN: pgbackrest,
      }
      : {};
    s.services = createServices(
      testConfig({
        TRUST_PROXY: "1",
        SPARE_DATABASES: "0",
        BACKUP_DIR: `${dir}/dumps`,
        ...repository,
        ...config,
      }),
      s.local.servers,
    );
    s.app = createApp(s.services);
    // As a served API does: moves made by other processes (the CLI) reach this app over the catalog.
    await s.services.watchAgencyChanges();
    s.services.replicas.start();
    s.cluster = (name) => s.local.clusters.find((c) => c.name === name)!;
    s.env = () => ({
      ...serverSecrets(s.local.servers),
      MOVE_SOURCE_GRACE_SECONDS: "3600",
      SPARE_DATABASES: "0",
      BACKUP_DIR: `${dir}/dumps`,
      ...repository,
    });
  }, 120_000);
  afterAll(async () => {
    await s.services?.close();
    await s.local?.stop();
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  }, 300_000); // a stack of 200 agencies checkpoints and removes gigabytes on the way down
  return s;
}

/** A platform owner on this stack's catalog (the console tests' password), logged in to the API. */
export async function operator(s: ClusterStack): Promise<{ email: string; token: string }> {
  const email = `owner.${hex(8)}@ops.example.com`;
  const password = "Operator-pass-42-long";
  await upsertOperator(s.services.control, {
    email,
    fullName: "Cluster operator",
    role: "owner",
    passwordHash: await hashPassword(password),
  });
  const res = await call(s.app, "POST", "/api/admin/login", { body: { email, password } });
  return { email, token: (res.body as { token: string }).token };
}
